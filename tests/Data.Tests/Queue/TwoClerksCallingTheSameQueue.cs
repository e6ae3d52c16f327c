using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Queue;

public sealed class TwoClerksCallingTheSameQueue
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_clerks_calling_next_in_parallel_for_100_rounds_never_get_the_same_ticket_and_lose_none()
    {
        await using var queue = await QueueFixture.CreateAsync();
        var first = await queue.SeatClerkAsync(0);
        var second = await queue.SeatClerkAsync(1);
        var called = new List<long>();

        for (var round = 0; round < 100; round++)
        {
            await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, round % 3 == 0 ? PriorityCategory.Elderly : PriorityCategory.None, Ct);
            await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);

            var both = await Task.WhenAll(
                Task.Run(() => queue.Service.CallNextAsync(first.StaffId, first.CounterId, Ct), Ct),
                Task.Run(() => queue.Service.CallNextAsync(second.StaffId, second.CounterId, Ct), Ct));

            Assert.All(both, Assert.NotNull);
            Assert.NotEqual(both[0]!.Id, both[1]!.Id);
            called.AddRange(both.Select(t => t!.Id));
            await Task.WhenAll(
                queue.Service.FinishAsync(first.StaffId, both[0]!.Id, Ct),
                queue.Service.FinishAsync(second.StaffId, both[1]!.Id, Ct));
        }

        Assert.Equal(200, called.Distinct().Count());
        await using var db = queue.Database.Factory.CreateDbContext();
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.BranchId == queue.BranchId).ToListAsync(Ct);
        Assert.Equal(200, tickets.Count);
        Assert.All(tickets, t => Assert.Equal(TicketStatus.Finished, t.Status));
        Assert.Equal(100, tickets.Count(t => t.CounterId == first.CounterId));
        Assert.Null(await queue.Service.CallNextAsync(first.StaffId, first.CounterId, Ct));
    }

    [Fact]
    public async Task Tickets_issued_in_parallel_get_unique_consecutive_numbers()
    {
        await using var queue = await QueueFixture.CreateAsync();

        var issued = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(_ => Task.Run(() => queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct), Ct)));

        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"A{n:000}"), issued.Select(t => t.Number).Order(StringComparer.Ordinal));
        Assert.Equal(40, queue.Events.All.Count(e => e.Kind == LiveEventKind.TicketChanged && e.BranchId == queue.BranchId));
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
