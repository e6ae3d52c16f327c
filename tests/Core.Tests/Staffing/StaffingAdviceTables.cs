using HanoiWorkbench.Core.Staffing;

namespace HanoiWorkbench.Core.Tests.Staffing;

public class StaffingAdviceTables
{
    private static readonly DateOnly Thursday = new(2026, 12, 3);

    [Fact]
    public void The_forecast_is_the_mean_per_hour_of_the_same_weekday_over_four_weeks()
    {
        var issued = new List<DateTime>
        {
            new(2026, 11, 26, 8, 5, 0), new(2026, 11, 26, 8, 40, 0), new(2026, 11, 26, 9, 0, 0), // a week ago
            new(2026, 11, 19, 8, 15, 0), new(2026, 11, 12, 8, 15, 0), new(2026, 11, 5, 8, 59, 0), // 2, 3, 4 weeks ago
            new(2026, 10, 29, 8, 0, 0),   // five weeks ago: outside the window
            new(2026, 11, 27, 8, 0, 0),   // a Friday: another weekday
            new(2026, 12, 3, 8, 0, 0),    // today itself is not history
        };

        var forecast = StaffingAdvice.ForecastArrivals(issued, Thursday);

        Assert.Equal(24, forecast.Count);
        Assert.Equal(5 / 4.0, forecast[8]);
        Assert.Equal(1 / 4.0, forecast[9]);
        Assert.Equal(0, forecast[10]);
    }

    [Fact]
    public void Each_hour_gets_its_own_need()
    {
        var arrivals = new double[24];
        arrivals[8] = 30;   // 4 erlangs at 8 minutes a citizen
        arrivals[9] = 6;    // 0.8 erlangs: one official alone would keep half the citizens waiting past 15 minutes
        var need = StaffingAdvice.NeedPerHour(arrivals, TimeSpan.FromMinutes(8), StaffingTarget.Default, 8, 11);

        Assert.Equal([8, 9, 10], need.Select(n => n.Hour));
        Assert.Equal([5, 2, 0], need.Select(n => n.Needed));
        Assert.Equal(4.0, need[0].Erlangs, 9);
    }

    // gaps: key:need/have; expected moves: from>to×count
    [Theory]
    [InlineData("A:3/2 B:1/2", "B>A×1")]
    [InlineData("A:3/1 B:1/2 C:0/1", "B>A×1 C>A×1")]
    [InlineData("A:4/1 B:1/3 C:1/2", "B>A×2 C>A×1")]
    [InlineData("A:2/2 B:1/1", "")]
    [InlineData("A:5/1 B:2/2", "")]                    // nobody spare: nothing is suggested, B is not stripped
    [InlineData("A:2/1 B:3/1 C:0/2", "C>B×2")]          // the largest shortage first
    [InlineData("A:2/1 B:3/1 C:0/3", "C>B×2 C>A×1")]
    public void Moves_cover_the_shortages_from_the_slack(string gaps, string expected)
    {
        var parsed = gaps.Split(' ').Select(g =>
        {
            var (key, counts) = (g.Split(':')[0], g.Split(':')[1].Split('/'));
            return new StaffingGap<string>(key, int.Parse(counts[0], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(counts[1], System.Globalization.CultureInfo.InvariantCulture));
        });

        var moves = StaffingAdvice.SuggestMoves(parsed);

        Assert.Equal(expected, string.Join(' ', moves.Select(m => $"{m.From}>{m.To}×{m.Count}")));
    }
    // waiting now, minutes per service, target wait in minutes → officials to call them all within it
    [Theory]
    [InlineData(0, 8, 15, 0)]
    [InlineData(1, 8, 15, 1)]
    [InlineData(9, 8, 15, 5)]      // 72 minutes of work within 15: 4.8 → 5
    [InlineData(15, 8, 15, 8)]
    [InlineData(15, 5, 15, 5)]     // exactly 75 ÷ 15 = 5, not 6
    [InlineData(30, 10, 30, 10)]
    public void The_queue_waiting_now_calls_for_enough_officials_to_call_everyone_within_the_target(int waiting, int serviceMinutes, int withinMinutes, int expected) =>
        Assert.Equal(expected, StaffingAdvice.NeededForQueue(waiting, TimeSpan.FromMinutes(serviceMinutes), new StaffingTarget(0.8, TimeSpan.FromMinutes(withinMinutes))));

    // forecast (−1: none), counters open, waiting now → needed now (8 min a service, 80 % within 15 min)
    [Theory]
    [InlineData(3, 1, 0, 3)]       // the forecast alone
    [InlineData(0, 1, 9, 5)]       // a burst history did not predict: the queue decides, never "needs 0" beside 9 waiting
    [InlineData(6, 2, 9, 6)]       // the forecast is larger
    [InlineData(-1, 2, 0, 2)]      // no advice: the counters open stand in
    [InlineData(-1, 1, 9, 5)]      // no advice and a queue
    public void Needed_now_is_the_larger_of_the_forecast_and_the_queue(int forecast, int countersOpen, int waiting, int expected) =>
        Assert.Equal(expected, StaffingAdvice.NeededNow(forecast < 0 ? null : forecast, countersOpen, waiting, TimeSpan.FromMinutes(8), StaffingTarget.Default));

    [Fact]
    public void A_queue_need_refuses_a_negative_queue_or_a_zero_service_time()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StaffingAdvice.NeededForQueue(-1, TimeSpan.FromMinutes(8), StaffingTarget.Default));
        Assert.Throws<ArgumentOutOfRangeException>(() => StaffingAdvice.NeededForQueue(3, TimeSpan.Zero, StaffingTarget.Default));
    }
}
