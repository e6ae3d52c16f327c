using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Queue;

namespace HanoiWorkbench.Core.Reports;

/// <summary>A ticket called in the period: where, who called it (unknown for some imported no-shows), and its times.</summary>
public sealed record ReportTicket(int BranchId, int? StaffId, ClerkTicketTimes Times);

/// <summary>Applications received in the period, counted in SQL per receiving branch and receiving official.</summary>
public sealed record ReceivedCount(int BranchId, int? StaffId, int Count);

/// <summary>
/// Applications completed in the period, counted in SQL per handling branch and official and by the two facts that
/// decide lateness (<see cref="Application.IsLate(bool, bool)"/>).
/// </summary>
public sealed record CompletedCount(int BranchId, int? StaffId, bool Extended, bool FinishedAfterPromise, int Count);

/// <summary>Ratings given in the period, counted in SQL per branch, official and level.</summary>
public sealed record RatingCount(int BranchId, int? StaffId, RatingLevel Level, int Count);

/// <summary>Ratings by level.</summary>
public sealed record RatingTally(int VerySatisfied, int Satisfied, int Dissatisfied)
{
    public static RatingTally None { get; } = new(0, 0, 0);
    public int Total => VerySatisfied + Satisfied + Dissatisfied;
}

/// <summary>
/// The figures of one branch, one official or the whole scope. Times are null when there is nothing to measure
/// (no ticket called), never a zero pretending.
/// </summary>
public sealed record ProductivityFigures(
    int Served,
    int NoShows,
    TimeSpan? MeanWait,
    TimeSpan? Wait90,
    TimeSpan? MeanService,
    TimeSpan Idle,
    int Received,
    int Completed,
    int OnTime,
    int Late,
    RatingTally Ratings)
{
    public bool IsEmpty => MeanWait is null && Served == 0 && NoShows == 0 && Received == 0 && Completed == 0 && Ratings.Total == 0;
}

/// <summary>One row of a report table: a branch or an official (with the branch they worked at most).</summary>
public sealed record ProductivityLine(int Id, string Name, string? BranchName, ProductivityFigures Figures);

/// <summary>One bar of the wait distribution: called tickets whose wait fell in [From, To).</summary>
public sealed record WaitBucket(string Label, TimeSpan From, TimeSpan? To, int Tickets);

/// <summary>A productivity report for a period over one branch or the whole city.</summary>
public sealed record ProductivityReport(
    ReportPeriod Period,
    int? BranchId,
    string ScopeName,
    ProductivityFigures Total,
    IReadOnlyList<ProductivityLine> Branches,
    IReadOnlyList<ProductivityLine> Officials,
    IReadOnlyList<WaitBucket> WaitDistribution)
{
    /// <summary>Nothing happened in the period: the page says so instead of showing zeros.</summary>
    public bool IsEmpty => Total.IsEmpty;
}

/// <summary>The rows of a period, as the read loads them (counts already grouped in SQL, tickets as narrow rows).</summary>
public sealed record ProductivityRows(
    IReadOnlyList<ReportTicket> Tickets,
    IReadOnlyList<ReceivedCount> Received,
    IReadOnlyList<CompletedCount> Completed,
    IReadOnlyList<RatingCount> Ratings);

/// <summary>
/// Aggregates a period's rows into per-branch and per-official figures (the Qmatic / TheQ productivity report:
/// served, wait, service and idle time, no-shows; plus applications and ratings).
/// </summary>
public static class Productivity
{
    private static readonly (string Label, int FromMinutes, int? ToMinutes)[] Buckets =
        [("< 5 phút", 0, 5), ("5–10 phút", 5, 10), ("10–15 phút", 10, 15), ("15–30 phút", 15, 30), ("30–60 phút", 30, 60), ("≥ 60 phút", 60, null)];

    public static ProductivityReport Build(ReportPeriod period, int? branchId, string scopeName, ProductivityRows rows,
        IReadOnlyDictionary<int, string> branchNames, IReadOnlyDictionary<int, string> staffNames)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(branchNames);
        ArgumentNullException.ThrowIfNull(staffNames);

