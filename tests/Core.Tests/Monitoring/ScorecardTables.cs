using HanoiWorkbench.Core.Monitoring;

namespace HanoiWorkbench.Core.Tests.Monitoring;

public class ScorecardTables
{
    [Fact]
    public void The_six_groups_add_up_to_a_hundred() =>
        Assert.Equal(100, Enum.GetValues<ScorecardGroup>().Sum(Decision766.Points));

    // completed, on time, late, late with apology, received, online, ratings, satisfied → T, P, O, S (null = no data)
    [Theory]
    [InlineData(100, 90, 10, 5, 200, 50, 40, 36, 9.0, 18.0, 3.0, 16.2)]
    [InlineData(100, 100, 0, 0, 100, 0, 10, 10, 18.0, 20.0, 0.0, 18.0)]   // nothing late: transparency is full
    [InlineData(0, 0, 0, 0, 0, 0, 0, 0, 18.0, null, null, null)]          // no data: no score, not zero
    [InlineData(3, 1, 2, 0, 3, 3, 3, 0, 0.0, 6.7, 12.0, 0.0)]
    public void Each_group_is_its_points_times_its_share(int completed, int onTime, int late, int apologised, int received, int online,
        int ratings, int satisfied, double? transparency, double? progress, double? onlineService, double? satisfaction)
    {
        var lines = Decision766.Score(new ScorecardInputs(completed, onTime, late, apologised, received, online, ratings, satisfied));
        double? ScoreOf(ScorecardGroup g) => lines.Single(l => l.Group == g).Score;

        Assert.Equal(transparency, ScoreOf(ScorecardGroup.Transparency));
        Assert.Equal(progress, ScoreOf(ScorecardGroup.ProcessingProgress));
        Assert.Equal(onlineService, ScoreOf(ScorecardGroup.OnlineService));
        Assert.Equal(satisfaction, ScoreOf(ScorecardGroup.Satisfaction));
        Assert.Null(ScoreOf(ScorecardGroup.OnlinePayment));
        Assert.Null(ScoreOf(ScorecardGroup.Digitisation));
    }

    [Fact]
    public void The_total_counts_only_the_groups_with_data()
    {
        var lines = Decision766.Score(new ScorecardInputs(100, 90, 10, 5, 200, 50, 40, 36));

        Assert.Equal((46.2, 68), Decision766.Total(lines));
        Assert.All(lines, l => Assert.False(string.IsNullOrWhiteSpace(l.Formula)));
        Assert.Equal("90/100", lines.Single(l => l.Group == ScorecardGroup.ProcessingProgress).Inputs);
    }
}
