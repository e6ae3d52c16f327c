using HanoiWorkbench.Core.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HanoiWorkbench.Data.Pool;

/// <summary>
/// Every <see cref="Period"/> (on the <see cref="TimeProvider"/>'s clock, so tests move time): returns claims untouched for the
/// policy's timeout to the pool and lets overloaded branches overflow. Take-next does the same return check itself.
/// </summary>
public sealed class PoolMaintenance(WorkPool pool, TimeProvider clock, ILogger<PoolMaintenance> log) : BackgroundService
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

    public async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            var returned = await pool.ReturnStaleAsync(ct).ConfigureAwait(false);
            var moved = await pool.OverflowAsync(ct).ConfigureAwait(false);
            if (returned + moved > 0) log.LogInformation("Pool: {Returned} untouched claims returned, {Moved} items overflowed", returned, moved);
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or DomainException or InvalidOperationException)
        {
            // One failed pass must not stop the service: the next tick tries again.
            log.LogWarning(e, "Pool maintenance pass failed");
        }
    }
}
