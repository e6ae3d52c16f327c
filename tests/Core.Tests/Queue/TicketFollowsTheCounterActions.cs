using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Queue;

namespace HanoiWorkbench.Core.Tests.Queue;

public class TicketFollowsTheCounterActions
{
    private static readonly DateTimeOffset Issued = new(2025, 6, 2, 8, 0, 0, TimeSpan.FromHours(7));

    private static Ticket NewTicket() =>
        new(branchId: 1, serviceGroupId: 1, letter: "A", sequence: 23, serviceDate: new DateOnly(2025, 6, 2), PriorityCategory.None, Issued);

    private static Ticket Called(int counterId = 5)
    {
        var ticket = NewTicket();
        ticket.Call(counterId, staffId: 9, Issued.AddMinutes(10));
        return ticket;
    }

    [Fact]
    public void A_new_ticket_waits_and_offers_call_and_transfer()
    {
        var ticket = NewTicket();

        Assert.Equal("A023", ticket.Number);
        Assert.Equal(TicketStatus.Waiting, ticket.Status);
        Assert.Equal(new HashSet<TicketAction> { TicketAction.Call, TicketAction.Transfer }, ticket.AllowedActions(QueuePolicy.Default));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Marking_a_no_show_needs_the_recalls_of_the_policy(int recalls, bool allowed)
    {
        var ticket = Called();
        for (var i = 0; i < recalls; i++) ticket.Recall();

        var mark = () => ticket.MarkNoShow(Issued.AddMinutes(15), QueuePolicy.Default);

        if (allowed)
        {
            mark();
            Assert.Equal(TicketStatus.NoShow, ticket.Status);
            Assert.Equal(Issued.AddMinutes(15), ticket.FinishedAt);
        }
        else
        {
            var refusal = Assert.Throws<DomainException>(mark);
            Assert.StartsWith("Vé A023: Cần gọi lại ít nhất 2 lần", refusal.Message);
            Assert.Equal(TicketStatus.Called, ticket.Status);
        }
    }

    [Fact]
    public void A_parked_ticket_cannot_be_called_as_if_it_were_waiting()
    {
        var ticket = Called();
        ticket.Park();

        Assert.Throws<DomainException>(() => ticket.Call(6, 9, Issued.AddMinutes(20)));
    }

    [Fact]
    public void Resuming_a_parked_ticket_brings_it_back_called_at_a_counter_keeping_its_first_call()
    {
        var ticket = Called();
        ticket.Recall();
        ticket.Park();

        ticket.Resume(counterId: 7, staffId: 11, Issued.AddMinutes(40));

        Assert.Equal(TicketStatus.Called, ticket.Status);
        Assert.Equal(7, ticket.CounterId);
        Assert.Equal(11, ticket.StaffId);
        Assert.Equal(Issued.AddMinutes(10), ticket.CalledAt);
        Assert.Equal(0, ticket.RecallCount);
    }

    [Fact]
    public void Transferring_to_another_group_keeps_the_issue_time_so_the_citizen_is_not_sent_to_the_back()
    {
        var ticket = Called();
        ticket.Start(Issued.AddMinutes(11));

        ticket.TransferTo(serviceGroupId: 2);

        Assert.Equal(TicketStatus.Waiting, ticket.Status);
        Assert.Equal(2, ticket.ServiceGroupId);
        Assert.Equal(Issued, ticket.IssuedAt);
        Assert.Equal("A023", ticket.Number);
        Assert.Null(ticket.CounterId);
        Assert.Null(ticket.StartedAt);
        Assert.Null(ticket.ReservedCounterId);
    }

    [Fact]
    public void Transferring_to_a_counter_reserves_the_ticket_for_that_counter_alone()
    {
        var ticket = Called();
        ticket.TransferToCounter(8);

        Assert.Equal(8, ticket.ReservedCounterId);
        Assert.Equal(1, ticket.ServiceGroupId);
        Assert.Throws<DomainException>(() => ticket.Call(6, 9, Issued.AddMinutes(30)));

        ticket.Call(8, 12, Issued.AddMinutes(31));

        Assert.Equal(TicketStatus.Called, ticket.Status);
        Assert.Equal(8, ticket.CounterId);
        Assert.Null(ticket.ReservedCounterId);
    }

    [Fact]
    public void A_reserved_ticket_projects_its_reservation_for_the_queue_order()
    {
        var ticket = Called();
        ticket.TransferToCounter(8);

        var waiting = WaitingTicket.From(ticket);

        Assert.Equal(new WaitingTicket(0, 1, 23, "A023", PriorityCategory.None, Issued, TicketStatus.Waiting, 8), waiting);
    }

    [Fact]
    public void Finishing_without_a_start_counts_the_service_from_the_finish()
    {
        var ticket = Called();

        ticket.Finish(Issued.AddMinutes(12));

        Assert.Equal(TicketStatus.Finished, ticket.Status);
        Assert.Equal(TimeSpan.FromMinutes(10), ticket.WaitTime);
        Assert.Equal(TimeSpan.Zero, ticket.ServiceTime);
    }

    [Fact]
    public void A_finished_ticket_refuses_every_further_action()
    {
        var ticket = Called();
        ticket.Finish(Issued.AddMinutes(12));

        Assert.Throws<DomainException>(ticket.Recall);
        Assert.Throws<DomainException>(ticket.Park);
        Assert.Throws<DomainException>(() => ticket.TransferTo(2));
        Assert.Throws<DomainException>(() => ticket.Resume(5, 9, Issued.AddMinutes(13)));
        Assert.Empty(ticket.AllowedActions(QueuePolicy.Default));
    }
}
