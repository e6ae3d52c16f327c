using HanoiWorkbench.Core.Monitoring;

namespace HanoiWorkbench.Core.Tests.Monitoring;

public class DashboardColourTables
{
    private static BranchFigures Row(int waiting = 0, int counters = 3, int? waitMinutes = null, int onDuty = 3, int needed = 3,
        int pool = 0, int overdue = 0, double? today = null, int ratingsToday = 0, double? month = null) =>
        new(1, "CN01", "Tây Hồ", waiting, waitMinutes is { } m ? TimeSpan.FromMinutes(m) : null, onDuty, needed, counters, pool,
            0, overdue, null, today, month, ratingsToday);

    private static FigureLevels Levels(BranchFigures row, double fairShare = 10) => DashboardColours.Of(row, AlertThresholds.Default, fairShare);

    [Theory]
    [InlineData(0, 0, TargetLevel.Ok)]
    [InlineData(17, 3, TargetLevel.Ok)]      // 5.7 per counter, under 6 (75 % of 8)
    [InlineData(18, 3, TargetLevel.Watch)]   // 6 per counter
    [InlineData(24, 3, TargetLevel.Watch)]   // 8: at the limit is not over it
    [InlineData(25, 3, TargetLevel.Over)]
    [InlineData(1, 0, TargetLevel.Over)]     // someone waiting, no counter open
    public void Waiting_against_people_per_open_counter(int waiting, int counters, TargetLevel level) =>
        Assert.Equal(level, Levels(Row(waiting, counters)).Waiting);

    [Theory]
    [InlineData(null, TargetLevel.Ok)]
    [InlineData(22, TargetLevel.Ok)]
    [InlineData(23, TargetLevel.Watch)]      // 22.5 = 75 % of 30 minutes
    [InlineData(30, TargetLevel.Watch)]
    [InlineData(31, TargetLevel.Over)]
    public void Longest_wait_against_the_target(int? minutes, TargetLevel level) =>
        Assert.Equal(level, Levels(Row(waitMinutes: minutes)).LongestWait);

    [Theory]
    [InlineData(3, 3, 0, TargetLevel.Ok)]
    [InlineData(4, 3, 5, TargetLevel.Ok)]
    [InlineData(2, 3, 5, TargetLevel.Watch)]
    [InlineData(0, 1, 5, TargetLevel.Over)]  // people waiting and nobody on duty
    [InlineData(0, 1, 0, TargetLevel.Watch)]
    public void On_duty_against_needed(int onDuty, int needed, int waiting, TargetLevel level) =>
        Assert.Equal(level, Levels(Row(waiting: waiting, onDuty: onDuty, needed: needed)).OnDuty);

    [Theory]
    [InlineData(0, 10, TargetLevel.Ok)]
    [InlineData(11, 10, TargetLevel.Ok)]     // 75 % of 1.5 × 10 = 11.25
    [InlineData(12, 10, TargetLevel.Watch)]
    [InlineData(16, 10, TargetLevel.Over)]
    [InlineData(2, 0, TargetLevel.Over)]     // an empty city pool: a share of at least 1 item
    public void Pool_backlog_against_the_branch_share(int backlog, double fairShare, TargetLevel level) =>
        Assert.Equal(level, Levels(Row(pool: backlog), fairShare).PoolBacklog);

    [Theory]
    [InlineData(null, 0, TargetLevel.Ok)]
    [InlineData(0.5, 9, TargetLevel.Ok)]     // too few ratings today to judge
    [InlineData(0.5, 10, TargetLevel.Over)]
    [InlineData(0.82, 10, TargetLevel.Watch)]
    [InlineData(0.9, 10, TargetLevel.Ok)]
    public void Satisfaction_today_against_the_floor(double? share, int ratings, TargetLevel level) =>
        Assert.Equal(level, Levels(Row(today: share, ratingsToday: ratings)).SatisfactionToday);

    [Fact]
    public void Any_overdue_application_is_over_and_the_month_is_judged_on_its_share() =>
        Assert.Equal((TargetLevel.Over, TargetLevel.Over), (Levels(Row(overdue: 1, month: 0.7)).Overdue, Levels(Row(month: 0.7)).SatisfactionMonth));
}
