namespace HanoiWorkbench.Core.Tests;

public class HanoiTimeTables
{
    [Theory]
    [InlineData("2026-12-02T16:59:59Z", "2026-12-02")]
    [InlineData("2026-12-02T17:00:00Z", "2026-12-03")]   // midnight in Hanoi is 17:00 UTC
    [InlineData("2026-12-03T08:00:00+07:00", "2026-12-03")]
    public void The_hanoi_date_of_an_instant(string instant, string date) =>
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            HanoiTime.DateOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_start_of_a_hanoi_day_is_seventeen_hundred_utc_the_day_before() =>
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 17, 0, 0, TimeSpan.Zero), HanoiTime.StartOf(new DateOnly(2026, 12, 3)));
}
