using HanoiWorkbench.Core.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HanoiWorkbench.Data;

/// <summary>
/// Background work run every <see cref="Period"/> on the <see cref="TimeProvider"/>'s clock (so tests move time with
/// <c>Advance</c> and call <see cref="RunOnceAsync"/>). A failed pass is logged and the next tick tries again.
/// </summary>
public abstract class PeriodicWork(TimeProvider clock, ILogger log, string name) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
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
            return await PassAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or DomainException or InvalidOperationException)
        {
            // One failed pass must not stop the service: the next tick tries again.
            log.LogWarning(e, "{Work} pass failed", name);
            return 0;
        }
    }

    protected abstract Task<int> PassAsync(CancellationToken ct);
}
