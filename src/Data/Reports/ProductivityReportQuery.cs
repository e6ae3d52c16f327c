using HanoiWorkbench.Core.Queue;
using HanoiWorkbench.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Reports;

/// <summary>The steps of a report's read, for the page's progress indicator.</summary>
public enum ReportStep
{
    Tickets = 1,
    Applications = 2,
    Ratings = 3,
    Figures = 4,
}

/// <summary>
/// The productivity report's read. SQL counts what it can (applications received and completed, by branch, official
/// and the two facts that decide lateness; ratings by level), grouped on the indexes of the period; only the tickets
/// the wait percentile and idle time need come back, as narrow rows. Core's <see cref="Productivity"/> does the rest.
/// </summary>
public sealed class ProductivityReportQuery(IDbContextFactory<WorkbenchDbContext> dbFactory)
{
    public const int StepCount = 4;
    public const string CityName = "Toàn thành phố";

    /// <summary>The report for one branch, or the whole city when <paramref name="branchId"/> is null; null for an unknown branch.</summary>
    public async Task<ProductivityReport?> LoadAsync(int? branchId, ReportPeriod period, IProgress<ReportStep>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (ReportPeriod.Validate(period.From, period.To) is { } error) throw new ArgumentException(error, nameof(period));

        Dictionary<int, string> branchNames;
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            branchNames = await db.Branches.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, ct).ConfigureAwait(false);
        if (branchId is { } b && !branchNames.ContainsKey(b)) return null;

        // The tickets (read, then tallied in one pass) and the counts are independent: each on its own context, side by
        // side (SQLite's WAL lets readers run together), so a year of the city costs the longer of the two, not their sum.
        progress?.Report(ReportStep.Tickets);
        var ticketsRead = Task.Run(async () => Productivity.Tally(await TicketsAsync(branchId, period, ct).ConfigureAwait(false)), ct);
        var countsRead = Task.Run(() => CountsAsync(branchId, period, progress, ct), ct);
        var tickets = await ticketsRead.ConfigureAwait(false);
        var (received, completed, ratings, decisions) = await countsRead.ConfigureAwait(false);

