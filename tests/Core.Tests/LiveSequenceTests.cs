using HanoiWorkbench.Core.Live;

namespace HanoiWorkbench.Core.Tests;

public sealed class ReceiversDecideWhenToReread
{
    [Theory]
    [InlineData(null, 1L, LiveEventKind.TicketChanged, true)]   // first event after (re)connecting: read state
    [InlineData(4L, 5L, LiveEventKind.TicketChanged, false)]    // the next one: apply
    [InlineData(4L, 7L, LiveEventKind.TicketChanged, true)]     // gap: something was missed
    [InlineData(4L, 4L, LiveEventKind.TicketChanged, true)]     // repeated or reordered
    [InlineData(4L, 5L, LiveEventKind.Resync, true)]            // backplane came back
    public void A_gap_a_reconnect_or_a_resync_means_reading_the_state_again(long? lastSeen, long received, LiveEventKind kind, bool reread) =>
        Assert.Equal(reread, LiveSequence.MustReread(lastSeen, received, kind));
}
