using HanoiWorkbench.Core.Queue;

namespace HanoiWorkbench.Core.Tests.Queue;

public class EstimatingTheWait
{
    private static IReadOnlyList<TimeSpan> Minutes(string minutes) =>
        minutes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(m => TimeSpan.FromMinutes(double.Parse(m, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    [Theory]
    [InlineData(4, "", 1, 32.0)]             // no data: 8-minute fallback
    [InlineData(4, "", 2, 16.0)]
    [InlineData(3, "5, 6, 7", 1, 18.0)]      // median 6
    [InlineData(3, "5, 6, 7, 9", 1, 19.5)]   // median of an even count: (6 + 7) / 2
    [InlineData(2, "5, 6, 50", 1, 12.0)]     // one long dossier does not move the median
    [InlineData(6, "10", 3, 20.0)]
    [InlineData(0, "10", 1, 0.0)]
    [InlineData(1, "0, -3", 1, 8.0)]         // nonsense durations are ignored, leaving the fallback
    public void The_wait_is_the_median_service_time_times_people_ahead_over_open_counters(int peopleAhead, string recent, int openCounters, double expectedMinutes)
    {
        var estimate = WaitEstimator.Estimate(peopleAhead, Minutes(recent), openCounters, QueuePolicy.Default);

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), estimate);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 0)]
    [InlineData(5, -1)]
    public void With_no_open_counter_the_wait_is_unknown(int peopleAhead, int openCounters)
    {
        Assert.Null(WaitEstimator.Estimate(peopleAhead, Minutes("5"), openCounters, QueuePolicy.Default));
    }

    [Theory]
    [InlineData(3, "30, 30, 30, 4, 5, 6", 5.0)]
    [InlineData(6, "30, 30, 30, 4, 5, 6", 18.0)]
    [InlineData(1, "30, 30, 30, 4, 5, 6", 6.0)]
    public void Only_the_most_recent_service_times_of_the_window_count(int window, string recentOldestFirst, double expectedMinutes)
    {
        var policy = QueuePolicy.Default with { RecentServiceTimeWindow = window };

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), WaitEstimator.TypicalServiceTime(Minutes(recentOldestFirst), policy));
    }

    [Fact]
    public void The_fallback_service_time_is_the_administrators_setting()
    {
        var policy = QueuePolicy.Default with { ServiceTimeFallback = TimeSpan.FromMinutes(12) };

        Assert.Equal(TimeSpan.FromMinutes(36), WaitEstimator.Estimate(3, [], 1, policy));
    }

    [Theory]
    [InlineData(null, "Chưa có quầy phục vụ")]
    [InlineData(0.0, "Không phải chờ")]
    [InlineData(0.2, "Khoảng 1 phút")]
    [InlineData(14.1, "Khoảng 15 phút")]
    [InlineData(60.0, "Khoảng 1 giờ")]
    [InlineData(75.0, "Khoảng 1 giờ 15 phút")]
    public void The_kiosk_words_the_estimate_rounded_up_to_the_minute(double? minutes, string expected)
    {
        var estimate = minutes is { } m ? TimeSpan.FromMinutes(m) : (TimeSpan?)null;

        Assert.Equal(expected, WaitEstimator.Describe(estimate));
    }
}
