using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Queue;
using HanoiWorkbench.Core.Ratings;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Ratings;

/// <summary>
/// One visit as the rating screens show it: what was served (ticket number, application code, procedure or service
/// group), where, by whom, and whether it may be rated now. No personal data of the citizen: whoever holds the link sees it.
/// </summary>
public sealed record RatingVisit(
    VisitRef Visit,
    long? TicketId,
    long? ApplicationId,
    int BranchId,
    string BranchName,
    string? TicketNumber,
    string? ApplicationCode,
    string? ServiceName,
    int? StaffId,
    string? OfficerName,
    DateTimeOffset? ServedAt,
    RatingLevel? Given,
    string? Refusal)
{
    public bool CanRate => Given is null && Refusal is null;
}

/// <summary>A counter's tablet: the counter and the visit it offers now (none between citizens).</summary>
public sealed record CounterTablet(int CounterId, int BranchId, string BranchName, int CounterNumber, string CounterName, RatingVisit? Current);

public enum RatingOutcome
{
    Saved = 0,
    Invalid = 1,
    AlreadyRated = 2,
    Refused = 3,
    NotFound = 4,
}

/// <summary>What became of a submitted rating; <see cref="Errors"/> per field when <see cref="RatingOutcome.Invalid"/>.</summary>
public sealed record RatingResult(RatingOutcome Outcome, string? Message, IReadOnlyDictionary<string, string> Errors)
{
    public const string NotFoundMessage = "Không tìm thấy lượt phục vụ này. Vui lòng kiểm tra lại mã QR trên phiếu.";
    public const string TabletMovedOn = "Quầy đã chuyển sang lượt phục vụ khác. Ông/Bà vẫn có thể đánh giá bằng mã QR in trên phiếu.";

    private static readonly Dictionary<string, string> None = [];

    public bool Saved => Outcome == RatingOutcome.Saved;

    public static RatingResult Of(RatingOutcome outcome, string? message = null) => new(outcome, message, None);
}

/// <summary>
/// Ratings citizens give without an account, on a counter's tablet or from the QR code of their receipt or ticket slip
/// (domain.md §6): once per visit, at any point after being served (<see cref="RatingRules"/>). A visit is a ticket, an
/// application, or both when the ticket's service received the application: the rating names both, so rating one of them
/// rates the visit. The unique indexes on the rating's ticket and application decide a race; the loser is told the visit
/// is rated. Each rating is announced as <see cref="LiveEventKind.RatingGiven"/> of the branch it counts for, which the
/// branch board and the city projection recount.
/// </summary>
public sealed class CitizenRatings(IDbContextFactory<WorkbenchDbContext> contexts, ILiveEvents live, TimeProvider clock)
{
    public async Task<RatingVisit?> VisitAsync(VisitRef visit, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return await LoadAsync(db, visit, ct).ConfigureAwait(false);
    }

