using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Queue;

public sealed class ADoubleTapAtTheKiosk
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_requests_of_the_same_form_at_once_make_one_ticket_and_the_second_is_told_it_repeated_the_first()
    {
        // Both taps stand at their write together (the rendezvous): neither has stored a ticket when the other looks.
        var together = new Rendezvous(2, Rendezvous.Point.FirstTransaction);
        await using var queue = await QueueFixture.CreateAsync(interceptors: together);
        var form = Guid.NewGuid();
        var taps = await Together.RunAsync(2, _ =>
        {
            together.Join();
            return queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, form, Ct);
        });

        Assert.True(together.Met, "the two taps were at their write at the same time");

        Assert.Equal(taps[0].TicketId, taps[1].TicketId);
        Assert.Equal(taps[0].Number, taps[1].Number);
        Assert.Single(taps, t => t.Repeated);
        await using var db = queue.Database.Factory.CreateDbContext();
        Assert.Equal(1, await db.Tickets.CountAsync(t => t.BranchId == queue.BranchId, Ct));
        Assert.Single(queue.Events.Published, e => e.Kind == LiveEventKind.TicketChanged);

        // The next citizen's form has a new token: a new ticket, numbered on from the first (the repeat used no number).
        var next = await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Guid.NewGuid(), Ct);
        Assert.False(next.Repeated);
        Assert.Equal("A002", next.Number);
    }

    [Fact]
    public async Task The_database_refuses_a_second_ticket_with_the_same_form_token_but_not_tickets_without_one()
    {
        await using var queue = await QueueFixture.CreateAsync();
        var form = Guid.NewGuid();
        var day = DateOnly.FromDateTime(QueueFixture.Morning.DateTime);
        await using var db = queue.Database.Factory.CreateDbContext();
        db.Tickets.Add(new Ticket(queue.BranchId, queue.GroupA, "A", 1, day, PriorityCategory.None, QueueFixture.Morning));
        db.Tickets.Add(new Ticket(queue.BranchId, queue.GroupA, "A", 2, day, PriorityCategory.None, QueueFixture.Morning));
        db.Tickets.Add(new Ticket(queue.BranchId, queue.GroupA, "A", 3, day, PriorityCategory.None, QueueFixture.Morning, form));
        await db.SaveChangesAsync(Ct);

        db.Tickets.Add(new Ticket(queue.BranchId, queue.GroupA, "A", 4, day, PriorityCategory.None, QueueFixture.Morning, form));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
    }
}