        // Idle time once per branch, official and day; every line sums its share.
        var idle = IdleByBranchAndStaff(rows.Tickets);
        var branchIds = rows.Tickets.Select(t => t.BranchId).Concat(rows.Received.Select(r => r.BranchId))
            .Concat(rows.Completed.Select(c => c.BranchId)).Concat(rows.Ratings.Select(r => r.BranchId)).Distinct();
        var ticketsByBranch = rows.Tickets.ToLookup(t => t.BranchId);
        var branches = branchIds
            .Select(id => new ProductivityLine(id, branchNames.GetValueOrDefault(id, $"#{id}"), null,
                Figures(ticketsByBranch[id], Sum(idle, k => k.BranchId == id), rows, r => r.BranchId == id, c => c.BranchId == id, g => g.BranchId == id)))
            .OrderBy(l => l.Name, StringComparer.Ordinal).ToList();

        var ticketsByStaff = rows.Tickets.Where(t => t.StaffId is not null).ToLookup(t => t.StaffId!.Value);
        var staffIds = rows.Tickets.Select(t => t.StaffId).Concat(rows.Received.Select(r => r.StaffId))
            .Concat(rows.Completed.Select(c => c.StaffId)).Concat(rows.Ratings.Select(r => r.StaffId)).OfType<int>().Distinct();
        var officials = staffIds
            .Select(id => new ProductivityLine(id, staffNames.GetValueOrDefault(id, $"#{id}"), MainBranch(id, ticketsByStaff[id], rows, branchNames),
                Figures(ticketsByStaff[id], Sum(idle, k => k.StaffId == id), rows, r => r.StaffId == id, c => c.StaffId == id, g => g.StaffId == id)))
            .OrderBy(l => l.BranchName, StringComparer.Ordinal).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();

