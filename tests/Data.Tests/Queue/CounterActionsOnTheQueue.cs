using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Data.Queue;

namespace HanoiWorkbench.Data.Tests.Queue;

public sealed class CounterActionsOnTheQueue
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_show_is_refused_before_the_policy_number_of_recalls()
    {
        await using var queue = await QueueFixture.CreateAsync();
        var clerk = await queue.SeatClerkAsync(0);
        await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
        var ticket = (await queue.Service.CallNextAsync(clerk.StaffId, clerk.CounterId, Ct))!;

        var refused = await Assert.ThrowsAsync<DomainException>(() => queue.Service.NoShowAsync(clerk.StaffId, ticket.Id, Ct));
        await queue.Service.RecallAsync(clerk.StaffId, ticket.Id, Ct);
        await Assert.ThrowsAsync<DomainException>(() => queue.Service.NoShowAsync(clerk.StaffId, ticket.Id, Ct));
        await queue.Service.RecallAsync(clerk.StaffId, ticket.Id, Ct);
        var noShow = await queue.Service.NoShowAsync(clerk.StaffId, ticket.Id, Ct);

        Assert.Contains("gọi lại ít nhất 2 lần", refused.Message, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.NoShow, noShow.Status);
        Assert.Equal(1, (await queue.Service.ClerkTodayAsync(clerk.StaffId, Ct)).NoShows);
    }

    [Fact]
    public async Task A_ticket_transferred_to_a_counter_is_called_there_before_older_tickets()
    {
        await using var queue = await QueueFixture.CreateAsync();
        var first = await queue.SeatClerkAsync(0);
        var second = await queue.SeatClerkAsync(1);
        var a1 = await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
        await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
        var called = (await queue.Service.CallNextAsync(first.StaffId, first.CounterId, Ct))!;
        Assert.Equal(a1.TicketId, called.Id);

        await queue.Service.TransferAsync(first.StaffId, called.Id, TransferTarget.ToCounter(second.CounterId), Ct);
        var atSecond = (await queue.Service.CallNextAsync(second.StaffId, second.CounterId, Ct))!;

        Assert.Equal(a1.TicketId, atSecond.Id);
        Assert.Equal(second.CounterId, atSecond.CounterId);
    }

    [Fact]
    public async Task A_parked_ticket_comes_back_only_when_resumed_and_the_counter_status_follows()
    {
        await using var queue = await QueueFixture.CreateAsync();
        var clerk = await queue.SeatClerkAsync(0);
        await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
        var ticket = (await queue.Service.CallNextAsync(clerk.StaffId, clerk.CounterId, Ct))!;

        await queue.Service.StartAsync(clerk.StaffId, ticket.Id, Ct);
        await queue.Service.ParkAsync(clerk.StaffId, ticket.Id, Ct);
        Assert.Null(await queue.Service.CallNextAsync(clerk.StaffId, clerk.CounterId, Ct));
        var desk = await queue.Queries.DeskAsync(clerk.StaffId, Ct);
        Assert.Equal(CounterStatus.Idle, desk.MyCounter!.Status);
        Assert.Equal(ticket.Id, Assert.Single(desk.Parked).Id);

        var resumed = await queue.Service.ResumeAsync(clerk.StaffId, ticket.Id, Ct);
        await queue.Service.FinishAsync(clerk.StaffId, resumed.Id, Ct);

        Assert.Equal(1, (await queue.Service.ClerkTodayAsync(clerk.StaffId, Ct)).Served);
    }

    [Fact]
    public async Task The_wait_estimate_counts_the_people_ahead_and_the_open_counters()
    {
        await using var queue = await QueueFixture.CreateAsync();
        var before = await queue.Service.EstimateAsync(queue.BranchId, queue.GroupA, Ct);
        await queue.SeatClerkAsync(0);
        for (var i = 0; i < 3; i++) await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);

        var after = await queue.Service.EstimateAsync(queue.BranchId, queue.GroupA, Ct);
        var fourth = await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.Pregnant, Ct);

        Assert.Null(before.EstimatedWait);
        Assert.Equal(3, after.Waiting);
        Assert.Equal(TimeSpan.FromMinutes(8 * 3) / after.OpenCounters, after.EstimatedWait);
        // A priority ticket is called before the three ordinary ones; an ordinary one after it waits behind all four.
        Assert.Equal(0, fourth.PeopleAhead);
        var fifth = await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
        Assert.Equal(4, fifth.PeopleAhead);
        Assert.Equal("BR03", fourth.BranchCode);
    }

    [Fact]
    public async Task Every_committed_change_is_published_with_its_branch()
    {
        await using var queue = await QueueFixture.CreateAsync();
        var clerk = await queue.SeatClerkAsync(0);
        var issued = await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
        await queue.Service.CallNextAsync(clerk.StaffId, clerk.CounterId, Ct);
        await queue.Service.SetStatusAsync(clerk.StaffId, CounterStatus.Serving, Ct);

        var events = queue.Events.Published.ToList();
        Assert.All(events, e => Assert.Equal(queue.BranchId, e.BranchId));
        Assert.Contains((LiveEventKind.StaffAssigned, (int?)queue.BranchId, (long?)clerk.StaffId), events);
        Assert.Equal(2, events.Count(e => e.Kind == LiveEventKind.TicketChanged && e.EntityId == issued.TicketId));
        Assert.Contains(events, e => e.Kind == LiveEventKind.CounterChanged && e.EntityId == clerk.CounterId);
    }
}
