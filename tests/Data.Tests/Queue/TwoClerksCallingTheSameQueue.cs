using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Queue;

public sealed class TwoClerksCallingTheSameQueue
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_clerks_calling_next_at_once_for_100_rounds_race_for_the_same_ticket_and_the_loser_takes_the_next()
    {
        // Each round both clerks choose the same ticket (the one the queue rule puts first), the second clerk's claim commits
        // first, and the first clerk's conditional claim then finds the ticket gone: it must lose it and call the other one.
        await using var queue = await QueueFixture.CreateAsync(interceptors: new ClaimRace());
        var loser = await queue.SeatClerkAsync(0);
        var winner = await queue.SeatClerkAsync(1);
        var clerks = new[] { loser, winner };
        var called = new List<long>();
        using var lost = new LostClaims(WorkbenchMetrics.QueueCallNext);

        for (var round = 0; round < 100; round++)
        {
            var first = await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, round % 3 == 0 ? PriorityCategory.Elderly : PriorityCategory.None, Ct);
            var second = await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
            var race = new ClaimRace.Round();

            var both = await Together.RunAsync(2, i =>
            {
                ClaimRace.Enter(race, winner: i == 1);
                return queue.Service.CallNextAsync(clerks[i].StaffId, clerks[i].CounterId, Ct);
            });

            Assert.True(race.Happened, $"round {round}: both clerks reached their claim");
            Assert.Equal(first.TicketId, both[1]!.Id); // the winner got the ticket both had chosen
            Assert.Equal(second.TicketId, both[0]!.Id); // the loser, having lost it, called the next one
            Assert.Equal(round + 1, lost.Count);
            called.AddRange(both.Select(t => t!.Id));
            await queue.Service.FinishAsync(loser.StaffId, both[0]!.Id, Ct);
            await queue.Service.FinishAsync(winner.StaffId, both[1]!.Id, Ct);
        }

        Assert.Equal(200, called.Distinct().Count());
        await using var db = queue.Database.Factory.CreateDbContext();
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.BranchId == queue.BranchId).ToListAsync(Ct);
        Assert.Equal(200, tickets.Count);
        Assert.All(tickets, t => Assert.Equal(TicketStatus.Finished, t.Status));
        Assert.Equal(100, tickets.Count(t => t.CounterId == loser.CounterId));
        Assert.Null(await queue.Service.CallNextAsync(loser.StaffId, loser.CounterId, Ct));
    }

    [Fact]
    public async Task Tickets_issued_at_once_get_unique_consecutive_numbers()
    {
        // Forty kiosks stand at their write together (the rendezvous), none having taken a number yet.
        var together = new Rendezvous(40, Rendezvous.Point.FirstTransaction);
        await using var queue = await QueueFixture.CreateAsync(interceptors: together);

        var issued = await Together.RunAsync(40, _ =>
        {
            together.Join();
            return queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
        });

        Assert.True(together.Met, "the forty were at their write at the same time");

        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"A{n:000}"), issued.Select(t => t.Number).Order(StringComparer.Ordinal));
        Assert.Equal(40, queue.Events.Published.Count(e => e.Kind == LiveEventKind.TicketChanged && e.BranchId == queue.BranchId));
    }

    [Fact]
    public async Task A_second_clerk_is_refused_a_counter_someone_already_sits_at()
    {
        await using var queue = await QueueFixture.CreateAsync();
        await queue.SeatClerkAsync(0);

        var ex = await Assert.ThrowsAsync<DomainException>(() => queue.SeatClerkAsync(0));

        Assert.Contains("đang do", ex.Message, StringComparison.Ordinal);
    }
}
