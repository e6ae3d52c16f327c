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

/// <summary>
/// Decisions at the counter instead of a reception (Form 2 guidance, Form 3 refusal, no application created), counted in SQL
/// per branch, official and kind: a citizen turned away is work the clerk did, counted apart from receptions.
/// </summary>
public sealed record DecisionCount(int BranchId, int? StaffId, Reception.ReceptionDecisionKind Kind, int Count);

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
    RatingTally Ratings,
    int Guided = 0,
    int RefusedAtReception = 0)
{
    public bool IsEmpty => MeanWait is null && Served == 0 && NoShows == 0 && Received == 0 && Completed == 0 && Ratings.Total == 0
        && Guided == 0 && RefusedAtReception == 0;
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
    IReadOnlyList<RatingCount> Ratings,
    IReadOnlyList<DecisionCount>? Decisions = null)
{
    /// <summary>The decisions at the counter (none when the read had none).</summary>
    public IReadOnlyList<DecisionCount> DecisionCounts => Decisions ?? [];
}

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
        ArgumentNullException.ThrowIfNull(rows);
        return Build(period, branchId, scopeName, Tally(rows.Tickets), rows, branchNames, staffNames);
    }

    /// <summary>
    /// The report from tickets already tallied (<see cref="Tally"/>, which the read runs as soon as the tickets arrive, beside
    /// the counts) and the counted rows (whose tickets are not read again). Each line merges the tallies of its branch or
    /// official; only the waits are kept one by one, for the nearest-rank 90th percentile.
    /// </summary>
    public static ProductivityReport Build(ReportPeriod period, int? branchId, string scopeName, TicketTallies tickets, ProductivityRows rows,
        IReadOnlyDictionary<int, string> branchNames, IReadOnlyDictionary<int, string> staffNames)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(branchNames);
        ArgumentNullException.ThrowIfNull(staffNames);

        var tallies = tickets.ByKey;
        var branchIds = tallies.Keys.Select(k => k.BranchId).Concat(rows.Received.Select(r => r.BranchId))
            .Concat(rows.Completed.Select(c => c.BranchId)).Concat(rows.Ratings.Select(r => r.BranchId))
            .Concat(rows.DecisionCounts.Select(d => d.BranchId)).Distinct();
        var byBranch = tallies.ToLookup(kv => kv.Key.BranchId, kv => kv.Value);
        var branches = branchIds
            .Select(id => new ProductivityLine(id, branchNames.GetValueOrDefault(id, $"#{id}"), null,
                Figures(byBranch[id], Sum(tickets.Idle, k => k.BranchId == id), rows, r => r.BranchId == id, c => c.BranchId == id, g => g.BranchId == id,
                    d => d.BranchId == id)))
            .OrderBy(l => l.Name, StringComparer.Ordinal).ToList();

        var byStaff = tallies.Where(kv => kv.Key.StaffId is not null).ToLookup(kv => kv.Key.StaffId!.Value);
        var staffIds = tallies.Keys.Select(k => k.StaffId).Concat(rows.Received.Select(r => r.StaffId))
            .Concat(rows.Completed.Select(c => c.StaffId)).Concat(rows.Ratings.Select(r => r.StaffId))
            .Concat(rows.DecisionCounts.Select(d => d.StaffId)).OfType<int>().Distinct();
        var officials = staffIds
            .Select(id => new ProductivityLine(id, staffNames.GetValueOrDefault(id, $"#{id}"), MainBranch(id, byStaff[id], rows, branchNames),
                Figures(byStaff[id].Select(kv => kv.Value), Sum(tickets.Idle, k => k.StaffId == id), rows, r => r.StaffId == id,
                    c => c.StaffId == id, g => g.StaffId == id, d => d.StaffId == id)))
            .OrderBy(l => l.BranchName, StringComparer.Ordinal).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();

        var all = tallies.Values.ToList();
        var total = Figures(all, Sum(tickets.Idle, _ => true), rows, _ => true, _ => true, _ => true, _ => true);
        return new ProductivityReport(period, branchId, scopeName, total, branches, officials, Distribution(all.SelectMany(t => t.Waits)));
    }

    /// <summary>
    /// One pass over the tickets: per branch and official, the counts and sums every line needs and each wait, and the idle
    /// time once per branch, official and day (<see cref="ClerkFigures.Idle"/> on that day's called tickets).
    /// </summary>
    public static TicketTallies Tally(IEnumerable<ReportTicket> tickets)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var byKey = new Dictionary<(int BranchId, int? StaffId), TicketTally>();
        var days = new Dictionary<(int BranchId, int StaffId, DateOnly Day), List<ClerkTicketTimes>>();
        foreach (var t in tickets)
        {
            var key = (t.BranchId, t.StaffId);
            if (!byKey.TryGetValue(key, out var tally)) byKey[key] = tally = new TicketTally(byKey.Count);
            tally.Add(t.Times);
            if (t.StaffId is not { } staff || t.Times.CalledAt is not { } called) continue;
            var dayKey = (t.BranchId, staff, HanoiTime.DateOf(called));
            if (!days.TryGetValue(dayKey, out var day)) days[dayKey] = day = [];
            day.Add(t.Times);
        }
        var idle = new Dictionary<(int BranchId, int StaffId), TimeSpan>();
        foreach (var (key, day) in days)
        {
            var endOfDay = HanoiTime.StartOf(key.Day.AddDays(1)).AddTicks(-1);
            idle[(key.BranchId, key.StaffId)] = idle.GetValueOrDefault((key.BranchId, key.StaffId)) + ClerkFigures.Idle(day, endOfDay);
        }
        return new TicketTallies(byKey, idle);
    }

    /// <summary>Nearest-rank percentile: the smallest value with at least <paramref name="percent"/> % of the values at or below it.</summary>
    public static TimeSpan? Percentile(IReadOnlyList<TimeSpan> values, int percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var ticks = new long[values.Count];
        for (var i = 0; i < ticks.Length; i++) ticks[i] = values[i].Ticks;
        return PercentileOf(ticks, percent);
    }

    /// <summary>Sorts <paramref name="ticks"/> in place.</summary>
    private static TimeSpan? PercentileOf(long[] ticks, int percent)
    {
        if (ticks.Length == 0) return null;
        Array.Sort(ticks);
        var rank = (int)Math.Ceiling(percent / 100.0 * ticks.Length);
        return TimeSpan.FromTicks(ticks[rank - 1]);
    }

    /// <summary>
    /// Idle time over a period: <see cref="ClerkFigures"/>' idle time of each official's day at a branch (gaps between
    /// one ticket's end and the next call), with the day's end as "now", summed over the days.
    /// </summary>
    public static TimeSpan Idle(IEnumerable<ReportTicket> tickets) => Sum(Tally(tickets).Idle, _ => true);

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
        return Distribution(tickets.Where(t => t.Times.CalledAt is not null).Select(t => (t.Times.CalledAt!.Value - t.Times.IssuedAt).Ticks));
    }

    private static List<WaitBucket> Distribution(IEnumerable<long> waitTicks)
    {
        var counts = new int[Buckets.Length];
        foreach (var wait in waitTicks)
        {
            var minutes = TimeSpan.FromTicks(wait).TotalMinutes;
            var index = Array.FindIndex(Buckets, b => minutes >= b.FromMinutes && (b.ToMinutes is not { } to || minutes < to));
            counts[Math.Max(index, 0)]++;
        }
        return Buckets.Select((b, i) => new WaitBucket(b.Label, TimeSpan.FromMinutes(b.FromMinutes),
            b.ToMinutes is { } to ? TimeSpan.FromMinutes(to) : null, counts[i])).ToList();
    }

    private static ProductivityFigures Figures(IEnumerable<TicketTally> tallies, TimeSpan idle, ProductivityRows rows,
        Func<ReceivedCount, bool> received, Func<CompletedCount, bool> completed, Func<RatingCount, bool> rated, Func<DecisionCount, bool> decided)
    {
        var decisions = rows.DecisionCounts.Where(decided).ToList();
        var list = tallies.ToList();
        var waits = new long[list.Sum(t => t.Waits.Count)];
        var at = 0;
        foreach (var t in list)
        {
            t.Waits.CopyTo(waits, at);
            at += t.Waits.Count;
        }
        var services = list.Sum(t => t.Services);
        var done = rows.Completed.Where(completed).ToList();
        var late = done.Where(IsLate).Sum(c => c.Count);
        var ratings = rows.Ratings.Where(rated).ToList();
        return new ProductivityFigures(
            list.Sum(t => t.Served),
            list.Sum(t => t.NoShows),
            waits.Length == 0 ? null : TimeSpan.FromTicks(list.Sum(t => t.WaitTicks) / waits.Length),
            PercentileOf(waits, 90),
            services == 0 ? null : TimeSpan.FromTicks(list.Sum(t => t.ServiceTicks) / services),
            idle,
            rows.Received.Where(received).Sum(r => r.Count),
            done.Sum(c => c.Count),
            done.Sum(c => c.Count) - late,
            late,
            new RatingTally(Level(ratings, RatingLevel.VerySatisfied), Level(ratings, RatingLevel.Satisfied), Level(ratings, RatingLevel.Dissatisfied)),
            decisions.Where(d => d.Kind == Reception.ReceptionDecisionKind.Guidance).Sum(d => d.Count),
            decisions.Where(d => d.Kind == Reception.ReceptionDecisionKind.Refusal).Sum(d => d.Count));
    }

    private static int Level(List<RatingCount> ratings, RatingLevel level) => ratings.Where(r => r.Level == level).Sum(r => r.Count);

    /// <summary>The branch where the official called most tickets, else where they received most applications.</summary>
    private static string? MainBranch(int staffId, IEnumerable<KeyValuePair<(int BranchId, int? StaffId), TicketTally>> tallies, ProductivityRows rows,
        IReadOnlyDictionary<int, string> names)
    {
        var id = tallies.Where(kv => kv.Value.Tickets > 0).OrderByDescending(kv => kv.Value.Tickets).ThenBy(kv => kv.Value.FirstSeen)
                .Select(kv => (int?)kv.Key.BranchId).FirstOrDefault()
            ?? rows.Received.Where(r => r.StaffId == staffId).OrderByDescending(r => r.Count).Select(r => (int?)r.BranchId).FirstOrDefault()
            ?? rows.Completed.Where(c => c.StaffId == staffId).OrderByDescending(c => c.Count).Select(c => (int?)c.BranchId).FirstOrDefault()
            ?? rows.Ratings.Where(r => r.StaffId == staffId).Select(r => (int?)r.BranchId).FirstOrDefault()
            ?? rows.DecisionCounts.Where(d => d.StaffId == staffId).OrderByDescending(d => d.Count).Select(d => (int?)d.BranchId).FirstOrDefault();
        return id is { } b ? names.GetValueOrDefault(b, $"#{b}") : null;
    }
}

