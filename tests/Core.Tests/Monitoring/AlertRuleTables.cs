using HanoiWorkbench.Core.Monitoring;

namespace HanoiWorkbench.Core.Tests.Monitoring;

public class AlertRuleTables
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(7));

    private static BranchReading Calm(int branchId = 7) => new(branchId, Now, OpeningHours: true, LongestWait: TimeSpan.FromMinutes(5),
        Waiting: 6, OpenCounters: 3, Groups: [new("A", 4, 2), new("B", 2, 1)], OverdueHistory: [], RatingsToday: 12,
        SatisfiedToday: 11, PoolBacklog: 10, PoolFairShare: 10);

    private static string Kinds(BranchReading reading) =>
        string.Join(' ', AlertRules.Active(reading, AlertThresholds.Default).OrderBy(k => k.Kind).ThenBy(k => k.Subject)
            .Select(k => k.Subject.Length == 0 ? k.Kind.ToString() : $"{k.Kind}:{k.Subject}"));

    [Fact]
    public void A_calm_branch_raises_nothing() => Assert.Equal("", Kinds(Calm()));

    [Theory]
    [InlineData(30, "")]                          // at the target is not over it
    [InlineData(31, "LongestWaitOverTarget")]
    public void Longest_wait_over_the_target(int minutes, string expected) =>
        Assert.Equal(expected, Kinds(Calm() with { LongestWait = TimeSpan.FromMinutes(minutes) }));

    [Theory]
    [InlineData(24, 3, true, "")]                 // 8 per counter: at the limit
    [InlineData(25, 3, true, "WaitingPerCounterOverLimit")]
    [InlineData(3, 0, true, "WaitingPerCounterOverLimit")]  // people waiting, no counter open, branch open
    [InlineData(3, 0, false, "")]                 // after hours the branch is closed: nobody is expected to serve
    [InlineData(0, 0, true, "")]
    public void Waiting_per_open_counter(int waiting, int openCounters, bool openingHours, string expected) =>
        Assert.Equal(expected, Kinds(Calm() with { Waiting = waiting, OpenCounters = openCounters, OpeningHours = openingHours, Groups = [] }));

    // history: minutes before now = overdue count
    [Theory]
    [InlineData("-50=10 0=15", "")]               // +5: at the limit
    [InlineData("-50=10 0=16", "OverdueRising")]
    [InlineData("-90=2 -50=10 0=16", "OverdueRising")]  // the low point before the window does not count
    [InlineData("-90=2 0=10", "")]                // only one reading inside the window
    [InlineData("-40=20 -20=10 0=16", "OverdueRising")] // rise from the lowest reading in the window
    [InlineData("-40=20 0=16", "")]               // falling
    public void Overdue_rising_within_the_window(string history, string expected)
    {
        var readings = history.Split(' ').Select(h => h.Split('='))
            .Select(p => new OverdueReading(Now.AddMinutes(int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture)),
                int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

        Assert.Equal(expected, Kinds(Calm() with { OverdueHistory = readings }));
    }

    [Theory]
    [InlineData(true, "ServiceGroupUnstaffed:B")]
    [InlineData(false, "")]
    public void A_group_with_people_waiting_and_no_official(bool openingHours, string expected) =>
        Assert.Equal(expected, Kinds(Calm() with { OpeningHours = openingHours, Groups = [new("A", 4, 2), new("B", 2, 0), new("C", 0, 0)] }));

    [Theory]
    [InlineData(10, 8, "")]                       // 80 %: at the floor
    [InlineData(10, 7, "SatisfactionLow")]
    [InlineData(9, 1, "")]                        // too few ratings to mean anything
    [InlineData(0, 0, "")]
    public void Satisfaction_today_under_the_floor(int ratings, int satisfied, string expected) =>
        Assert.Equal(expected, Kinds(Calm() with { RatingsToday = ratings, SatisfiedToday = satisfied }));

    [Theory]
    [InlineData(15, 10, "")]                      // 1.5× its share: at the limit
    [InlineData(16, 10, "PoolBacklogOverShare")]
    [InlineData(1, 0, "PoolBacklogOverShare")]    // a branch with no capacity share holding pool work
    [InlineData(0, 0, "")]
    public void Pool_backlog_over_the_branch_share(int backlog, double share, string expected) =>
        Assert.Equal(expected, Kinds(Calm() with { PoolBacklog = backlog, PoolFairShare = share }));

    [Fact]
    public void An_alert_is_raised_once_per_episode_and_cleared_when_the_condition_ends()
    {
        var limits = AlertThresholds.Default;
        var waits = new[] { 10, 31, 35, 40, 20, 45 };
        var raised = new List<int>();
        var cleared = new List<int>();
        IReadOnlySet<AlertKey> before = new HashSet<AlertKey>();
        for (var i = 0; i < waits.Length; i++)
        {
            var now = AlertRules.Active(Calm() with { LongestWait = TimeSpan.FromMinutes(waits[i]) }, limits);
            var (up, down) = AlertRules.Transition(before, now);
            if (up.Count > 0) raised.Add(i);
            if (down.Count > 0) cleared.Add(i);
            before = now;
        }

        Assert.Equal([1, 5], raised);
        Assert.Equal([4], cleared);
    }

    [Theory]
    [InlineData(10, 70, 7)]                       // 70 % of 10 ratings: 7 satisfied, under the floor
    [InlineData(0, -1, 0)]                        // no rating today: nobody satisfied, and too few to judge
    public void A_dashboard_row_becomes_the_rules_reading(int ratings, int satisfiedPercent, int satisfied)
    {
        var row = new BranchFigures(7, "BR07", "Chi nhánh 7", Waiting: 25, LongestWait: TimeSpan.FromMinutes(12), OnDuty: 3, Needed: 3,
            CountersOpen: 3, PoolBacklog: 16, DueToday: 2, Overdue: 9, OnTimeRateMonth: null,
            SatisfactionToday: satisfiedPercent < 0 ? null : satisfiedPercent / 100.0, SatisfactionMonth: null, RatingsToday: ratings);

        var reading = AlertRules.Reading(row, Now, true, [new("A", 25, 0)], [new OverdueReading(Now.AddMinutes(-30), 3)], 10);

        Assert.Equal((25, 3, 16, 10.0, ratings, satisfied), (reading.Waiting, reading.OpenCounters, reading.PoolBacklog, reading.PoolFairShare,
            reading.RatingsToday, reading.SatisfiedToday));
        Assert.Equal([3, 9], reading.OverdueHistory.Select(r => r.Overdue)); // the row's count now joins what was seen before
        Assert.Equal("WaitingPerCounterOverLimit OverdueRising ServiceGroupUnstaffed:A" + (ratings > 0 ? " SatisfactionLow" : "") + " PoolBacklogOverShare",
            Kinds(reading));
    }
}
