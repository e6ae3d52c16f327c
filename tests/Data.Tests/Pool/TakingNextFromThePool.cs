using System.Collections.Concurrent;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Pool;
using HanoiWorkbench.Data.Pool;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Pool;

public sealed class TakingNextFromThePool
{
    [Fact]
    public async Task Fifty_clerks_in_parallel_take_each_of_a_thousand_items_exactly_once()
    {
        await using var h = await PoolHarness.CreateAsync();
        var (fieldId, clerks) = await h.AddClerksAsync(50);
        var itemIds = await h.AddItemsAsync(fieldId, 1000);
        var taken = new ConcurrentBag<(long Item, int Clerk)>();
        // SQLite's ADO.NET calls complete synchronously, so each clerk holds a pool thread: give all 50 one and
        // release them together, or the first few clerks drain the pool before the others start.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), io);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var running = clerks.Select(clerk => Task.Run(async () =>
        {
            await start.Task;
            while (await h.Pool.TakeNextAsync(clerk, TestContext.Current.CancellationToken) is { } item)
            {
                taken.Add((item.Id, clerk));
                // complete it, so the clerk's next take is a fresh claim, as at a real desk
                await h.Pool.CompleteAsync(item.Id, clerk, TestContext.Current.CancellationToken);
            }
        })).ToList();
        start.SetResult();
        await Task.WhenAll(running);

        Assert.Equal(1000, taken.Count);
        Assert.Equal(itemIds.Order(), taken.Select(t => t.Item).Order());
        Assert.True(taken.Select(t => t.Clerk).Distinct().Count() > 10, "the work spread over the clerks");
        await using var db = await h.DbAsync();
        Assert.Equal(1000, await db.WorkItems.CountAsync(w => w.State == WorkItemState.Done, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_claim_left_untouched_for_the_timeout_returns_to_the_pool()
    {
        await using var h = await PoolHarness.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        var (fieldId, clerks) = await h.AddClerksAsync(2);
        await h.AddItemsAsync(fieldId, 1);
        await h.Policies.SaveAsync(await h.Policies.GetAsync(ct) with { ClaimTimeoutMinutes = 20 }, clerks[0], ct);

        var first = await h.Pool.TakeNextAsync(clerks[0], ct);
        Assert.NotNull(first);
        Assert.Null(await h.Pool.TakeNextAsync(clerks[1], ct));

        h.Clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(0, await h.Pool.ReturnStaleAsync(ct));
        await h.Pool.TouchAsync(first.Id, clerks[0], ct); // still working on it: the clock starts again
        h.Clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(0, await h.Pool.ReturnStaleAsync(ct));

        h.Clock.Advance(TimeSpan.FromMinutes(2));
        // take-next does the same check itself, before choosing
        var second = await h.Pool.TakeNextAsync(clerks[1], ct);
        Assert.Equal(first.Id, second?.Id);
        Assert.Empty(await h.Pool.ClaimedByAsync(clerks[0], ct));
        await Assert.ThrowsAsync<DomainException>(() => h.Pool.CompleteAsync(first.Id, clerks[0], ct));
    }

    [Fact]
    public async Task The_maintenance_service_returns_untouched_claims_on_its_timer()
    {
        await using var h = await PoolHarness.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        var (fieldId, clerks) = await h.AddClerksAsync(1);
        await h.AddItemsAsync(fieldId, 1);
        var item = await h.Pool.TakeNextAsync(clerks[0], ct);
        using var service = new PoolMaintenance(h.Pool, h.Clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PoolMaintenance>.Instance);
        await service.StartAsync(ct);

        h.Clock.Advance(PoolPolicy.Default.ClaimTimeout + TimeSpan.FromMinutes(1));

        await WaitUntilAsync(async () =>
        {
            // the service's timer may start after the first advance: each further minute is one tick
            h.Clock.Advance(PoolMaintenance.Period);
            await using var db = await h.DbAsync();
            return await db.WorkItems.AnyAsync(w => w.Id == item!.Id && w.State == WorkItemState.Open, ct);
        });
        await service.StopAsync(ct);
    }

    [Fact]
    public async Task Release_hand_over_and_moves_follow_the_rules_and_are_recorded()
    {
        await using var h = await PoolHarness.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        var (fieldId, clerks) = await h.AddClerksAsync(2);
        await h.AddItemsAsync(fieldId, 1);

        var item = (await h.Pool.TakeNextAsync(clerks[0], ct))!;
        await Assert.ThrowsAsync<DomainException>(() => h.Pool.ReleaseAsync(item.Id, clerks[1], ct));
        await h.Pool.HandToAsync(item.Id, clerks[0], clerks[1], ct);
        Assert.Single(await h.Pool.ClaimedByAsync(clerks[1], ct));
        await h.Pool.ReleaseAsync(item.Id, clerks[1], ct);

        await using (var db = await h.DbAsync())
        {
            var to = await db.Branches.Where(b => b.Id != item.QueuedBranchId).Select(b => b.Id).FirstAsync(ct);
            await Assert.ThrowsAsync<DomainException>(() => h.Pool.MoveAsync(item.Id, to, clerks[0], StaffRole.Clerk, item.QueuedBranchId, "Quá tải", ct));
            await Assert.ThrowsAsync<DomainException>(() => h.Pool.MoveAsync(item.Id, to, clerks[0], StaffRole.Director, 1, "  ", ct));
            await h.Pool.MoveAsync(item.Id, to, clerks[0], StaffRole.Director, 1, "Chi nhánh quá tải", ct);
        }
        var moves = await h.Pool.MovesOfAsync(item.Id, ct);
        Assert.Equal("Chi nhánh quá tải", Assert.Single(moves).Reason);
        Assert.Contains(h.Live.Published, e => e.Kind == LiveEventKind.WorkItemChanged && e.EntityId == item.Id);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("condition not met within 10 s");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
