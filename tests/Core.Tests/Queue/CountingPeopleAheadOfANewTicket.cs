using HanoiWorkbench.Core.Queue;
using static HanoiWorkbench.Core.Tests.Queue.QueueTables;

namespace HanoiWorkbench.Core.Tests.Queue;

public class CountingPeopleAheadOfANewTicket
{
    // The new ticket is always the last row of the table.
    private static int Ahead(string waiting, int streak = 0, string now = "08:44", QueuePolicy? policy = null)
    {
        var tickets = Tickets(waiting);
        return QueueRules.PeopleAhead(policy ?? QueuePolicy.Default, tickets, tickets[^1].Id, streak, At(now));
    }

    [Theory]
    [InlineData("A001 1 None 08:30; A002 1 Elderly 08:40", 0, 0)]                    // the slip: 0, not 1
    [InlineData("A001 1 None 08:30; A002 1 None 08:35; A003 1 Elderly 08:40", 0, 0)]
    [InlineData("A001 1 Elderly 08:30; A002 1 None 08:35; A003 1 Pregnant 08:40", 0, 1)]
    [InlineData("A001 1 None 08:30; A002 1 Elderly 08:40", 3, 1)]                    // the fairness bound is reached: the ordinary ticket goes first
    [InlineData("A001 1 None 08:30; A002 1 Elderly 08:31; A003 1 Elderly 08:32; A004 1 Elderly 08:33; A005 1 Elderly 08:40", 0, 4)]
    [InlineData("A001 1 None 07:50; A002 1 Elderly 08:40", 0, 1)]                    // waited over 45 minutes: called before priority
    public void A_priority_ticket_counts_only_those_the_queue_order_calls_before_it(string waiting, int streak, int expected)
    {
        Assert.Equal(expected, Ahead(waiting, streak));
    }

    [Theory]
    [InlineData("A001 1 None 08:30; A002 1 None 08:40", 1)]
    [InlineData("A001 1 Elderly 08:30; A002 1 None 08:40", 1)]
    [InlineData("A001 1 None 08:20; A002 1 Elderly 08:30; A003 1 None 08:40", 2)]
    [InlineData("A001 1 Elderly 08:30; A002 1 Elderly 08:31; A003 1 Elderly 08:32; A004 1 Elderly 08:33; A005 1 None 08:40", 3)] // the bound lets it in after 3
    public void An_ordinary_ticket_counts_the_priority_tickets_that_go_before_it_up_to_the_fairness_bound(string waiting, int expected)
    {
        Assert.Equal(expected, Ahead(waiting));
    }

    [Theory]
    [InlineData("A001 2 None 08:30; A002 1 Elderly 08:35; A003 1 None 08:40", 1)]   // another group's queue is not ahead
    [InlineData("A001 1 None 08:30 @7; A002 1 None 08:40", 0)]                      // reserved for counter 7
    [InlineData("A001 1 None 08:30 Parked; A002 1 None 08:40", 0)]                  // parked tickets come back only on resume
    public void Other_groups_reserved_and_parked_tickets_are_not_ahead(string waiting, int expected)
    {
        Assert.Equal(expected, Ahead(waiting));
    }

    [Fact]
    public void A_ticket_that_no_longer_waits_has_nobody_ahead()
    {
        Assert.Equal(0, Ahead("A001 1 None 08:30; A002 1 None 08:40 Called"));
    }
}
