using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HanoiWorkbench.Data;

/// <summary>What one pass of a <see cref="PeriodicWork"/> did and when the next one runs.</summary>
public sealed record PeriodicPass(int Changed, bool Failed, int FailuresInARow, TimeSpan NextIn);

/// <summary>
/// Background work run every <see cref="Period"/> on the <see cref="TimeProvider"/>'s clock (tests move time with
/// <c>Advance</c>). A failed pass (any error: database busy, timeout, connection lost, a bad row) is logged without
/// personal data and the service goes on; each failure in a row doubles the wait before the next try, up to
/// <see cref="MaxBackoff"/>, so a database that is down is not hammered and the log is not flooded.
/// </summary>
public abstract class PeriodicWork(TimeProvider clock, ILogger log, string name) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(16);

    private int _failures;
    private TaskCompletionSource<PeriodicPass> _nextPass = NewPass();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the loop waits for its first pass (the host may start it on another thread).</summary>
    public Task Ready => _ready.Task;

    private static TaskCompletionSource<PeriodicPass> NewPass() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The wait before the next pass after <paramref name="failuresInARow"/> failed passes.</summary>
    public static TimeSpan DelayAfter(int failuresInARow) =>
        failuresInARow <= 0 ? Period : TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, Period.Ticks << Math.Min(failuresInARow, 10)));

    /// <summary>
    /// Completes when the loop's next pass has run and the wait after it has started, so a test that then moves the
    /// clock by <see cref="PeriodicPass.NextIn"/> reaches the pass after.
    /// </summary>
    public Task<PeriodicPass> NextPassAsync() => Volatile.Read(ref _nextPass).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        PeriodicPass? last = null;
        try
        {
            while (true)
            {
                var wait = Task.Delay(DelayAfter(_failures), clock, stoppingToken);
                if (last is not null) Interlocked.Exchange(ref _nextPass, NewPass()).TrySetResult(last);
                else _ready.TrySetResult();
                await wait.ConfigureAwait(false);
                var changed = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                last = new PeriodicPass(changed, _failures > 0, _failures, DelayAfter(_failures));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // host stopping
        }
    }

    /// <summary>One pass; the number of things it changed (0 when the pass failed).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            int changed;
            // No person acts: every audited change of the pass is appended under the job's named system actor.
            using (Audit.AuditScope.Use(new Audit.AuditActor(AuditName, null, clock)))
                changed = await PassAsync(ct).ConfigureAwait(false);
            if (_failures > 0) log.LogInformation("{Work} recovered after {Failures} failed passes", name, _failures);
            _failures = 0;
            return changed;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Only the error's type and code: a database message may quote the values of a row (names, citizen ids).
            _failures++;
            log.LogWarning("{Work} pass failed: {Error} {Code}; failure {Failures} in a row, next try in {NextIn}",
                name, e.GetType().Name, DatabaseErrors.CodeOf(e), _failures, DelayAfter(_failures));
            return 0;
        }
    }

    protected abstract Task<int> PassAsync(CancellationToken ct);

    /// <summary>The system actor the audit names for this job's changes.</summary>
    protected virtual string AuditName => $"Hệ thống ({name})";
}
