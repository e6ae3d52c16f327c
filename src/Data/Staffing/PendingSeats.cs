using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Staffing;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Staffing;

/// <summary>
/// A seat move the manager asked for while the person was serving ("let them finish"): it takes effect in the same
/// transaction that frees their counter (finish, no-show, park, transfer), or at the period job's next pass.
/// </summary>
public static class PendingSeats
{
    /// <summary>
    /// Seats <paramref name="staff"/> at their planned counter and closes the one they leave; returns the new counter's id,
    /// or null when nothing was planned or the plan no longer holds (then it is dropped and the history says why).
    /// The caller saves.
    /// </summary>
    public static async Task<int?> ApplyAsync(WorkbenchDbContext db, Staff staff, Counter? leaving, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(staff);
        if (staff.PendingCounterId is not { } targetId) return null;
        var target = await db.Counters.FirstOrDefaultAsync(c => c.Id == targetId, ct).ConfigureAwait(false);
        var occupant = await db.Staff.Where(s => s.CurrentCounterId == targetId && s.Id != staff.Id && s.IsActive)
            .Select(s => (int?)s.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var problems = target is null || target.BranchId != staff.CurrentBranchId
            ? ["Quầy đích không còn thuộc chi nhánh cán bộ đang làm việc."]
            : StaffMoveRules.CheckSeat(new SeatMove(staff.Id, targetId, target.IsOpen, occupant, false, ServingTicketChoice.Unchosen, null, false));
        var before = leaving?.Name;
        if (problems.Count > 0)
        {
            staff.DropPlannedSeat();
            db.StaffMoves.Add(new StaffMoveRecord(StaffMoveKind.PendingSeatDropped, staff.CurrentBranchId, null, staff.Id, targetId, null, now,
                string.Join(" ", problems), before, target?.Name));
            return null;
        }
        leaving?.Close();
        staff.SitAt(target!);
        target!.TakeSeat();
        db.StaffMoves.Add(new StaffMoveRecord(StaffMoveKind.PendingSeatApplied, staff.CurrentBranchId, null, staff.Id, targetId, null, now,
            "Cán bộ đã phục vụ xong công dân: chuyển quầy như lãnh đạo đã quyết định.", before, target.Name));
        return targetId;
    }
}
