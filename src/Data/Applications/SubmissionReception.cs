using HanoiWorkbench.Core.Reception;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Calendar;
using HanoiWorkbench.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Applications;

/// <summary>
/// The clerk's check of an online (or postal) submission, ending in a receipt exactly as at the counter: documents ticked
/// against the procedure's checklist, clock from now, the clerk's branch receives and handles it. Refusal and completion
/// requests go through <see cref="ApplicationActions"/> like any other action.
/// </summary>
public sealed class SubmissionReception(IDbContextFactory<WorkbenchDbContext> dbFactory, CalendarProvider calendar, Pool.WorkPool pool, ILiveEvents live, TimeProvider clock)
{
    /// <summary>What the check dialog shows; null when the application is not (or no longer) waiting to be received.</summary>
    public async Task<SubmissionCheck?> CheckAsync(long applicationId, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var app = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct).ConfigureAwait(false);
        if (app is null || !app.Can(ApplicationAction.Receive)) return null;
        var procedure = await db.Procedures.AsNoTracking().FirstAsync(p => p.Id == app.ProcedureId, ct).ConfigureAwait(false);
        var cal = await calendar.GetAsync(ct).ConfigureAwait(false);
        var due = DueDateRules.ComputeDue(clock.GetUtcNow(), procedure.ProcessingUnit, procedure.ProcessingValue, cal, calendar.Hours);
        return new SubmissionCheck(app.Id, app.Version, ReceptionService.ToChoice(procedure), app.Documents.ToList(), due);
    }

    /// <summary>
    /// Receives the submission the clerk saw at <paramref name="seenVersion"/>. The token is the check form's: a second
    /// submission of the same form (double click) returns the first receipt instead of a conflict, and nothing is written twice.
    /// </summary>
    public async Task<ReceptionResult> ReceiveAsync(long applicationId, int seenVersion, IReadOnlyList<DocumentTick> documents, Guid token, Actor actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        var cal = await calendar.GetAsync(ct).ConfigureAwait(false);
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var strategy = db.Database.CreateExecutionStrategy();
        ReceptionResult result;
        var receivingBranch = actor.BranchId;
        try
        {
            result = await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                await using var txDisposal = tx.ConfigureAwait(false);
                // Lock the application row before anything is read (a no-op update): a twin waits here, then finds the token
                // below. Without it two checks of one submission deadlocked on PostgreSQL, each holding a row the other wanted.
                await db.Applications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, a => a.Version), ct).ConfigureAwait(false);
                if (await ReceptionService.FirstWithTokenAsync(db, token, ct).ConfigureAwait(false) is { } first) return first;
                var app = await db.Applications.Include(a => a.Steps).Include(a => a.Pauses)
                    .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == applicationId, ct).ConfigureAwait(false);
                if (app is null) return ReceptionResult.Invalid("Không tìm thấy hồ sơ.");
                if (app.Version != seenVersion) return ReceptionResult.Invalid(ActionResult.ConflictMessage);
                // The clerk as the staff record says now: the branch that receives is the one they work at today.
                var me = await ActingStaff.FindAsync(db, actor.StaffId, ct).ConfigureAwait(false);
                if (me is null || !me.Allows(StaffAction.ReceiveApplication, app.ReceivingBranchId, app.HandlingBranchId))
                    return ReceptionResult.Invalid(me is null ? ActingStaff.Inactive : Permissions.Refusal(StaffAction.ReceiveApplication));
                receivingBranch = me.CurrentBranchId;
                var procedure = await db.Procedures.AsNoTracking().FirstAsync(p => p.Id == app.ProcedureId, ct).ConfigureAwait(false);
                if (ReceptionRules.DocumentsError(documents, ReceptionService.ToChoice(procedure)) is { } error)
                    return ReceptionResult.Invalid(new Dictionary<string, string> { [ReceptionFields.Documents] = error });
                var due = DueDateRules.ComputeDue(now, procedure.ProcessingUnit, procedure.ProcessingValue, cal, calendar.Hours);
                try
                {
                    app.ReceiveSubmission(me.StaffId, me.CurrentBranchId, now, due,
                        documents.Where(d => d.Ticked).Select(d => new ReceivedDocument(d.Name, d.Count)).ToList(), token);
                }
                catch (DomainException ex)
                {
                    return ReceptionResult.Invalid(ex.Message);
                }
                // The check item closes and processing enters the pool in the same transaction.
                await pool.SyncAsync(db, app, procedure, ct).ConfigureAwait(false);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
                return ReceptionResult.Saved(app.Id, app.Code);
            }).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // A twin submission (or another clerk) changed the application between our read and our write.
            var fresh = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
            await using var freshDisposal = fresh.ConfigureAwait(false);
            result = await ReceptionService.FirstWithTokenAsync(fresh, token, ct).ConfigureAwait(false) ?? ReceptionResult.Invalid(ActionResult.ConflictMessage);
        }
        if (!result.Succeeded || result.Replayed) return result;
        await live.PublishAsync(LiveEventKind.ApplicationChanged, receivingBranch, result.ApplicationId, ct).ConfigureAwait(false);
        await live.PublishAsync(LiveEventKind.WorkItemChanged, null, result.ApplicationId, ct).ConfigureAwait(false);
        return result;
    }
}
