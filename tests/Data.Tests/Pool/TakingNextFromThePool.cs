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
    public async Task Fifty_clerks_at_once_take_each_of_a_thousand_items_exactly_once_and_a_lost_claim_takes_the_next()
    {
        // All fifty start behind one barrier; the first take of clerks 0 and 1 is a scripted race (ClaimRace): clerk 0 chooses
        // an item, clerk 1 chooses and claims, and clerk 0's claim then meets an item already taken, loses it and takes another.
        await using var h = await PoolHarness.CreateAsync(interceptor: new ClaimRace());
        var (fieldId, clerks) = await h.AddClerksAsync(50);
        var itemIds = await h.AddItemsAsync(fieldId, 1000);
        var taken = new ConcurrentBag<(long Item, int Clerk)>();
        var race = new ClaimRace.Round();
        using var lost = new LostClaims(WorkbenchMetrics.PoolTakeNext);

        await Together.RunAsync(clerks.Count, async i =>
        {
            if (i < 2) ClaimRace.Enter(race, winner: i == 1);
            while (true)
            {
                var item = await h.Pool.TakeNextAsync(clerks[i], TestContext.Current.CancellationToken);
                if (i == 1) race.WinnerReturned(); // with 50 clerks its every attempt may be lost to others
                if (item is null) break;
                taken.Add((item.Id, clerks[i]));
                // complete it, so the clerk's next take is a fresh claim, as at a real desk
                await h.Pool.CompleteAsync(item.Id, clerks[i], TestContext.Current.CancellationToken);
            }
        });

        Assert.True(race.Happened, "clerks 0 and 1 both reached their first claim");
        Assert.True(lost.Count >= 1, "clerk 0's first claim was lost and retried");
        Assert.Equal(1000, taken.Count);
        Assert.Equal(itemIds.Order(), taken.Select(t => t.Item).Order());
        await using var db = await h.DbAsync();
        Assert.Equal(1000, await db.WorkItems.CountAsync(w => w.State == WorkItemState.Done, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Two_clerks_racing_for_the_same_item_one_claims_it_and_the_other_takes_the_next()
    {
        await using var h = await PoolHarness.CreateAsync(interceptor: new ClaimRace());
        var (fieldId, clerks) = await h.AddClerksAsync(2);
        var itemIds = await h.AddItemsAsync(fieldId, 2);
        var race = new ClaimRace.Round();
        using var lost = new LostClaims(WorkbenchMetrics.PoolTakeNext);

        var both = await Together.RunAsync(2, i =>
        {
            ClaimRace.Enter(race, winner: i == 1);
            return h.Pool.TakeNextAsync(clerks[i], TestContext.Current.CancellationToken);
        });

        Assert.True(race.Happened);
        Assert.Equal(1, lost.Count); // the loser's first claim found its item taken
        Assert.Equal(itemIds.Order(), both.Select(v => v!.Id).Order()); // and it took the other one
        await using var db = await h.DbAsync();
        var claimed = await db.WorkItems.AsNoTracking().Where(w => itemIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, TestContext.Current.CancellationToken);
        Assert.Equal(clerks[1], claimed[both[1]!.Id].ClaimedByStaffId);
        Assert.Equal(clerks[0], claimed[both[0]!.Id].ClaimedByStaffId);
    }

    [Fact]
    public async Task A_claim_left_untouched_for_the_timeout_returns_to_the_pool()
    {
        await using var h = await PoolHarness.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        var (fieldId, clerks) = await h.AddClerksAsync(2);
        await h.AddItemsAsync(fieldId, 1);
        await h.Policies.SaveAsync(await h.Policies.GetAsync(ct) with { ClaimTimeoutMinutes = 20 }, await DirectorAsync(h), ct);

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
        await service.Ready; // the loop waits for its first pass on the fake clock
        var pass = service.NextPassAsync();

        h.Clock.Advance(PoolPolicy.Default.ClaimTimeout + TimeSpan.FromMinutes(1)); // one timer fire, with the claim stale by then

        Assert.Equal(1, (await pass.WaitAsync(TimeSpan.FromSeconds(30), ct)).Changed);
        await using (var db = await h.DbAsync())
            Assert.True(await db.WorkItems.AnyAsync(w => w.Id == item!.Id && w.State == WorkItemState.Open, ct));
        await service.StopAsync(ct);
    }

    [Fact]
    public async Task Work_taken_from_another_branch_hands_the_application_to_the_claimers_branch()
    {
        await using var h = await PoolHarness.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        var (fieldId, clerks) = await h.AddClerksAsync(1);
        await h.AddItemsAsync(fieldId, 1);
        int clerkBranch;
        await using (var db = await h.DbAsync())
        {
            clerkBranch = await db.Staff.Where(s => s.Id == clerks[0]).Select(s => s.CurrentBranchId).SingleAsync(ct);
            var other = await db.Branches.Where(b => b.Id != clerkBranch).Select(b => b.Id).FirstAsync(ct);
            // the application was received and is handled elsewhere; its work item waits in the pool
            await db.Applications.ExecuteUpdateAsync(s => s.SetProperty(a => a.HandlingBranchId, other), ct);
        }

        var item = (await h.Pool.TakeNextAsync(clerks[0], ct))!;

        await using var check = await h.DbAsync();
        var app = await check.Applications.Include(a => a.Steps).SingleAsync(a => a.Id == item.ApplicationId, ct);
        Assert.Equal((clerkBranch, (int?)clerks[0]), (app.HandlingBranchId, app.HandlingStaffId));
        Assert.Equal("Nhận việc từ kho việc chung", app.Steps.OrderBy(s => s.Id).Last().Note);
    }

    [Fact]
    public async Task A_clerk_holds_at_most_the_configured_number_of_claims_and_is_told_why_in_vietnamese()
    {
        await using var h = await PoolHarness.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        var (fieldId, clerks) = await h.AddClerksAsync(1);
        await h.AddItemsAsync(fieldId, 4);
        Assert.Empty(await h.Policies.SaveAsync(PoolPolicy.Default with { MaxClaimsPerClerk = 2 }, await DirectorAsync(h), ct));

        Assert.NotNull(await h.Pool.TakeNextAsync(clerks[0], ct));
        Assert.NotNull(await h.Pool.TakeNextAsync(clerks[0], ct));
        var refused = await Assert.ThrowsAsync<DomainException>(() => h.Pool.TakeNextAsync(clerks[0], ct));

        Assert.Equal((PoolPolicy.Default with { MaxClaimsPerClerk = 2 }).ClaimLimitRefusal(2), refused.Message);
        Assert.Equal(2, (await h.Pool.ClaimedByAsync(clerks[0], ct)).Count);
    }

    [Fact]
    public async Task A_deactivated_clerk_takes_nothing()
    {
        await using var h = await PoolHarness.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        var (fieldId, clerks) = await h.AddClerksAsync(1);
        await h.AddItemsAsync(fieldId, 1);
        await using (var db = await h.DbAsync())
        {
            (await db.Staff.SingleAsync(s => s.Id == clerks[0], ct)).Deactivate();
            await db.SaveChangesAsync(ct);
        }

        await Assert.ThrowsAsync<DomainException>(() => h.Pool.TakeNextAsync(clerks[0], ct));
        await using var check = await h.DbAsync();
        Assert.Equal(0, await check.WorkItems.CountAsync(w => w.State == WorkItemState.Claimed, ct));
    }

    private static async Task<int> DirectorAsync(PoolHarness h)
    {
        await using var db = await h.DbAsync();
        var director = new Staff("Giám đốc thử", $"gd-{Guid.NewGuid():N}@hcc.hanoi.gov.vn", StaffRole.Director, await db.Branches.Select(b => b.Id).FirstAsync());
        db.Staff.Add(director);
        await db.SaveChangesAsync();
        return director.Id;
    }
}