        var total = Figures(rows.Tickets, Sum(idle, _ => true), rows, _ => true, _ => true, _ => true);
        return new ProductivityReport(period, branchId, scopeName, total, branches, officials, WaitDistribution(rows.Tickets));
    }

    /// <summary>Nearest-rank percentile: the smallest value with at least <paramref name="percent"/> % of the values at or below it.</summary>
    public static TimeSpan? Percentile(IReadOnlyList<TimeSpan> values, int percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (values.Count == 0) return null;
        var ticks = new long[values.Count];
        for (var i = 0; i < ticks.Length; i++) ticks[i] = values[i].Ticks;
        Array.Sort(ticks);
        var rank = (int)Math.Ceiling(percent / 100.0 * ticks.Length);
        return TimeSpan.FromTicks(ticks[rank - 1]);
    }

    /// <summary>
    /// Idle time over a period: <see cref="ClerkFigures"/>' idle time of each official's day at a branch (gaps between
    /// one ticket's end and the next call), with the day's end as "now", summed over the days.
    /// </summary>
    public static TimeSpan Idle(IEnumerable<ReportTicket> tickets) => Sum(IdleByBranchAndStaff(tickets), _ => true);

    private static Dictionary<(int BranchId, int StaffId), TimeSpan> IdleByBranchAndStaff(IEnumerable<ReportTicket> tickets)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var idle = new Dictionary<(int BranchId, int StaffId), TimeSpan>();
        foreach (var day in tickets
            .Where(t => t.StaffId is not null && t.Times.CalledAt is not null)
            .GroupBy(t => (t.BranchId, StaffId: t.StaffId!.Value, Day: HanoiTime.DateOf(t.Times.CalledAt!.Value))))
        {
            var endOfDay = HanoiTime.StartOf(day.Key.Day.AddDays(1)).AddTicks(-1);
            var key = (day.Key.BranchId, day.Key.StaffId);
            idle[key] = idle.GetValueOrDefault(key) + ClerkFigures.For(day.Select(t => t.Times), endOfDay).IdleTime;
        }
        return idle;
    }

    private static TimeSpan Sum(Dictionary<(int BranchId, int StaffId), TimeSpan> idle, Func<(int BranchId, int StaffId), bool> which) =>
        idle.Where(kv => which(kv.Key)).Aggregate(TimeSpan.Zero, (sum, kv) => sum + kv.Value);

    /// <summary>On time or late for one count of completed applications, by the application's own definition of late.</summary>
    public static bool IsLate(CompletedCount completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        return Application.IsLate(completed.Extended, completed.FinishedAfterPromise);
    }

    public static IReadOnlyList<WaitBucket> WaitDistribution(IEnumerable<ReportTicket> tickets)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var counts = new int[Buckets.Length];
        foreach (var wait in Waits(tickets))
        {
            var minutes = wait.TotalMinutes;
            var index = Array.FindIndex(Buckets, b => minutes >= b.FromMinutes && (b.ToMinutes is not { } to || minutes < to));
            counts[Math.Max(index, 0)]++;
        }
        return Buckets.Select((b, i) => new WaitBucket(b.Label, TimeSpan.FromMinutes(b.FromMinutes),
            b.ToMinutes is { } to ? TimeSpan.FromMinutes(to) : null, counts[i])).ToList();
    }

    private static ProductivityFigures Figures(IEnumerable<ReportTicket> tickets, TimeSpan idle, ProductivityRows rows,
        Func<ReceivedCount, bool> received, Func<CompletedCount, bool> completed, Func<RatingCount, bool> rated)
    {
        var called = tickets.Where(t => t.Times.CalledAt is not null).ToList();
        var waits = Waits(called).ToList();
        var services = called
            .Where(t => t.Times is { Status: TicketStatus.Finished, StartedAt: not null, FinishedAt: not null })
            .Select(t => t.Times.FinishedAt!.Value - t.Times.StartedAt!.Value)
            .ToList();
        var done = rows.Completed.Where(completed).ToList();
        var late = done.Where(IsLate).Sum(c => c.Count);
        var ratings = rows.Ratings.Where(rated).ToList();
        return new ProductivityFigures(
            called.Count(t => t.Times.Status == TicketStatus.Finished),
            called.Count(t => t.Times.Status == TicketStatus.NoShow),
            Mean(waits),
            Percentile(waits, 90),
            Mean(services),
            idle,
            rows.Received.Where(received).Sum(r => r.Count),
            done.Sum(c => c.Count),
            done.Sum(c => c.Count) - late,
            late,
            new RatingTally(Level(ratings, RatingLevel.VerySatisfied), Level(ratings, RatingLevel.Satisfied), Level(ratings, RatingLevel.Dissatisfied)));
    }

    /// <summary>Wait is issue → call of every called ticket, no-shows included (as on the counter's own figures).</summary>
    private static IEnumerable<TimeSpan> Waits(IEnumerable<ReportTicket> tickets) =>
        tickets.Where(t => t.Times.CalledAt is not null).Select(t => t.Times.CalledAt!.Value - t.Times.IssuedAt);

    private static int Level(List<RatingCount> ratings, RatingLevel level) => ratings.Where(r => r.Level == level).Sum(r => r.Count);

    private static TimeSpan? Mean(List<TimeSpan> spans) =>
        spans.Count == 0 ? null : TimeSpan.FromTicks(spans.Sum(s => s.Ticks) / spans.Count);

    /// <summary>The branch where the official called most tickets, else where they received most applications.</summary>
    private static string? MainBranch(int staffId, IEnumerable<ReportTicket> tickets, ProductivityRows rows, IReadOnlyDictionary<int, string> names)
    {
        var id = tickets.GroupBy(t => t.BranchId).OrderByDescending(g => g.Count()).Select(g => (int?)g.Key).FirstOrDefault()
            ?? rows.Received.Where(r => r.StaffId == staffId).OrderByDescending(r => r.Count).Select(r => (int?)r.BranchId).FirstOrDefault()
            ?? rows.Completed.Where(c => c.StaffId == staffId).OrderByDescending(c => c.Count).Select(c => (int?)c.BranchId).FirstOrDefault()
            ?? rows.Ratings.Where(r => r.StaffId == staffId).Select(r => (int?)r.BranchId).FirstOrDefault();
        return id is { } b ? names.GetValueOrDefault(b, $"#{b}") : null;
    }
}