        var rows = new ProductivityRows([], received, completed, ratings, decisions);
        var staffIds = tickets.StaffIds.Concat(received.Select(r => r.StaffId).Concat(completed.Select(c => c.StaffId))
            .Concat(ratings.Select(r => r.StaffId)).Concat(decisions.Select(d => (int?)d.StaffId)).OfType<int>()).Distinct().ToList();
        Dictionary<int, string> staffNames;
        db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            staffNames = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct).ConfigureAwait(false);

        progress?.Report(ReportStep.Figures);
        var scope = branchId is { } id ? branchNames[id] : CityName;
        return Productivity.Build(period, branchId, scope, tickets, rows, branchNames, staffNames);
    }

    /// <summary>The called tickets of the period, as narrow rows: what the wait percentile and idle time need.</summary>
    private async Task<List<ReportTicket>> TicketsAsync(int? branchId, ReportPeriod period, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // One query per scope, never "@branch IS NULL OR ...", which keeps SQLite off the branch indexes.
            var rows = db.Tickets.AsNoTracking().Where(t => t.ServiceDate >= from && t.ServiceDate <= to);
            if (branchId is { } only) rows = rows.Where(t => t.BranchId == only);
            return await rows
                .Where(t => t.CalledAt != null)
                .Select(t => new ReportTicket(t.BranchId, t.StaffId,
                    new ClerkTicketTimes(t.IssuedAt, t.CalledAt, t.StartedAt, t.FinishedAt, t.Status)))
                .ToListAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Applications received and completed, and ratings, counted in SQL on the report's covering indexes.</summary>
    private async Task<(List<ReceivedCount>, List<CompletedCount>, List<RatingCount>, List<DecisionCount>)> CountsAsync(int? branchId, ReportPeriod period,
        IProgress<ReportStep>? progress, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var (receivedRows, completedRows, ratingRows) = PeriodRows(db, branchId, period);
            progress?.Report(ReportStep.Applications);
            var received = await receivedRows
                .GroupBy(a => new { a.ReceivingBranchId, a.ReceivedByStaffId })
                .Select(g => new ReceivedCount(g.Key.ReceivingBranchId, g.Key.ReceivedByStaffId, g.Count()))
                .ToListAsync(ct).ConfigureAwait(false);
            var completed = await CountCompletedAsync(completedRows, ct).ConfigureAwait(false);
            var decisions = await CountDecisionsAsync(db, branchId, period, ct).ConfigureAwait(false);

            progress?.Report(ReportStep.Ratings);
            var ratings = await CountRatingsAsync(ratingRows, ct).ConfigureAwait(false);
            return (received, completed, ratings, decisions);
        }
    }

    /// <summary>The period's applications received (by the receiving branch), completed (by the handling branch) and ratings.</summary>
    internal static (IQueryable<Core.Domain.Application> Received, IQueryable<Core.Domain.Application> Completed, IQueryable<Core.Domain.Rating> Ratings)
        PeriodRows(WorkbenchDbContext db, int? branchId, ReportPeriod period)
    {
        var (start, end) = (period.Start, period.End);
        var receivedRows = db.Applications.AsNoTracking().Where(a => a.ReceivedAt >= start && a.ReceivedAt < end);
        var completedRows = db.Applications.AsNoTracking().Where(a => a.CompletedAt >= start && a.CompletedAt < end);
        var ratingRows = db.Ratings.AsNoTracking().Where(r => r.At >= start && r.At < end);
        if (branchId is { } only)
        {
            receivedRows = receivedRows.Where(a => a.ReceivingBranchId == only);
            completedRows = completedRows.Where(a => a.HandlingBranchId == only);
            ratingRows = ratingRows.Where(r => r.BranchId == only);
        }
        return (receivedRows, completedRows, ratingRows);
    }

    /// <summary>Completed applications by handling branch and official and by the two facts of <see cref="Core.Domain.Application.IsLate(bool, bool)"/>.</summary>
    internal static Task<List<CompletedCount>> CountCompletedAsync(IQueryable<Core.Domain.Application> completedRows, CancellationToken ct) =>
        // The two facts of Application.IsLate, as comparisons SQL can make on the stored instants.
        completedRows
            .GroupBy(a => new
            {
                a.HandlingBranchId,
                a.HandlingStaffId,
                Extended = a.OriginalDueAt != null,
                AfterPromise = a.CompletedAt > (a.OriginalDueAt ?? a.DueAt),
            })
            .Select(g => new CompletedCount(g.Key.HandlingBranchId, g.Key.HandlingStaffId, g.Key.Extended, g.Key.AfterPromise, g.Count()))
            .ToListAsync(ct);

    /// <summary>Guidance and refusals given at the counter instead of a reception, by branch, official and kind.</summary>
    internal static Task<List<DecisionCount>> CountDecisionsAsync(WorkbenchDbContext db, int? branchId, ReportPeriod period, CancellationToken ct)
    {
        var (start, end) = (period.Start, period.End);
        var rows = db.ReceptionDecisions.AsNoTracking().Where(d => d.At >= start && d.At < end);
        if (branchId is { } only) rows = rows.Where(d => d.BranchId == only);
        return rows.GroupBy(d => new { d.BranchId, d.StaffId, d.Kind })
            .Select(g => new DecisionCount(g.Key.BranchId, g.Key.StaffId, g.Key.Kind, g.Count()))
            .ToListAsync(ct);
    }

    /// <summary>Ratings by branch, official and level.</summary>
    internal static Task<List<RatingCount>> CountRatingsAsync(IQueryable<Core.Domain.Rating> ratingRows, CancellationToken ct) =>
        ratingRows
            .GroupBy(r => new { r.BranchId, r.StaffId, r.Level })
            .Select(g => new RatingCount(g.Key.BranchId, g.Key.StaffId, g.Key.Level, g.Count()))
            .ToListAsync(ct);

    /// <summary>The branches a director can choose from, by code.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> BranchesAsync(CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var list = await db.Branches.AsNoTracking().OrderBy(b => b.Code).Select(b => new { b.Id, b.Name }).ToListAsync(ct).ConfigureAwait(false);
            return list.Select(b => (b.Id, b.Name)).ToList();
        }
    }
}
