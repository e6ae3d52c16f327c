using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Core.Reports;

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
    [InlineData(0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null)]          // no data: no score, not zero
    [InlineData(0, 0, 0, 0, 4, 1, 0, 0, null, null, 3.0, null)]           // received but nothing completed: no transparency yet
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

    // Completed rows (extended, after promise, count) → completed, on time, late, late with an apology.
    [Theory]
    [InlineData(new[] { 0, 0, 7 }, 7, 7, 0, 0)]                         // finished before the promise
    [InlineData(new[] { 0, 1, 3 }, 3, 0, 3, 0)]                         // finished after it, no letter
    [InlineData(new[] { 1, 0, 2 }, 2, 0, 2, 2)]                         // a letter moved the date: late, but with an apology
    [InlineData(new[] { 1, 1, 1, 0, 0, 5, 0, 1, 2 }, 8, 5, 3, 1)]      // the three kinds together
    public void Completed_counts_become_on_time_late_and_apologised(int[] rows, int completed, int onTime, int late, int apologised)
    {
        var counts = rows.Chunk(3).Select(r => new CompletedCount(1, null, r[0] == 1, r[1] == 1, r[2])).ToList();

        var inputs = Decision766.Inputs(counts, [], []);

        Assert.Equal((completed, onTime, late, apologised), (inputs.Completed, inputs.CompletedOnTime, inputs.LateApplications, inputs.LateWithApology));
    }

    [Theory]
    [InlineData(Channel.Counter, 5, Channel.Online, 3, 8, 3)]
    [InlineData(Channel.Post, 2, Channel.Online, 0, 2, 0)]              // post is not online
    [InlineData(Channel.Online, 4, Channel.Online, 6, 10, 10)]
    public void Received_counts_become_received_and_received_online(Channel first, int firstCount, Channel second, int secondCount, int received, int online)
    {
        var inputs = Decision766.Inputs([], [new ChannelCount(1, first, firstCount), new ChannelCount(1, second, secondCount)], []);

        Assert.Equal((received, online), (inputs.Received, inputs.ReceivedOnline));
    }

    [Theory]
    [InlineData(4, 3, 1, 8, 7)]
    [InlineData(0, 0, 5, 5, 0)]                                         // all dissatisfied: zero, and it is data
    [InlineData(0, 0, 0, 0, 0)]
    public void Very_satisfied_and_satisfied_count_as_satisfied(int very, int satisfied, int dissatisfied, int ratings, int satisfiedTotal)
    {
        var counts = new[] { new RatingCount(1, null, RatingLevel.VerySatisfied, very), new RatingCount(1, 2, RatingLevel.Satisfied, satisfied),
            new RatingCount(1, 3, RatingLevel.Dissatisfied, dissatisfied) };

        var inputs = Decision766.Inputs([], [], counts);

        Assert.Equal((ratings, satisfiedTotal), (inputs.Ratings, inputs.RatingsSatisfied));
    }

    [Fact]
    public void The_city_scores_the_summed_counts_and_a_branch_without_data_says_so()
    {
        var month = new ReportPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        // Branch 1: 9 of 10 on time; branch 2: 1 of 10 (one late with a letter); branch 3: nothing at all.
        var completed = new[]
        {
            new CompletedCount(1, null, false, false, 9), new CompletedCount(1, null, false, true, 1),
            new CompletedCount(2, null, false, false, 1), new CompletedCount(2, null, true, true, 1), new CompletedCount(2, null, false, true, 8),
        };
        var received = new[] { new ChannelCount(1, Channel.Online, 5), new ChannelCount(2, Channel.Counter, 15) };

        var cards = Decision766.City(month, [(1, "A"), (2, "B"), (3, "C")], "Toàn thành phố", completed, received, []);

        double? Progress(Scorecard s) => s.Lines.Single(l => l.Group == ScorecardGroup.ProcessingProgress).Score;
        Assert.Equal([18.0, 2.0, null], cards.Branches.Select(Progress));
        Assert.Equal(10.0, Progress(cards.City));                           // 10 of 20 on time, not the mean of 18 and 2
        Assert.Equal("10/20", cards.City.Lines.Single(l => l.Group == ScorecardGroup.ProcessingProgress).Inputs);
        Assert.Equal(3.0, cards.City.Lines.Single(l => l.Group == ScorecardGroup.OnlineService).Score); // 5 of 20 × 12
        Assert.Equal(1.8, cards.City.Lines.Single(l => l.Group == ScorecardGroup.Transparency).Score);  // 1 of 10 late × 18
        Assert.True(cards.Branches[2].IsEmpty);
        Assert.False(cards.City.IsEmpty);
        Assert.Null(cards.City.Lines.Single(l => l.Group == ScorecardGroup.Satisfaction).Score);
    }
}
