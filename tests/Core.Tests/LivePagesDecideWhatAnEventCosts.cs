using HanoiWorkbench.Core.Live;

namespace HanoiWorkbench.Core.Tests;

public sealed class LivePagesDecideWhatAnEventCosts
{
    private const int Mine = 3;
    private const int Other = 4;

    private static LiveEvent Event(LiveEventKind kind, int? branch, long branchSequence, long citySequence = 100) =>
        new(kind, branch, 1, branchSequence, citySequence, DateTimeOffset.UnixEpoch);

    // A counter page: branch 3, shows tickets, counters and who sits where.
    private static readonly LiveInterest Counter =
        LiveInterest.Branch(Mine, LiveEventKind.TicketChanged, LiveEventKind.CounterChanged, LiveEventKind.StaffAssigned);

    [Theory]
    [InlineData(null, null, LiveEventKind.TicketChanged, Mine, 1L, LiveStep.Reread)]        // nothing known yet
    [InlineData(7L, 7L, LiveEventKind.TicketChanged, Mine, 8L, LiveStep.Reread)]            // someone else's next change
    [InlineData(8L, 6L, LiveEventKind.TicketChanged, Mine, 7L, LiveStep.Skip)]              // own change: the read after the action shows it
    [InlineData(8L, 6L, LiveEventKind.CounterChanged, Mine, 8L, LiveStep.Skip)]             // own second change
    [InlineData(9L, 9L, LiveEventKind.TicketChanged, Mine, 5L, LiveStep.Skip)]              // late from another instance, read since
    [InlineData(7L, 7L, LiveEventKind.ApplicationChanged, Mine, 8L, LiveStep.Skip)]         // not shown here, nothing missed
    [InlineData(7L, 7L, LiveEventKind.ApplicationChanged, Mine, 10L, LiveStep.Reread)]      // not shown, but a gap: 8 and 9 were missed
    [InlineData(7L, null, LiveEventKind.WorkItemChanged, Mine, 9L, LiveStep.Reread)]        // not shown, first since subscribing: cannot know
    [InlineData(7L, 7L, LiveEventKind.TicketChanged, Other, 8L, LiveStep.Skip)]             // another branch's sequence
    [InlineData(7L, 7L, LiveEventKind.StaffAssigned, null, 0L, LiveStep.Reread)]            // a city-wide change of something shown
    [InlineData(7L, 7L, LiveEventKind.WorkItemChanged, null, 0L, LiveStep.Skip)]            // a city-wide change of something not shown
    [InlineData(7L, 7L, LiveEventKind.Resync, null, 0L, LiveStep.Resync)]                   // the backplane came back
    [InlineData(7L, 7L, LiveEventKind.Resync, Mine, 3L, LiveStep.Resync)]
    public void A_branch_page_skips_what_it_shows_already_and_rereads_what_it_may_have_missed(
        long? applied, long? lastSeen, LiveEventKind kind, int? branch, long sequence, LiveStep expected) =>
        Assert.Equal(expected, LiveSequence.Decide(Counter, applied, lastSeen, Event(kind, branch, sequence)));

    [Theory]
    [InlineData(null, LiveEventKind.WorkItemChanged, null, 1L, LiveStep.Reread)]
    [InlineData(40L, LiveEventKind.TicketChanged, Other, 41L, LiveStep.Reread)]   // every branch is in the city's sequence
    [InlineData(40L, LiveEventKind.ApplicationChanged, null, 40L, LiveStep.Skip)] // read already
    [InlineData(40L, LiveEventKind.Resync, null, 41L, LiveStep.Resync)]
    public void The_city_view_follows_the_city_sequence(long? applied, LiveEventKind kind, int? branch, long citySequence, LiveStep expected) =>
        Assert.Equal(expected, LiveSequence.Decide(LiveInterest.City, applied, applied, Event(kind, branch, 1, citySequence)));
}
