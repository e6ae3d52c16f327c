using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data.Tests.Pool;

namespace HanoiWorkbench.Data.Tests.Queue;

/// <summary>
/// On a server engine a claim whose row another transaction is claiming does not wait for that transaction: it skips the row
/// at once and takes its next choice (FOR UPDATE SKIP LOCKED; docs/adr/0011). SQLite has one writer at a time, so a second
/// claim there waits for the first to commit and these tests do not apply.
/// </summary>
public sealed class ALockedClaimIsSkipped
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void OnlyOnAServerEngine()
    {
        if (!TestProvider.IsPostgres)
            Assert.Skip("Row locks: SQLite serialises writers, so there is no locked row to skip (runs with WORKBENCH_TEST_PROVIDER=Postgres).");
    }

    [Fact]
    public async Task A_call_while_another_counter_holds_the_head_ticket_takes_the_next_without_waiting_for_it()
    {
        OnlyOnAServerEngine();
        var held = new HeldClaim("\"Tickets\"");
        await using var queue = await QueueFixture.CreateAsync(interceptors: held);
        var holder = await queue.SeatClerkAsync(0);
        var other = await queue.SeatClerkAsync(1);
        var first = await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
        var second = await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
        using var lost = new LostClaims(WorkbenchMetrics.QueueCallNext);

        var holding = Task.Run(() =>
        {
            held.Enter();
            return queue.Service.CallNextAsync(holder.StaffId, holder.CounterId, Ct);
        }, Ct);
        await held.Holding.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // The holder's claim of the first ticket is made and not committed: the other counter still reads it as waiting,
        // chooses it, finds it locked and calls the second, all while the holder is stopped.
        var called = await queue.Service.CallNextAsync(other.StaffId, other.CounterId, Ct);
        var stillHolding = held.IsHolding;
        held.Release();
        var holderCalled = await holding;

        Assert.True(stillHolding, "the other counter's call returned while the first claim was still open");
        Assert.Equal(second.TicketId, called!.Id);
        Assert.Equal(first.TicketId, holderCalled!.Id);
        Assert.Equal(1, lost.Count); // it did choose the locked head ticket first, and passed it
    }

    [Fact]
    public async Task A_take_while_another_clerk_holds_the_best_item_takes_the_next_without_waiting_for_it()
    {
        OnlyOnAServerEngine();
        var held = new HeldClaim("\"WorkItems\"");
        await using var h = await PoolHarness.CreateAsync(interceptor: held);
        var (fieldId, clerks) = await h.AddClerksAsync(2);
        var items = await h.AddItemsAsync(fieldId, 3);
        using var lost = new LostClaims(WorkbenchMetrics.PoolTakeNext);

        var holding = Task.Run(() =>
        {
            held.Enter();
            return h.Pool.TakeNextAsync(clerks[0], Ct);
        }, Ct);
        await held.Holding.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        var taken = await h.Pool.TakeNextAsync(clerks[1], Ct);
        var stillHolding = held.IsHolding;
        held.Release();
        var holderTook = await holding;

        Assert.True(stillHolding, "the second clerk's take returned while the first claim was still open");
        Assert.NotNull(taken);
        Assert.NotNull(holderTook);
        Assert.NotEqual(holderTook.Id, taken.Id);
        Assert.Subset(items.ToHashSet(), new HashSet<long> { holderTook.Id, taken.Id });
        Assert.Equal(1, lost.Count); // it chose the item being claimed first, and passed it
    }
}
