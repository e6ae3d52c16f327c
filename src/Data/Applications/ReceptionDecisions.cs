using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Reception;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Applications;

/// <summary>
/// Recorded with its id, or the Vietnamese errors per field (and nothing saved). <see cref="Replayed"/>: the form's token had been
/// used already, so this is the first submission's decision and nothing new was stored.
/// </summary>
public sealed record DecisionResult(long? DecisionId, IReadOnlyDictionary<string, string> Errors, bool Replayed = false)
{
    public bool Succeeded => DecisionId is not null;

    public static DecisionResult Invalid(IReadOnlyDictionary<string, string> errors) => new(null, errors);

    public static DecisionResult Invalid(string message) => Invalid(new Dictionary<string, string> { [ReceptionFields.Application] = message });

    public static DecisionResult Saved(long id, bool replayed = false) => new(id, new Dictionary<string, string>(), replayed);
}

/// <summary>A decision as its form (Form 2 or 3) prints it.</summary>
public sealed record ReceptionDecisionDetail(long Id, ReceptionDecisionKind Kind, int BranchId, string BranchName, string StaffName, DateTimeOffset At,
    string ProcedureName, string FullName, string CitizenId, string? Phone, string? Address, IReadOnlyList<string> Missing, string Reason);

/// <summary>A period's reception decisions at a branch: received, and apart from them guided (Form 2) and refused (Form 3).</summary>
public sealed record ReceptionCounts(int Received, int Guided, int Refused);

/// <summary>
/// The counter's other two decisions (domain.md §3): written guidance to complete (Form 2) or a refusal to receive (Form 3),
/// issued from the reception form without receiving anything: no application, no code, no daily number, no clock, no pool item,
/// no line of the tracking book.
/// </summary>
public sealed class ReceptionDecisions(IDbContextFactory<WorkbenchDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// Validates everything again, then records the decision in one transaction that first looks for the form's token, so a
    /// second submission of the same form returns the first decision.
    /// </summary>
    public async Task<DecisionResult> IssueAsync(ReceptionDecisionRequest request, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);

        var procedure = request.ProcedureId is int pid
            ? await db.Procedures.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid && p.IsActive, ct).ConfigureAwait(false)
            : null;
        var areaIsActive = request.AreaId is int aid && await db.Areas.AnyAsync(a => a.Id == aid && a.IsActive, ct).ConfigureAwait(false);
        var errors = ReceptionDecisionRules.Validate(request, procedure is null ? null : ReceptionService.ToChoice(procedure), areaIsActive,
            WorkingHours.ToVietnam(now).Year);
        if (errors.Count > 0) return DecisionResult.Invalid(errors);

        // The branch is the one the staff record says the clerk works at now, not the one the page opened with.
        var me = await ActingStaff.FindAsync(db, actor.StaffId, ct).ConfigureAwait(false);
        if (me is null || !me.Allows(StaffAction.ReceiveApplication, me.CurrentBranchId))
            return DecisionResult.Invalid(me is null ? ActingStaff.Inactive : Permissions.Refusal(StaffAction.ReceiveApplication));

        ReceptionDecision decision;
        try
        {
            decision = ReceptionDecision.Issue(request.Kind, me.CurrentBranchId, me.StaffId, now, procedure!, request.AreaId, request.FullName!,
                CitizenIdRules.Validate(request.CitizenId).Normalized!,
                string.IsNullOrWhiteSpace(request.Phone) ? null : PhoneRules.Validate(request.Phone).Normalized, request.Address,
                request.Missing, request.Reason ?? "", request.Token);
        }
        catch (DomainException ex)
        {
            return DecisionResult.Invalid(ex.Message);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                await using var txDisposal = tx.ConfigureAwait(false);
                // Checked inside the transaction that inserts: a second submission of the same form returns the first decision.
                if (await FirstWithTokenAsync(db, request.Token, ct).ConfigureAwait(false) is { } first) return first;
                if (await ActingStaff.FindAsync(db, actor.StaffId, ct).ConfigureAwait(false) != me) return DecisionResult.Invalid(ActingStaff.Changed);
                db.ReceptionDecisions.Add(decision);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
                return DecisionResult.Saved(decision.Id);
            }).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (request.Token is not null)
        {
            // The twin submission committed between our check and our insert: the unique token index refused ours.
            var fresh = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
            await using var freshDisposal = fresh.ConfigureAwait(false);
            return await FirstWithTokenAsync(fresh, request.Token, ct).ConfigureAwait(false) ?? throw new InvalidOperationException("A decision's insert failed without a twin.");
        }
    }

    /// <summary>One decision as its form prints it; null when there is none.</summary>
    public async Task<ReceptionDecisionDetail?> DetailAsync(long id, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        return await (from d in db.ReceptionDecisions.AsNoTracking()
                      join b in db.Branches on d.BranchId equals b.Id
                      join s in db.Staff on d.StaffId equals s.Id
                      join p in db.Procedures on d.ProcedureId equals p.Id
                      where d.Id == id
                      select new ReceptionDecisionDetail(d.Id, d.Kind, d.BranchId, b.Name, s.FullName, d.At, p.Name, d.FullName, d.CitizenId,
                          d.Phone, d.Address, d.Missing, d.Reason))
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The branch's receptions and, counted apart, its guidance and refusals at reception in [<paramref name="from"/>,
    /// <paramref name="to"/>): the decisions never count as received.
    /// </summary>
    public async Task<ReceptionCounts> CountAsync(int branchId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var received = await db.Applications.AsNoTracking()
            .CountAsync(a => a.ReceivingBranchId == branchId && a.ReceivedAt >= from && a.ReceivedAt < to, ct).ConfigureAwait(false);
        var decisions = await db.ReceptionDecisions.AsNoTracking()
            .Where(d => d.BranchId == branchId && d.At >= from && d.At < to)
            .GroupBy(d => d.Kind).Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToListAsync(ct).ConfigureAwait(false);
        return new ReceptionCounts(received,
            decisions.Where(d => d.Kind == ReceptionDecisionKind.Guidance).Sum(d => d.Count),
            decisions.Where(d => d.Kind == ReceptionDecisionKind.Refusal).Sum(d => d.Count));
    }

    /// <summary>Today's counts (Hanoi day) for the branch.</summary>
    public Task<ReceptionCounts> TodayAsync(int branchId, CancellationToken ct = default)
    {
        var today = HanoiWorkbench.Core.HanoiTime.DateOf(clock.GetUtcNow());
        return CountAsync(branchId, HanoiWorkbench.Core.HanoiTime.StartOf(today), HanoiWorkbench.Core.HanoiTime.StartOf(today.AddDays(1)), ct);
    }

    private static async Task<DecisionResult?> FirstWithTokenAsync(WorkbenchDbContext db, Guid? token, CancellationToken ct)
    {
        if (token is null) return null;
        var first = await db.ReceptionDecisions.AsNoTracking().Where(d => d.Token == token).Select(d => (long?)d.Id)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return first is { } id ? DecisionResult.Saved(id, replayed: true) : null;
    }
}
