namespace HanoiWorkbench.Data.Tests;

/// <summary>Starts workers behind one barrier: each is queued to the pool and awaits the same signal, released once all are queued.</summary>
internal static class Together
{
    public static async Task<T[]> RunAsync<T>(int workers, Func<int, Task<T>> work)
    {
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
