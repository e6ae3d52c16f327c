using System.Collections.Concurrent;
using System.Net;

namespace HanoiWorkbench.EndToEnd.Crash;

/// <summary>A reception the workbench acknowledged (2xx): what was sent and what it answered.</summary>
public sealed record AcknowledgedReception(string Key, string CitizenId, HttpStatusCode Status, long ApplicationId, string Code,
    bool Interrupted, bool AfterRestart);

/// <summary>
/// The bookkeeping of one burst of operations shared by its senders (the portal's, the kiosks', the counter's): how many
/// may still start, every acknowledgement, and the two moments of the crash, the kill (due after <c>killAfter</c>
/// acknowledgements) and the restart.
/// </summary>
public sealed class Burst(int operations, int killAfter)
{
    private int _budget = operations;
    private int _acknowledged;
    private int _nextReception;
    private readonly TaskCompletionSource _killNow = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _killed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _restarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    public ConcurrentQueue<AcknowledgedReception> Receptions { get; } = new();
    public ConcurrentQueue<string> TicketsIssued { get; } = new();
    public ConcurrentQueue<string> TicketsCalled { get; } = new();

    /// <summary>Completes when the kill is due: <c>killAfter</c> acknowledgements have come back.</summary>
    public Task KillDue => _killNow.Task;

    /// <summary>Completes when the kill is under way: from then on a failed request or a dead page is expected.</summary>
    public Task Killed => _killed.Task;

    public bool IsKilled => _killed.Task.IsCompleted;

    public Task Restarted => _restarted.Task;

    /// <summary>Takes one operation of the burst's budget; false when all have been started.</summary>
    public bool TryStart() => Interlocked.Decrement(ref _budget) >= 0;

    public int NextReception() => Interlocked.Increment(ref _nextReception);

    public void Acknowledge(Action record)
    {
        ArgumentNullException.ThrowIfNull(record);
        record();
        if (Interlocked.Increment(ref _acknowledged) == killAfter) _killNow.TrySetResult();
    }

    public void MarkKilled() => _killed.TrySetResult();

    public void MarkRestarted() => _restarted.TrySetResult();

    /// <summary>
    /// True when <paramref name="step"/> ended before the kill; false when the kill came first, the step then left to
    /// end as it may (its page is dead or reloading, its outcome is not an acknowledgement).
    /// </summary>
    public async Task<bool> BeforeKillAsync(Task step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (await Task.WhenAny(step, Killed) != step)
        {
            _ = step.ContinueWith(t => t.Exception, TaskScheduler.Default);
            return false;
        }
        await step;
        return true;
    }
}
