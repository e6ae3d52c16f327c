using HanoiWorkbench.Core.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HanoiWorkbench.Data.Staffing;

/// <summary>
/// Every <see cref="Period"/> (on the <see cref="TimeProvider"/>'s clock, so tests move time): starts the absences and lends that
/// are due, ends those that are over (a lent person is back home without anyone acting) and applies "let them finish" seat moves
/// whose ticket is done.
/// </summary>
public sealed class StaffPeriodMaintenance(StaffMoves moves, TimeProvider clock, ILogger<StaffPeriodMaintenance> log) : BackgroundService
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

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            var changed = await moves.ApplyDueAsync(ct).ConfigureAwait(false);
            if (changed > 0) log.LogInformation("Staff periods: {Changed} starts, ends or planned seats applied", changed);
            return changed;
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or DomainException or InvalidOperationException)
        {
            // One failed pass must not stop the service: the next tick tries again.
            log.LogWarning(e, "Staff period pass failed");
            return 0;
        }
    }
}
