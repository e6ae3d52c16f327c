using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Data.Monitoring;
using HanoiWorkbench.Data.Pool;
using HanoiWorkbench.Data.Queue;
using HanoiWorkbench.Data.Tests.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace HanoiWorkbench.Data.Tests.Monitoring;

/// <summary>
/// The projection fed the way the bus feeds it (numbered events, delivered in batches and out of order within a batch
/// window) on a seeded database, compared facet by facet with a full recount.
/// </summary>
public sealed class TheCityProjectionEqualsARecount
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Numbers events as the bus does and holds them until the test delivers them.</summary>
    private sealed class NumberedEvents(TimeProvider clock) : ILiveEvents
    {
        private readonly Dictionary<int, long> _branches = [];
        private long _city;

        public List<LiveEvent> Held { get; } = [];

        public ValueTask PublishAsync(LiveEventKind kind, int? branchId, long? entityId, CancellationToken ct = default)
        {
            var branch = branchId is int b ? _branches[b] = _branches.GetValueOrDefault(b) + 1 : 0;
            Held.Add(new LiveEvent(kind, branchId, entityId, branch, ++_city, clock.GetUtcNow()));
            return ValueTask.CompletedTask;
        }
    }

    private static CityLiveProjection Projection(QueueFixture queue) =>
        new(new CityRecount(queue.Database.Factory), new PoolPolicyStore(queue.Database.Factory, queue.Clock), queue.Clock,
            NullLogger<CityLiveProjection>.Instance);

    private static async Task AssertEqualsRecountAsync(QueueFixture queue, CityLiveProjection projection)
    {
        var fresh = await new CityRecount(queue.Database.Factory).AllAsync(queue.Clock.GetUtcNow(), Ct);
        var kept = projection.Current.Branches;
        Assert.Equal(fresh.Select(b => b.BranchId), kept.Select(b => b.BranchId));
        Assert.All(fresh.Zip(kept), p => Assert.Equal(CityFacets.None, CityProjection.Differences(p.First, p.Second)));
    }

    [Fact]
    public async Task After_a_burst_of_ten_thousand_random_events_and_after_a_restart()
    {
        await using var queue = await QueueFixture.CreateAsync();
        var events = new NumberedEvents(queue.Clock);
        var service = new QueueService(queue.Database.Factory, events, queue.Clock, Core.Queue.QueuePolicy.Default, NullLogger<QueueService>.Instance);
        var clerks = new List<(int Staff, int Counter)>();
        for (var i = 0; i < Math.Min(3, queue.Counters.Count); i++) clerks.Add(await queue.SeatClerkAsync(i));
        List<(int Id, List<int> Groups)> branches;
        await using (var db = queue.Database.Factory.CreateDbContext())
            branches = (await db.Counters.Select(c => new { c.BranchId, Groups = c.ServiceGroups.Select(g => g.Id).ToList() }).ToListAsync(Ct))
                .GroupBy(c => c.BranchId).Select(g => (g.Key, g.SelectMany(c => c.Groups).Distinct().ToList())).Where(b => b.Item2.Count > 0).ToList();
        var projection = Projection(queue);
        await projection.RebuildAsync(Ct);
        var atStart = projection.Current;
        var random = new Random(766);
        var delivered = 0;
        var reordered = 0;
        var kinds = Enum.GetValues<LiveEventKind>().Where(k => k != LiveEventKind.Resync).ToArray();

        while (delivered < 10_000)
        {
            // A real change now and then (a kiosk ticket anywhere, a call and finish at BR03); in between, events whose
            // change is already counted or changes nothing, as a busy city sends them.
            var roll = random.Next(10);
            if (roll < 3)
            {
                var (branch, groups) = branches[random.Next(branches.Count)];
                await service.IssueTicketAsync(branch, groups[random.Next(groups.Count)], PriorityCategory.None, Ct);
            }
            else if (roll < 5)
            {
                var (staff, counter) = clerks[random.Next(clerks.Count)];
                var serving = await queue.Queries.DeskAsync(staff, Ct);
                if (serving?.Current is { } current) await service.FinishAsync(staff, current.Id, Ct);
                else await service.CallNextAsync(staff, counter, Ct);
            }
            else
            {
                var (branch, _) = branches[random.Next(branches.Count)];
                await events.PublishAsync(kinds[random.Next(kinds.Length)], random.Next(4) == 0 ? null : branch, random.Next(1000), Ct);
            }
            if (events.Held.Count < random.Next(1, 12)) continue;
            // An action's events are delivered when it ends: numbers arrive out of order, none is lost.
            var batch = events.Held.OrderBy(_ => random.Next()).ToList();
            if (!batch.Select(e => e.CitySequence).SequenceEqual(batch.Select(e => e.CitySequence).Order())) reordered++;
            events.Held.Clear();
            await projection.ApplyAsync(batch, Ct);
            delivered += batch.Count;
            queue.Clock.Advance(TimeSpan.FromSeconds(random.Next(3)));
        }
        if (events.Held.Count > 0) await projection.ApplyAsync([.. events.Held], Ct);

        Assert.True(reordered > 100, $"only {reordered} batches came out of order");
        Assert.Equal(1, projection.Rebuilds); // the start: nothing was lost, so nothing was rebuilt
        Assert.True(projection.Current.Branches.Sum(b => b.Queue.Waiting) > atStart.Branches.Sum(b => b.Queue.Waiting) + 100);
        await AssertEqualsRecountAsync(queue, projection);

        var restarted = Projection(queue);
        await restarted.RebuildAsync(Ct);
        Assert.All(restarted.Current.Branches.Zip(projection.Current.Branches),
            p => Assert.Equal(CityFacets.None, CityProjection.Differences(p.First, p.Second)));
    }

    [Fact]
    public async Task A_lost_event_is_noticed_after_the_grace_and_the_projection_rebuilt()
    {
        await using var queue = await QueueFixture.CreateAsync();
        var events = new NumberedEvents(queue.Clock);
        var service = new QueueService(queue.Database.Factory, events, queue.Clock, Core.Queue.QueuePolicy.Default, NullLogger<QueueService>.Instance);
        var projection = Projection(queue);
        await projection.RebuildAsync(Ct);

        await service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);   // 1: delivered
        await projection.ApplyAsync([events.Held[0]], Ct);
        await service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);   // 2: lost
        await events.PublishAsync(LiveEventKind.CounterChanged, queue.BranchId, 1, Ct);             // 3: a change elsewhere
        await projection.ApplyAsync([events.Held[2]], Ct);
        Assert.Equal(1, projection.Current.Branches.Single(b => b.BranchId == queue.BranchId).Queue.Waiting);

        queue.Clock.Advance(CityLiveProjection.GapGrace);
        await events.PublishAsync(LiveEventKind.CounterChanged, queue.BranchId, 1, Ct);             // 4
        await projection.ApplyAsync([events.Held[3]], Ct);

        Assert.Equal(2, projection.Rebuilds);
        Assert.Equal(2, projection.Current.Branches.Single(b => b.BranchId == queue.BranchId).Queue.Waiting);
        await AssertEqualsRecountAsync(queue, projection);
    }

    [Fact]
    public async Task A_change_without_an_event_is_found_by_the_check_and_corrected()
    {
        await using var queue = await QueueFixture.CreateAsync();
        var projection = Projection(queue);
        await projection.RebuildAsync(Ct);
        await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct); // its event goes elsewhere

        Assert.Equal(CityFacets.Queue, await projection.CheckAsync(Ct));
        Assert.Equal(CityFacets.None, await projection.CheckAsync(Ct));
        await AssertEqualsRecountAsync(queue, projection);
    }
}
