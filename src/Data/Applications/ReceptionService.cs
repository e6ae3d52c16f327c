using HanoiWorkbench.Core.Reception;
using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Calendar;
using HanoiWorkbench.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Applications;

/// <summary>Receiving an application at the counter: any branch, any active area.</summary>
public sealed class ReceptionService(IDbContextFactory<WorkbenchDbContext> dbFactory, CalendarProvider calendar, Pool.WorkPool pool, ILiveEvents live, TimeProvider clock)
{
    public async Task<ReceptionOptions> OptionsAsync(int branchId, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var procedures = await db.Procedures.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).ToListAsync(ct).ConfigureAwait(false);
        var areas = await db.Areas.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new AreaChoice(a.Id, a.Name, a.Kind)).ToListAsync(ct).ConfigureAwait(false);
        var branch = await db.Branches.AsNoTracking().Where(b => b.Id == branchId)
            .Select(b => new { b.HomeAreaId, b.Name }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return new ReceptionOptions(procedures.Select(ToChoice).ToList(), areas, branch?.HomeAreaId, branch?.Name ?? "");
    }

    /// <summary>The due moment if the application were received now: shown before the clerk confirms.</summary>
    public async Task<DateTimeOffset> PreviewDueAsync(ProcedureChoice procedure, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var cal = await calendar.GetAsync(ct).ConfigureAwait(false);
        return DueDateRules.ComputeDue(clock.GetUtcNow(), procedure.Unit, procedure.ProcessingValue, cal, calendar.Hours);
    }

    /// <summary>What the clerk must confirm before receiving now, outside the branch's office hours; null inside them.</summary>
    public async Task<string?> OutsideOfficeHoursAsync(int branchId, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var code = await db.Branches.AsNoTracking().Where(b => b.Id == branchId).Select(b => b.Code).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return WorkingTime.OutsideOfficeHoursWarning(clock.GetUtcNow(), await calendar.GetAsync(ct).ConfigureAwait(false), calendar.HoursFor(code));
    }

    /// <summary>
    /// Validates everything again, then in one transaction allocates the daily number of the receiving agency and inserts
    /// the application, so two clerks confirming at the same moment never share a code. Publishes after commit.
    /// </summary>
    public async Task<ReceptionResult> ReceiveAsync(ReceptionRequest request, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        var local = WorkingHours.ToVietnam(now);
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);

        var procedure = request.ProcedureId is int pid
            ? await db.Procedures.FirstOrDefaultAsync(p => p.Id == pid && p.IsActive, ct).ConfigureAwait(false)
            : null;
        var areaIsActive = request.AreaId is int aid && await db.Areas.AnyAsync(a => a.Id == aid && a.IsActive, ct).ConfigureAwait(false);
        var errors = ReceptionRules.Validate(request, procedure is null ? null : ToChoice(procedure), areaIsActive, local.Year);
        if (errors.Count > 0) return ReceptionResult.Invalid(errors);

        // The branch is the one the staff record says the clerk works at now, not the one the page opened with.
        var me = await ActingStaff.FindAsync(db, actor.StaffId, ct).ConfigureAwait(false);
        if (me is null || !me.Allows(StaffAction.ReceiveApplication, me.CurrentBranchId))
            return ReceptionResult.Invalid(me is null ? ActingStaff.Inactive : Permissions.Refusal(StaffAction.ReceiveApplication));
        var branch = await db.Branches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == me.CurrentBranchId, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Branch {me.CurrentBranchId} does not exist.");
        var cal = await calendar.GetAsync(ct).ConfigureAwait(false);
        var due = DueDateRules.ComputeDue(now, procedure!.ProcessingUnit, procedure.ProcessingValue, cal, calendar.HoursFor(branch.Code));
        var applicant = new Applicant(request.FullName!.Trim(), CitizenIdRules.Validate(request.CitizenId).Normalized!,
            PhoneRules.Validate(request.Phone).Normalized!, request.Address!.Trim());
        var documents = request.Documents.Where(d => d.Ticked).Select(d => new ReceivedDocument(d.Name, d.Count)).ToList();
        var day = DateOnly.FromDateTime(local.DateTime);

        var strategy = db.Database.CreateExecutionStrategy();
        ReceptionResult result;
        try
        {
            result = await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                await using var txDisposal = tx.ConfigureAwait(false);
                // Checked inside the transaction that inserts: a second submission of the same form returns the first application.
                if (await FirstWithTokenAsync(db, request.Token, ct).ConfigureAwait(false) is { } first) return first;
                if (await ActingStaff.FindAsync(db, actor.StaffId, ct).ConfigureAwait(false) != me) return ReceptionResult.Invalid(ActingStaff.Changed);
                var sequence = await SequenceAllocator.NextAsync(db, SequenceAllocator.ApplicationScope(branch.AgencyId), day, ct).ConfigureAwait(false);
                var code = ApplicationCode.Format(branch.AgencyId, day, sequence);
                var created = Application.ReceiveAtCounter(code, applicant, procedure, request.AreaId!.Value, branch.Id, me.StaffId, documents, now, due,
                    receptionToken: request.Token);
                db.Applications.Add(created);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                // The ticket the clerk is serving is the same visit: a citizen's rating of either rates both (one per visit).
                var serving = await db.Tickets.FirstOrDefaultAsync(t => t.StaffId == me.StaffId && t.Status == TicketStatus.Serving
                    && t.ServiceDate == day && t.ApplicationId == null, ct).ConfigureAwait(false);
                serving?.LinkApplication(created.Id);
                // Processing goes to the citywide pool in the same transaction: whoever is free and able takes it.
                await pool.SyncAsync(db, created, procedure, ct).ConfigureAwait(false);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
                return ReceptionResult.Saved(created.Id, created.Code);
            }).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (request.Token is not null)
        {
            // The twin submission committed between our check and our insert: the unique token index refused ours.
            var fresh = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
            await using var freshDisposal = fresh.ConfigureAwait(false);
            var twin = await FirstWithTokenAsync(fresh, request.Token, ct).ConfigureAwait(false);
            if (twin is null) throw;
            result = twin;
        }
        if (result.Replayed) return result;

        await live.PublishAsync(LiveEventKind.ApplicationChanged, branch.Id, result.ApplicationId, ct).ConfigureAwait(false);
        await live.PublishAsync(LiveEventKind.WorkItemChanged, null, result.ApplicationId, ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>The application a form submission with this token received already, as a replayed result; null when none.</summary>
    internal static async Task<ReceptionResult?> FirstWithTokenAsync(WorkbenchDbContext db, Guid? token, CancellationToken ct)
    {
        if (token is null) return null;
        var first = await db.Applications.AsNoTracking().Where(a => a.ReceptionToken == token)
            .Select(a => new { a.Id, a.Code }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return first is null ? null : ReceptionResult.Saved(first.Id, first.Code, replayed: true);
    }

    internal static ProcedureChoice ToChoice(Procedure p) =>
        new(p.Id, p.Name, p.NationalCode, p.Version, p.ProcessingUnit, p.ProcessingValue, p.FeeVnd, p.FeeNote, p.RequiredDocuments);
}
