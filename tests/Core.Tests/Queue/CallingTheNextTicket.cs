using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Queue;
using static HanoiWorkbench.Core.Tests.Queue.QueueTables;

namespace HanoiWorkbench.Core.Tests.Queue;

public class CallingTheNextTicket
{
    private const int Counter = 5;

    private static QueueChoice? Choose(string waiting, string groups = "1", int streak = 0, string now = "08:44", QueuePolicy? policy = null) =>
        QueueRules.ChooseNext(policy ?? QueuePolicy.Default, Tickets(waiting), Counter, Groups(groups), streak, At(now));

    [Theory]
    [InlineData("A001 1 None 08:00; A002 1 Elderly 08:10", "A002", CallReason.Priority)]
    [InlineData("A001 1 None 08:00; A002 1 Pregnant 08:10; A003 1 Disability 08:05", "A003", CallReason.Priority)]
    [InlineData("A001 1 None 08:00; A002 1 None 08:10", "A001", CallReason.InOrder)]
    [InlineData("A002 1 None 08:10; A001 1 None 08:00", "A001", CallReason.InOrder)]
    [InlineData("A001 1 SmallChild 08:10; A002 1 MeritoriousService 08:10", "A001", CallReason.Priority)]
    [InlineData("A007 1 None 08:10; A003 1 None 08:10", "A003", CallReason.InOrder)]
    public void Priority_tickets_go_first_oldest_first_and_ties_fall_to_the_lower_sequence(string waiting, string expected, CallReason reason)
    {
        var choice = Choose(waiting);

        Assert.NotNull(choice);
        Assert.Equal(expected, choice.Ticket.Number);
        Assert.Equal(reason, choice.Kind);
    }

    [Theory]
    [InlineData(0, "A002", CallReason.Priority)]
    [InlineData(2, "A002", CallReason.Priority)]
    [InlineData(3, "A003", CallReason.FairnessBound)]
    [InlineData(7, "A003", CallReason.FairnessBound)]
    public void After_the_fairness_bound_of_priority_calls_the_oldest_ordinary_ticket_goes_next(int streak, string expected, CallReason reason)
    {
        var choice = Choose("A001 1 None 08:30; A003 1 None 08:20; A002 1 Elderly 08:40", streak: streak);

        Assert.NotNull(choice);
        Assert.Equal(expected, choice.Ticket.Number);
        Assert.Equal(reason, choice.Kind);
    }

    [Theory]
    [InlineData(1, 0, "A002")]
    [InlineData(1, 1, "A001")]
    [InlineData(5, 4, "A002")]
    [InlineData(5, 5, "A001")]
    public void The_fairness_bound_is_the_administrators_setting(int bound, int streak, string expected)
    {
        var policy = QueuePolicy.Default with { PriorityFairnessBound = bound };

        var choice = Choose("A001 1 None 08:00; A002 1 Elderly 08:10", streak: streak, policy: policy);

        Assert.Equal(expected, choice?.Ticket.Number);
    }

    [Fact]
    public void With_only_priority_tickets_waiting_the_fairness_bound_does_not_hold_them_back()
    {
        var choice = Choose("A001 1 Elderly 08:00; A002 1 Pregnant 08:10", streak: 10);

        Assert.Equal("A001", choice?.Ticket.Number);
        Assert.Equal(CallReason.Priority, choice?.Kind);
        Assert.Equal("Ưu tiên: người cao tuổi", choice?.Reason);
    }

    [Theory]
    [InlineData("08:44", "A002", CallReason.Priority)]
    [InlineData("08:45", "A002", CallReason.Priority)]
    [InlineData("08:46", "A001", CallReason.OrdinaryWaitedTooLong)]
    [InlineData("09:30", "A001", CallReason.OrdinaryWaitedTooLong)]
    public void An_ordinary_ticket_waiting_longer_than_the_maximum_beats_priority_tickets(string now, string expected, CallReason reason)
    {
        var choice = Choose("A001 1 None 08:00; A002 1 Elderly 08:30", now: now);

        Assert.Equal(expected, choice?.Ticket.Number);
        Assert.Equal(reason, choice?.Kind);
    }

