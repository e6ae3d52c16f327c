using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Data.Calendar;
using HanoiWorkbench.Data.Monitoring;
using HanoiWorkbench.Data.Pool;
using HanoiWorkbench.Data.Tests.Queue;
using HanoiWorkbench.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace HanoiWorkbench.Data.Tests.Monitoring;

/// <summary>The evaluator on a seeded database, fed by the real projection: one stored row per episode, whatever the number
/// of events or evaluators.</summary>
public sealed class StoringAlertsOncePerEpisode
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly AlertKey Crowd = new(0, AlertKind.WaitingPerCounterOverLimit);

    private static CityLiveProjection Projection(QueueFixture queue) =>
        new(new CityRecount(queue.Database.Factory), new PoolPolicyStore(queue.Database.Factory, queue.Clock), queue.Clock,
            NullLogger<CityLiveProjection>.Instance);

    private static AlertEvaluator Evaluator(QueueFixture queue, ILiveEvents events, params IInterceptor[] interceptors)
    {
        var factory = interceptors.Length == 0 ? queue.Database.Factory : new WorkbenchDbContextFactory(queue.Database.Settings, interceptors);
        return new AlertEvaluator(factory, new BranchTargets(queue.Database.Factory, queue.Clock), new CalendarProvider(queue.Database.Factory),
            events, queue.Clock, NullLogger<AlertEvaluator>.Instance);
    }

    private static async Task<List<Alert>> CrowdAlertsAsync(QueueFixture queue)
    {
        await using var db = queue.Database.Factory.CreateDbContext();
        return await db.Alerts.AsNoTracking().Where(a => a.BranchId == queue.BranchId && a.Kind == Crowd.Kind).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    private static async Task WalkInsAsync(QueueFixture queue, int count)
    {
        for (var i = 0; i < count; i++) await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
    }

    [Fact]
    public async Task A_burst_of_walk_ins_is_stored_once_then_ends_when_calm_and_a_later_crowd_is_a_new_episode()
    {
        await using var queue = await QueueFixture.CreateAsync();
        await queue.SeatClerkAsync(0);
        var projection = Projection(queue);
        var events = new RecordedEvents();
        var evaluator = Evaluator(queue, events);

        await WalkInsAsync(queue, 9); // 9 waiting at one open counter: over the default 8
        for (var i = 0; i < 5; i++)
        {
            await WalkInsAsync(queue, 1);
            await projection.RebuildAsync(Ct);
            await evaluator.EvaluateAsync(projection.Current, Ct);
        }

        var first = Assert.Single(await CrowdAlertsAsync(queue));
        Assert.Equal((AlertState.Open, "Quá nhiều người chờ trên mỗi quầy đang mở"), (first.State, first.Description));
        Assert.Single(events.Published, e => e.Kind == LiveEventKind.AlertChanged && e.BranchId == queue.BranchId);

        // A restarted process reads the open episode instead of raising it again.
        var restarted = Evaluator(queue, events);
        Assert.DoesNotContain((await restarted.EvaluateAsync(projection.Current, Ct)).Raised, k => k.BranchId == queue.BranchId && k.Kind == Crowd.Kind);

        // Two more counters: 14 ÷ 3 is under the limit. Calm for 10 minutes, the episode ends at the moment it stopped.
        await queue.SeatClerkAsync(1);
        await queue.SeatClerkAsync(2);
        await projection.RebuildAsync(Ct);
        await evaluator.EvaluateAsync(projection.Current, Ct);
        var calmFrom = queue.Clock.GetUtcNow();
        queue.Clock.Advance(AlertEpisodes.Calm);
        await projection.RebuildAsync(Ct);
        var pass = await evaluator.EvaluateAsync(projection.Current, Ct);
        Assert.Contains(pass.Ended, k => k.BranchId == queue.BranchId && k.Kind == Crowd.Kind);
        var ended = Assert.Single(await CrowdAlertsAsync(queue));
        Assert.Equal(AlertState.Ended, ended.State);
        Assert.Null(ended.OpenKey);
        Assert.InRange(ended.EndedAt!.Value, calmFrom.AddSeconds(-1), calmFrom);

        // The afternoon's crowd: a new episode, a second row.
        await WalkInsAsync(queue, 12);
        await projection.RebuildAsync(Ct);
        await evaluator.EvaluateAsync(projection.Current, Ct);
        var both = await CrowdAlertsAsync(queue);
        Assert.Equal([AlertState.Ended, AlertState.Open], both.Select(a => a.State));
    }

    [Fact]
    public async Task Opening_hours_changed_during_the_day_are_used_within_a_minute_without_a_restart()
    {
        await using var queue = await QueueFixture.CreateAsync();
        await queue.SeatClerkAsync(0); // serves group A only
        int groupB;
        await using (var db = queue.Database.Factory.CreateDbContext())
        {
            groupB = await db.ServiceGroups.Where(g => g.Letter == "B").Select(g => g.Id).SingleAsync(Ct);
            await db.Branches.Where(b => b.Id == queue.BranchId).ExecuteUpdateAsync(s => s.SetProperty(b => b.ClosesAt, new TimeOnly(8, 30)), Ct);
        }
        await queue.Service.IssueTicketAsync(queue.BranchId, groupB, PriorityCategory.None, Ct); // nobody serves B
        var projection = Projection(queue);
        await projection.RebuildAsync(Ct);
        var evaluator = Evaluator(queue, new RecordedEvents());
        var unstaffed = new AlertKey(queue.BranchId, AlertKind.ServiceGroupUnstaffed, "B");

        // 09:00 with the branch "closed at 08:30": a group without an official outside opening hours is no alert.
        Assert.DoesNotContain(unstaffed, (await evaluator.EvaluateAsync(projection.Current, Ct)).Raised);

        // The administrator corrects the hours to 17:00; a minute later the same evaluator sees the branch open.
        await using (var db = queue.Database.Factory.CreateDbContext())
            await db.Branches.Where(b => b.Id == queue.BranchId).ExecuteUpdateAsync(s => s.SetProperty(b => b.ClosesAt, new TimeOnly(17, 0)), Ct);
        queue.Clock.Advance(AlertEvaluator.HoursFresh);
        await projection.RebuildAsync(Ct);

        Assert.Contains(unstaffed, (await evaluator.EvaluateAsync(projection.Current, Ct)).Raised);
    }

    [Fact]
    public async Task Two_evaluators_at_once_store_the_episode_once_and_the_second_adopts_it()
    {
        await using var queue = await QueueFixture.CreateAsync();
        await queue.SeatClerkAsync(0);
        await WalkInsAsync(queue, 12);
        var projection = Projection(queue);
        await projection.RebuildAsync(Ct);
        // Both evaluators decided to store a start and stand at their insert together: neither has stored when the other looks.
        var together = new SavingTogether(2);
        var events = new RecordedEvents();
        var evaluators = new[] { Evaluator(queue, events, together), Evaluator(queue, events, together) };

        var passes = await Together.RunAsync(2, i =>
        {
            together.Join();
            return evaluators[i].EvaluateAsync(projection.Current, Ct);
        });

        Assert.True(together.Met, "both evaluators were at their insert at the same time");
        var stored = Assert.Single(await CrowdAlertsAsync(queue));
        Assert.Single(passes, p => p.Raised.Any(k => k.BranchId == queue.BranchId && k.Kind == Crowd.Kind));
        // The loser holds the winner's episode: both would end the same row, and neither raises it again.
        Assert.All(evaluators, e => Assert.Contains(e.Open, o => o.Key.BranchId == queue.BranchId && o.Key.Kind == Crowd.Kind && o.StartedAt == stored.StartedAt));
        Assert.All(await Task.WhenAll(evaluators.Select(e => e.EvaluateAsync(projection.Current, Ct))), p => Assert.Empty(p.Raised));
        await using var db = queue.Database.Factory.CreateDbContext();
        Assert.Equal(await db.Alerts.Select(a => a.OpenKey).Distinct().CountAsync(Ct), await db.Alerts.CountAsync(Ct));
    }

    /// <summary>Holds every joined worker at its first insert of an alert until all are there (or fails after 30 s).</summary>
    private sealed class SavingTogether(int workers) : SaveChangesInterceptor
    {
        private static readonly AsyncLocal<bool?> Joined = new();
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public bool Met => _all.Task.IsCompletedSuccessfully;

        public void Join() => Joined.Value = false;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (Joined.Value == false && eventData.Context!.ChangeTracker.Entries<Alert>().Any(e => e.State == EntityState.Added))
            {
                Joined.Value = true;
                if (Interlocked.Increment(ref _arrived) == workers) _all.TrySetResult();
                await _all.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }
            return result;
        }
    }
}
