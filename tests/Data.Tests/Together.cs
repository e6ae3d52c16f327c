namespace HanoiWorkbench.Data.Tests;

/// <summary>
/// Starts workers behind one barrier: each is queued to the pool and awaits the same signal, released once all are queued.
/// With <c>WORKBENCH_TOGETHER_SEQUENTIAL=1</c> the workers run one after another instead: the check that every concurrency
/// test fails when its race cannot happen (a scripted race or a rendezvous then times out; see docs/architecture.md).
/// </summary>
internal static class Together
{
    private static bool Sequential => Environment.GetEnvironmentVariable("WORKBENCH_TOGETHER_SEQUENTIAL") == "1";

    public static async Task<T[]> RunAsync<T>(int workers, Func<int, Task<T>> work)
    {
        if (Sequential)
        {
            var results = new T[workers];
            for (var i = 0; i < workers; i++)
            {
                var worker = i;
                results[i] = await Task.Run(() => work(worker));
            }
            return results;
        }
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = Enumerable.Range(0, workers).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await work(i);
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(running);
    }

    public static Task RunAsync(int workers, Func<int, Task> work) =>
        RunAsync(workers, async i =>
        {
            await work(i);
            return true;
        });
}
