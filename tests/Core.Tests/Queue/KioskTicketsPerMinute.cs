using HanoiWorkbench.Core.Queue;

namespace HanoiWorkbench.Core.Tests.Queue;

public class KioskTicketsPerMinute
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, HanoiTime.Offset);

    [Theory]
    [InlineData(new int[0], 3, true)]
    [InlineData(new[] { 10, 20 }, 3, true)]          // two in the last minute, three allowed
    [InlineData(new[] { 10, 20, 30 }, 3, false)]     // the fourth within the minute is refused
    [InlineData(new[] { 60, 20, 30 }, 3, true)]      // one taken exactly a minute ago no longer counts
    [InlineData(new[] { 59, 20, 30 }, 3, false)]     // 59 s ago still counts
    [InlineData(new[] { 120, 90, 61 }, 3, true)]     // all older than a minute
    [InlineData(new[] { 1 }, 1, false)]
    [InlineData(new[] { 5, 4, 3, 2, 1 }, 6, true)]
    [InlineData(new[] { 6, 5, 4, 3, 2, 1 }, 6, false)]
    public void A_device_may_take_a_ticket_while_fewer_than_the_limit_were_taken_in_the_last_minute(int[] secondsAgo, int perMinute, bool allowed)
    {
        var issued = secondsAgo.Select(s => Now.AddSeconds(-s));

        Assert.Equal(allowed, KioskTicketLimit.Refusal(issued, Now, perMinute) is null);
    }

    [Theory]
    [InlineData(new[] { 50, 20, 30 }, 10)] // the oldest leaves the window in 10 s
    [InlineData(new[] { 1, 2, 3 }, 57)]
    [InlineData(new[] { 0, 0, 0 }, 60)]
    public void The_refusal_says_in_vietnamese_how_long_to_wait(int[] secondsAgo, int wait)
    {
        var message = KioskTicketLimit.Refusal(secondsAgo.Select(s => Now.AddSeconds(-s)), Now, 3);

        Assert.NotNull(message);
        Assert.Contains($"Vui lòng chờ {wait} giây", message, StringComparison.Ordinal);
        Assert.Contains("tối đa 3 số mỗi phút", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(600, true)]
    [InlineData(601, false)]
    public void The_configured_limit_is_between_one_and_six_hundred(int perMinute, bool valid)
    {
        Assert.Equal(valid, KioskTicketLimit.ValidateLimit(perMinute) is null);
    }
}