/// <summary>The tickets of a period, tallied per branch and official in one pass (<see cref="Productivity.Tally"/>).</summary>
public sealed class TicketTallies
{
    internal TicketTallies(Dictionary<(int BranchId, int? StaffId), TicketTally> byKey, Dictionary<(int BranchId, int StaffId), TimeSpan> idle)
    {
        ByKey = byKey;
        Idle = idle;
    }

    internal Dictionary<(int BranchId, int? StaffId), TicketTally> ByKey { get; }
    internal Dictionary<(int BranchId, int StaffId), TimeSpan> Idle { get; }

    /// <summary>The officials who called a ticket (their names are read after the tally).</summary>
    public IEnumerable<int> StaffIds => ByKey.Keys.Select(k => k.StaffId).OfType<int>().Distinct();
}

/// <summary>One branch and official's tickets: counts, sums, and each wait (for the percentile).</summary>
internal sealed class TicketTally(int firstSeen)
{
    /// <summary>Order of first appearance: among branches with as many tickets, the first one seen is an official's main branch.</summary>
    public int FirstSeen { get; } = firstSeen;
    /// <summary>Every ticket of the key, called or not (which branch an official worked at most).</summary>
    public int Tickets { get; private set; }
    public int Served { get; private set; }
    public int NoShows { get; private set; }
    public long WaitTicks { get; private set; }
    public List<long> Waits { get; } = [];
    public long ServiceTicks { get; private set; }
    public int Services { get; private set; }

    /// <summary>
    /// Only called tickets count: wait is issue → call of every one, no-shows included (as on the counter's own figures);
    /// service time is start → finish of the finished ones.
    /// </summary>
    public void Add(ClerkTicketTimes t)
    {
        Tickets++;
        if (t.CalledAt is not { } called) return;
        var wait = (called - t.IssuedAt).Ticks;
        WaitTicks += wait;
        Waits.Add(wait);
        if (t.Status == TicketStatus.NoShow) NoShows++;
        if (t.Status != TicketStatus.Finished) return;
        Served++;
        if (t is { StartedAt: { } started, FinishedAt: { } finished })
        {
            ServiceTicks += (finished - started).Ticks;
            Services++;
        }
    }
}
