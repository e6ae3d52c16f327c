using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Calendar;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Applications;

public sealed record StepView(ApplicationAction? Action, ApplicationStatus? From, ApplicationStatus To, string? StaffName, string BranchName, DateTimeOffset At, string? Note);

/// <summary>A stop of the clock: why, and for a supplement request what is missing (null for one recorded before it was kept apart).</summary>
/// <summary><see cref="RepeatReason"/>: why a second (or later) supplement request was needed.</summary>
public sealed record PauseView(DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string Reason, string? Missing = null, string? RepeatReason = null,
    PauseKind Kind = PauseKind.Supplement);

/// <summary>One application as its page and its forms show it. Personal data is here: check access before showing it.</summary>
public sealed record ApplicationDetail(
    long Id,
    string Code,
    int Version,
    ApplicationStatus Status,
    Channel Channel,
    Applicant Applicant,
    string ProcedureName,
    int ProcedureVersion,
    int CurrentProcedureVersion,
    long FeeVnd,
    string AreaName,
    int ReceivingBranchId,
    string ReceivingBranchName,
    string ReceivingBranchAddress,
    int HandlingBranchId,
    string HandlingBranchName,
    string? HandlingStaffName,
    string? ReceivedByName,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? OriginalDueAt,
    string? ExtensionReason,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ReturnedAt,
    ReturnMethod? ReturnMethod,
    string? PostalTrackingNumber,
    IReadOnlyList<ReceivedDocument> Documents,
    IReadOnlyList<StepView> Steps,
    IReadOnlyList<PauseView> Pauses,
    IReadOnlyList<ApplicationAction> AllowedActions,
    bool IsLate,
    bool CanExtend,
    DateTimeOffset? ProposedExtension,
    RatingLevel? Rating,
    int ProcessingValue,
    ProcessingUnit ProcessingUnit,
    ProcessingOutcome? Outcome = null,
    string? ResultNote = null)
{
    /// <summary>A supplement was requested before: a new request must say why (guidance is given once and completely).</summary>
    public bool SupplementRequestedBefore => Steps.Any(s => s.Action == ApplicationAction.RequestSupplement);
}

/// <summary>Read model of the application page, the PDF forms and the rating view: one context, no tracking.</summary>
public sealed class ApplicationQueries(IDbContextFactory<WorkbenchDbContext> dbFactory, CalendarProvider calendar, TimeProvider clock)
{
    /// <summary>
    /// The head of a branch (its active branch manager), who signs the letters the circular has the agency sign (Forms 4 and 5),
    /// whoever prints them; null when the branch has none on record, and the name is then written by hand.
    /// </summary>
    public async Task<string?> BranchHeadAsync(int branchId, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        return await db.Staff.AsNoTracking()
            .Where(s => s.IsActive && s.Role == StaffRole.BranchManager && s.HomeBranchId == branchId)
            .OrderBy(s => s.Id).Select(s => s.FullName).FirstOrDefaultAsync(ct).ConfigureAwait(false);
    }

    public async Task<ApplicationDetail?> DetailAsync(long id, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var app = await db.Applications.AsNoTracking().Include(a => a.Steps).Include(a => a.Pauses)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        if (app is null) return null;

        var procedure = await db.Procedures.AsNoTracking().Where(p => p.Id == app.ProcedureId)
            .Select(p => new { p.Name, p.Version, p.FeeVnd, p.ProcessingValue, p.ProcessingUnit }).FirstAsync(ct).ConfigureAwait(false);
        var area = await db.Areas.AsNoTracking().Where(a => a.Id == app.AreaId).Select(a => a.Name).FirstAsync(ct).ConfigureAwait(false);
        var branchIds = app.Steps.Select(s => s.BranchId).Append(app.ReceivingBranchId).Append(app.HandlingBranchId).Distinct().ToList();
        var branches = await db.Branches.AsNoTracking().Where(b => branchIds.Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, b => new { b.Name, b.Address }, ct).ConfigureAwait(false);
        var staffIds = app.Steps.Where(s => s.StaffId != null).Select(s => s.StaffId!.Value)
            .Concat(new[] { app.HandlingStaffId, app.ReceivedByStaffId }.Where(s => s != null).Select(s => s!.Value)).Distinct().ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct).ConfigureAwait(false);
        var rating = await db.Ratings.AsNoTracking().Where(r => r.ApplicationId == id).Select(r => (RatingLevel?)r.Level).FirstOrDefaultAsync(ct).ConfigureAwait(false);

        var now = clock.GetUtcNow();
        var cal = await calendar.GetAsync(ct).ConfigureAwait(false);
        var open = ApplicationLifecycle.IsOpen(app.Status) && app.DueAt is not null;
        var canExtend = open && DueDateRules.WillBeLate(now, app.DueAt!.Value, ApplicationActions.ExtensionWarning, cal, calendar.Hours);
        DateTimeOffset? proposal = canExtend ? DueDateRules.ProposeExtension(app.DueAt!.Value, 5, now, cal, calendar.Hours) : null;
        string? StaffName(int? sid) => sid is int s ? staff.GetValueOrDefault(s) : null;

        return new ApplicationDetail(app.Id, app.Code, app.Version, app.Status, app.Channel, app.Applicant,
            procedure.Name, app.ProcedureVersion, procedure.Version, procedure.FeeVnd, area,
            app.ReceivingBranchId, branches[app.ReceivingBranchId].Name, branches[app.ReceivingBranchId].Address,
            app.HandlingBranchId, branches[app.HandlingBranchId].Name, StaffName(app.HandlingStaffId), StaffName(app.ReceivedByStaffId),
            app.SubmittedAt, app.ReceivedAt, app.DueAt, app.OriginalDueAt, app.ExtensionReason, app.CompletedAt, app.ReturnedAt,
            app.ReturnMethod, app.PostalTrackingNumber, app.Documents.ToList(),
            app.Steps.OrderBy(s => s.At).ThenBy(s => s.Id)
                .Select(s => new StepView(s.Action, s.FromStatus, s.ToStatus, StaffName(s.StaffId), branches.GetValueOrDefault(s.BranchId)?.Name ?? "", s.At, s.Note)).ToList(),
            app.Pauses.OrderBy(p => p.StartedAt).Select(p => new PauseView(p.StartedAt, p.EndedAt, p.Reason, p.Missing, p.RepeatReason, p.Kind)).ToList(),
            app.AllowedActions(), app.IsLate(now), canExtend, proposal, rating, procedure.ProcessingValue, procedure.ProcessingUnit,
            app.Outcome, app.ResultNote);
    }
}
