using Microsoft.Extensions.Logging;

namespace HanoiWorkbench.Data.Staffing;

/// <summary>
/// Every minute: starts the absences and lends that are due, ends those that are over (a lent person is back home without
/// anyone acting) and applies "let them finish" seat moves whose ticket is done.
/// </summary>
public sealed class StaffPeriodMaintenance(StaffMoves moves, TimeProvider clock, ILogger<StaffPeriodMaintenance> log)
    : PeriodicWork(clock, log, "Staff period")
{
    public const string AuditActorName = "Hệ thống (bắt đầu, kết thúc vắng mặt và biệt phái theo lịch)";

    protected override string AuditName => AuditActorName;

    protected override async Task<int> PassAsync(CancellationToken ct)
    {
        var changed = await moves.ApplyDueAsync(ct).ConfigureAwait(false);
        if (changed > 0) log.LogInformation("Staff periods: {Changed} starts, ends or planned seats applied", changed);
        return changed;
    }
}