    /// <summary>The counter and the ticket its tablet offers now (<see cref="RatingRules.TabletOffers"/>), or null for no such counter.</summary>
    public async Task<CounterTablet?> CounterAsync(int counterId, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var counter = await db.Counters.AsNoTracking().Where(c => c.Id == counterId)
                .Join(db.Branches, c => c.BranchId, b => b.Id, (c, b) => new { c.Id, c.BranchId, c.Number, c.Name, BranchName = b.Name })
                .FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (counter is null) return null;
            var offered = await OfferedTicketAsync(db, counter.Id, counter.BranchId, ct).ConfigureAwait(false);
            var current = offered is { } id ? await LoadAsync(db, new VisitRef(VisitKind.Ticket, id), ct).ConfigureAwait(false) : null;
            return new CounterTablet(counter.Id, counter.BranchId, counter.BranchName, counter.Number, counter.Name, current);
        }
    }

    /// <summary>A rating from the QR code of a receipt or ticket slip.</summary>
    public Task<RatingResult> SubmitAsync(VisitRef visit, RatingLevel? level, DissatisfactionReason? reason, string? comment, CancellationToken ct = default) =>
        SaveAsync(visit, null, RatingChannel.QrCode, level, reason, comment, ct);

    /// <summary>A rating on the tablet of <paramref name="counterId"/>, of the ticket it offers: refused once the counter moved on.</summary>
    public Task<RatingResult> SubmitAtCounterAsync(int counterId, long ticketId, RatingLevel? level, DissatisfactionReason? reason, string? comment,
        CancellationToken ct = default) =>
        SaveAsync(new VisitRef(VisitKind.Ticket, ticketId), counterId, RatingChannel.Tablet, level, reason, comment, ct);

    private async Task<RatingResult> SaveAsync(VisitRef visit, int? counterId, RatingChannel channel, RatingLevel? level,
        DissatisfactionReason? reason, string? comment, CancellationToken ct)
    {
        var (choice, errors) = RatingRules.Check(level, reason, comment);
        if (choice is null) return new RatingResult(RatingOutcome.Invalid, string.Join(" ", errors.Values), errors);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var facts = await LoadAsync(db, visit, ct).ConfigureAwait(false);
            if (facts is null) return RatingResult.Of(RatingOutcome.NotFound, RatingResult.NotFoundMessage);
            if (facts.Given is not null) return RatingResult.Of(RatingOutcome.AlreadyRated, RatingRules.AlreadyRated);
            if (facts.Refusal is { } refusal) return RatingResult.Of(RatingOutcome.Refused, refusal);
            if (counterId is { } counter && await OfferedTicketAsync(db, counter, facts.BranchId, ct).ConfigureAwait(false) != facts.TicketId)
                return RatingResult.Of(RatingOutcome.Refused, RatingResult.TabletMovedOn);

            var rating = new Rating(choice.Level, choice.Reason, choice.Comment, channel, facts.BranchId, facts.StaffId,
                facts.ApplicationId, facts.TicketId, clock.GetUtcNow());
            db.Ratings.Add(rating);
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                // Rated at the same moment from another screen (the tablet and the phone, a double tap): the first one counts.
                return RatingResult.Of(RatingOutcome.AlreadyRated, RatingRules.AlreadyRated);
            }
            await live.PublishAsync(LiveEventKind.RatingGiven, facts.BranchId, rating.Id, ct).ConfigureAwait(false);
            return RatingResult.Of(RatingOutcome.Saved);
        }
    }

    // The counter's ticket whose service started last today, if the tablet still offers it.
    private async Task<long?> OfferedTicketAsync(WorkbenchDbContext db, int counterId, int branchId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = TicketNumbering.ServiceDay(now);
        var tickets = db.Tickets.AsNoTracking().Where(t => t.BranchId == branchId && t.ServiceDate == today && t.CounterId == counterId);
        var last = await tickets.Where(t => t.StartedAt != null).OrderByDescending(t => t.StartedAt).ThenByDescending(t => t.Id)
            .Select(t => new { t.Id, t.Status, t.StartedAt, t.FinishedAt }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (last is null) return null;
        var callingNext = await tickets.AnyAsync(t => t.Status == TicketStatus.Called, ct).ConfigureAwait(false);
        return RatingRules.TabletOffers(last.Status, last.StartedAt, last.FinishedAt, callingNext, now) ? last.Id : null;
    }

    private static async Task<RatingVisit?> LoadAsync(WorkbenchDbContext db, VisitRef visit, CancellationToken ct)
    {
        var tickets = db.Tickets.AsNoTracking();
        var ticket = visit.Kind == VisitKind.Ticket
            ? await tickets.Where(t => t.Id == visit.Id).Select(t => new TicketFacts(t.Id, t.Number, t.Status, t.StartedAt, t.FinishedAt,
                t.BranchId, t.ServiceGroupId, t.StaffId, t.ApplicationId)).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            : await tickets.Where(t => t.ApplicationId == visit.Id).OrderBy(t => t.Id).Select(t => new TicketFacts(t.Id, t.Number, t.Status,
                t.StartedAt, t.FinishedAt, t.BranchId, t.ServiceGroupId, t.StaffId, t.ApplicationId)).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (visit.Kind == VisitKind.Ticket && ticket is null) return null;
        var applicationId = visit.Kind == VisitKind.Application ? visit.Id : ticket!.ApplicationId;
        var app = applicationId is { } appId
            ? await db.Applications.AsNoTracking().Where(a => a.Id == appId).Select(a => new
            {
                a.Id, a.Code, a.Status, a.ReceivingBranchId, a.ReceivedByStaffId, a.HandlingStaffId, a.ProcedureId, a.ReceivedAt, a.SubmittedAt,
            }).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            : null;
        if (visit.Kind == VisitKind.Application && app is null) return null;

        // The visit's own rule decides: a ticket rated as served, an application once decided on.
        var refusal = visit.Kind == VisitKind.Ticket
            ? RatingRules.TicketRefusal(ticket!.Status, ticket.StartedAt)
            : RatingRules.ApplicationRefusal(app!.Status);
        var branchId = ticket?.BranchId ?? app!.ReceivingBranchId;
        var staffId = ticket?.StaffId ?? app?.ReceivedByStaffId ?? app?.HandlingStaffId;
        var ticketId = ticket?.Id;
        var given = await db.Ratings.AsNoTracking()
            .Where(r => (applicationId != null && r.ApplicationId == applicationId) || (ticketId != null && r.TicketId == ticketId))
            .Select(r => (RatingLevel?)r.Level).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var branch = await db.Branches.AsNoTracking().Where(b => b.Id == branchId).Select(b => b.Name).FirstAsync(ct).ConfigureAwait(false);
        var officer = staffId is { } s ? await db.Staff.AsNoTracking().Where(x => x.Id == s).Select(x => x.FullName).FirstOrDefaultAsync(ct).ConfigureAwait(false) : null;
        var service = app is not null
            ? await db.Procedures.AsNoTracking().Where(p => p.Id == app.ProcedureId).Select(p => p.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            : await db.ServiceGroups.AsNoTracking().Where(g => g.Id == ticket!.ServiceGroupId).Select(g => g.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var servedAt = ticket?.StartedAt ?? app?.ReceivedAt ?? app?.SubmittedAt;
        return new RatingVisit(visit, ticketId, applicationId, branchId, branch, ticket?.Number, app?.Code, service, staffId, officer, servedAt,
            given, refusal);
    }

    private sealed record TicketFacts(long Id, string Number, TicketStatus Status, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
        int BranchId, int ServiceGroupId, int? StaffId, long? ApplicationId);
}
