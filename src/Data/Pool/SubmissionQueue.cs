using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Pool;
using HanoiWorkbench.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Pool;

/// <summary>An online submission waiting for a clerk's check, as the list shows it (no personal data: Decree 13/2023).</summary>
public sealed record WaitingSubmission(long WorkItemId, long ApplicationId, string Code, string ProcedureName, string AreaName,
    int QueuedBranchId, string QueuedBranchName, Channel Channel, DateTimeOffset SubmittedAt, DateTimeOffset CheckDueAt, bool HeldByMe);

/// <summary>Submissions routed to the clerk's branch (and those the clerk holds), then the rest of the pool; each oldest first.</summary>
public sealed record WaitingSubmissions(IReadOnlyList<WaitingSubmission> ForBranch, IReadOnlyList<WaitingSubmission> Elsewhere, int ElsewhereTotal);

/// <summary>
/// The check-submission items of the pool as a list a clerk works through, and taking one to check: the item is claimed
/// for the clerk and the application handed to the clerk's branch, so the clerk may open it.
/// </summary>
public sealed class SubmissionQueue(IDbContextFactory<WorkbenchDbContext> contexts, WorkPool pool, PoolPolicyStore policies, TimeProvider clock)
{
    public const int Shown = 100;

    public async Task<WaitingSubmissions> WaitingAsync(Data.Applications.Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var waiting = db.WorkItems.AsNoTracking().Where(w => w.Kind == WorkKind.CheckSubmission
                && (w.State == WorkItemState.Open || (w.State == WorkItemState.Claimed && w.ClaimedByStaffId == actor.StaffId)));
            var mine = waiting.Where(w => w.QueuedBranchId == actor.BranchId || w.ClaimedByStaffId == actor.StaffId);
            var elsewhere = waiting.Where(w => w.QueuedBranchId != actor.BranchId && w.ClaimedByStaffId == null);
            return new WaitingSubmissions(
                await Views(db, mine, actor.StaffId).Take(Shown).ToListAsync(ct).ConfigureAwait(false),
                await Views(db, elsewhere, actor.StaffId).Take(Shown).ToListAsync(ct).ConfigureAwait(false),
                await elsewhere.CountAsync(ct).ConfigureAwait(false));
        }
    }

    /// <summary>Claims the check for the clerk (or keeps the clerk's own claim) and hands the application to the clerk's branch; its id.</summary>
    public async Task<long> TakeAsync(long workItemId, Data.Applications.Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var item = await db.WorkItems.FirstOrDefaultAsync(w => w.Id == workItemId && w.Kind == WorkKind.CheckSubmission, ct).ConfigureAwait(false)
                ?? throw new DomainException("Không tìm thấy hồ sơ chờ kiểm tra.");
            if (item.State == WorkItemState.Done) throw new DomainException("Hồ sơ này đã được kiểm tra.");
            if (item.State == WorkItemState.Claimed && item.ClaimedByStaffId != actor.StaffId)
                throw new DomainException("Hồ sơ đang được cán bộ khác kiểm tra.");
            // The clerk as the staff record says now: the application goes to the branch they work at today.
            var me = await ActingStaff.ReadAsync(db, actor.StaffId, ct).ConfigureAwait(false);
            if (item.State == WorkItemState.Open)
            {
                await WorkPool.ClaimerAsync(db, me.StaffId, await policies.GetAsync(ct).ConfigureAwait(false), item.Id, ct).ConfigureAwait(false);
                item.Claim(actor.StaffId, now);
            }
            else item.Touch(actor.StaffId, now);
            var app = await db.Applications.FirstAsync(a => a.Id == item.ApplicationId, ct).ConfigureAwait(false);
            if (app.HandlingBranchId != me.CurrentBranchId)
                app.HandTo(me.CurrentBranchId, me.StaffId, me.StaffId, me.CurrentBranchId, now, "Nhận kiểm tra hồ sơ trực tuyến từ kho việc chung");
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new DomainException("Hồ sơ vừa được cán bộ khác nhận kiểm tra.");
            }
            await pool.PublishAsync(item.QueuedBranchId, item.Id, ct).ConfigureAwait(false);
            return app.Id;
        }
    }

    private static IQueryable<WaitingSubmission> Views(WorkbenchDbContext db, IQueryable<WorkItem> items, int staffId) =>
        from w in items
        join a in db.Applications on w.ApplicationId equals a.Id
        join p in db.Procedures on a.ProcedureId equals p.Id
        join ar in db.Areas on a.AreaId equals ar.Id
        join b in db.Branches on w.QueuedBranchId equals b.Id
        orderby a.SubmittedAt, w.Id
        select new WaitingSubmission(w.Id, a.Id, a.Code, p.Name, ar.Name, b.Id, b.Name, a.Channel, a.SubmittedAt, w.DueAt, w.ClaimedByStaffId == staffId);
}