    [Fact]
    public void A_long_ordinary_wait_with_no_priority_ticket_waiting_is_simply_its_turn()
    {
        var choice = Choose("A001 1 None 08:00; A002 1 None 08:30", now: "09:30");

        Assert.Equal("A001", choice?.Ticket.Number);
        Assert.Equal(CallReason.InOrder, choice?.Kind);
        Assert.Equal("Theo thứ tự lấy số", choice?.Reason);
    }

    [Fact]
    public void The_reason_for_a_long_ordinary_wait_names_the_maximum()
    {
        var policy = QueuePolicy.Default with { MaxOrdinaryWait = TimeSpan.FromMinutes(30) };

        var choice = Choose("A001 1 None 08:00; A002 1 Elderly 08:30", now: "08:31", policy: policy);

        Assert.Equal("Vé thường đã chờ quá 30 phút", choice?.Reason);
    }

    [Theory]
    [InlineData("A001 1 Elderly 08:00; A009 1 None 08:30 @5", "A009")]
    [InlineData("A001 1 Elderly 08:00; A009 1 None 08:30 @6", "A001")]
    [InlineData("A009 1 None 08:30 @6", null)]
    [InlineData("B004 2 None 08:30 @5", "B004")]
    [InlineData("B004 2 None 08:30 @7; A002 1 None 08:40", "A002")]
    [InlineData("A003 1 None 08:30 @5; A001 1 None 08:00 @5", "A001")]
    public void A_ticket_transferred_to_a_counter_is_called_by_that_counter_first_and_by_no_other(string waiting, string? expected)
    {
        var choice = Choose(waiting);

        Assert.Equal(expected, choice?.Ticket.Number);
        if (expected is not null && choice!.Ticket.ReservedCounterId == Counter)
        {
            Assert.Equal(CallReason.ReservedForCounter, choice.Kind);
            Assert.Equal("Được chuyển đến quầy này", choice.Reason);
        }
    }

    [Theory]
    [InlineData("1", "A002")]
    [InlineData("2", "B001")]
    [InlineData("1,2", "B001")]
    [InlineData("2,3", "B001")]
    [InlineData("3", null)]
    public void A_counter_calls_only_tickets_of_the_service_groups_it_serves(string groups, string? expected)
    {
        var choice = Choose("B001 2 None 08:00; A002 1 None 08:10", groups: groups);

        Assert.Equal(expected, choice?.Ticket.Number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("A001 1 Elderly 08:00 Parked")]
    [InlineData("A001 1 None 08:00 Called; A002 1 None 08:01 Serving")]
    [InlineData("A001 1 None 08:00 Finished; A002 1 None 08:01 NoShow")]
    [InlineData("A001 1 Elderly 08:00 Parked @5")]
    public void Nothing_is_called_when_no_ticket_waits(string waiting)
    {
        Assert.Null(Choose(waiting));
    }

    [Fact]
    public void A_parked_ticket_does_not_jump_the_queue_when_the_next_ticket_is_called()
    {
        var choice = Choose("A001 1 Elderly 07:30 Parked; A002 1 None 08:00");

        Assert.Equal("A002", choice?.Ticket.Number);
    }

    [Theory]
    [InlineData(new PriorityCategory[0], 0)]
    [InlineData(new[] { PriorityCategory.None, PriorityCategory.Elderly }, 0)]
    [InlineData(new[] { PriorityCategory.Elderly, PriorityCategory.None, PriorityCategory.Elderly }, 1)]
    [InlineData(new[] { PriorityCategory.Pregnant, PriorityCategory.Elderly, PriorityCategory.Disability }, 3)]
    public void The_priority_streak_counts_priority_calls_since_the_last_ordinary_one(PriorityCategory[] callsNewestFirst, int expected)
    {
        Assert.Equal(expected, QueueRules.PriorityStreak(callsNewestFirst));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    [InlineData(3, 0)]
    public void The_people_waiting_in_a_group_are_its_waiting_tickets(int group, int expected)
    {
        var waiting = Tickets("A001 1 None 08:00; A002 1 Elderly 08:01 @4; A003 1 None 08:02 Called; B001 2 None 08:00; B002 2 None 08:00 Parked");

        Assert.Equal(expected, QueueRules.WaitingInGroup(waiting, group));
    }
}
