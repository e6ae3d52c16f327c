using HanoiWorkbench.Core.Staffing;

namespace HanoiWorkbench.Core.Tests.Staffing;

public class ErlangCMatchesPublishedTables
{
    private static readonly TimeSpan ThreeMinutes = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan TwentySeconds = TimeSpan.FromSeconds(20);

    // The textbook worked example (100 calls in 30 minutes, 180 s handling time = 10 erlangs, answer within 20 s),
    // as printed in contact-centre planning guides (Call Centre Helper's Erlang C worked example): P(wait) and
    // service level per agent count; 13 agents reach 79.6 %, so 80 % needs 14.
    [Theory]
    [InlineData(11, 0.6821, 0.3896)]
    [InlineData(12, 0.4494, 0.6402)]
    [InlineData(13, 0.2853, 0.7956)]
    [InlineData(14, 0.1741, 0.8884)]
    [InlineData(15, 0.1020, 0.9414)]
    public void Ten_erlangs_answered_within_twenty_seconds(int agents, double probabilityOfWaiting, double serviceLevel)
    {
        var erlangs = ErlangC.TrafficIntensity(200, ThreeMinutes);

        Assert.Equal(10.0, erlangs, 9);
        Assert.Equal(probabilityOfWaiting, ErlangC.ProbabilityOfWaiting(agents, erlangs), 3);
        Assert.Equal(serviceLevel, ErlangC.ServiceLevel(agents, erlangs, ThreeMinutes, TwentySeconds), 3);
    }

    // Closed forms small enough to check by hand: C(N=2, A=1) = 1/3, C(N=3, A=2) = 4/9, C(N=1, A) = A.
    [Theory]
    [InlineData(2, 1.0, 1.0 / 3)]
    [InlineData(3, 2.0, 4.0 / 9)]
    [InlineData(1, 0.5, 0.5)]
    [InlineData(1, 0.25, 0.25)]
    [InlineData(5, 0.0, 0.0)]
    public void Probability_of_waiting_matches_the_closed_form(int agents, double erlangs, double expected)
    {
        Assert.Equal(expected, ErlangC.ProbabilityOfWaiting(agents, erlangs), 9);
    }

    [Theory]
    [InlineData(2, 2.0)]
    [InlineData(3, 3.5)]
    public void Too_few_officials_for_the_traffic_always_wait_and_meet_no_target(int agents, double erlangs)
    {
        Assert.Equal(1.0, ErlangC.ProbabilityOfWaiting(agents, erlangs));
        Assert.Equal(0.0, ErlangC.ServiceLevel(agents, erlangs, ThreeMinutes, TwentySeconds));
        Assert.Null(ErlangC.AverageWait(agents, erlangs, ThreeMinutes));
    }

    [Fact]
    public void The_average_wait_of_the_textbook_example_with_thirteen_agents_is_about_seventeen_seconds()
    {
        var wait = ErlangC.AverageWait(13, 10, ThreeMinutes)!.Value;

        Assert.InRange(wait.TotalSeconds, 17.0, 17.2);
    }

    // Agents needed: the textbook example needs 14 for 80 % in 20 s, 15 for 90 %, 12 for 60 %; the center's own target
    // (80 % within 15 minutes) with an 8-minute service and 30 arrivals an hour (4 erlangs) needs 5.
    [Theory]
    [InlineData(200, 180, 20, 0.80, 14)]
    [InlineData(200, 180, 20, 0.90, 15)]
    [InlineData(200, 180, 20, 0.60, 12)]
    [InlineData(30, 480, 900, 0.80, 5)]
    [InlineData(6, 480, 900, 0.80, 2)]     // 0.8 erlangs: one official would be 80 % busy and keep people waiting
    [InlineData(0, 480, 900, 0.80, 0)]
    [InlineData(1, 60, 900, 0.80, 1)]
    public void Officials_needed_is_the_fewest_that_reach_the_target(double arrivalsPerHour, int serviceSeconds, int targetSeconds, double level, int expected)
    {
        var service = TimeSpan.FromSeconds(serviceSeconds);
        var erlangs = ErlangC.TrafficIntensity(arrivalsPerHour, service);

        var needed = ErlangC.AgentsNeeded(erlangs, service, TimeSpan.FromSeconds(targetSeconds), level);

        Assert.Equal(expected, needed);
        if (needed > 1)
            Assert.True(ErlangC.ServiceLevel(needed - 1, erlangs, service, TimeSpan.FromSeconds(targetSeconds)) < level);
    }

    [Fact]
    public void Hundreds_of_agents_do_not_overflow()
    {
        var level = ErlangC.ServiceLevel(520, 500, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(20));

        Assert.InRange(level, 0.0, 1.0);
        Assert.False(double.IsNaN(level));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void A_service_level_outside_zero_and_one_is_refused(double level)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.AgentsNeeded(4, ThreeMinutes, TwentySeconds, level));
    }
}
