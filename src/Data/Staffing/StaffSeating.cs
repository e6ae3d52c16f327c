using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Staffing;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Staffing;

/// <summary>
/// The one read behind <see cref="StaffMoveRules.CheckMaySit"/>, for a clerk opening their own counter and a manager seating
/// them alike: the person's counted absences and lends that cover the moment.
/// </summary>
internal static class StaffSeating
{
    public static async Task EnsureMaySitAsync(WorkbenchDbContext db, Staff staff, int counterBranchId, DateTimeOffset now, CancellationToken ct)
    {
        var periods = (await db.StaffPeriods.AsNoTracking()
                .Where(p => p.StaffId == staff.Id && p.CancelledAt == null && p.EndedAt == null && p.From <= now)
                .ToListAsync(ct).ConfigureAwait(false))
            .Select(p => p.ToRule()).Where(p => p.Covers(now)).ToList();
        var lentTo = periods.Where(p => p.ToBranchId is not null).Select(p => p.ToBranchId!.Value).ToList();
        var names = lentTo.Count == 0
            ? new Dictionary<int, string>()
            : await db.Branches.AsNoTracking().Where(b => lentTo.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct).ConfigureAwait(false);
        var problems = StaffMoveRules.CheckMaySit(staff.HomeBranchId, periods, now, counterBranchId, id => names.GetValueOrDefault(id, "chi nhánh khác"));
        if (problems.Count > 0) throw new DomainException(string.Join(" ", problems));
    }
}
