using HanoiWorkbench.Core.Queue;
using HanoiWorkbench.Data.Monitoring;
using HanoiWorkbench.Data.Pool;
using HanoiWorkbench.Data.Staffing;
using HanoiWorkbench.Data.Tests.Board;
using HanoiWorkbench.Data.Tests.Queue;
using Microsoft.Extensions.Logging.Abstractions;

namespace HanoiWorkbench.Data.Tests.Monitoring;

/// <summary>
/// The director's "on duty / needed" (issue #11 pt 1): needed is the staffing advice of this hour where the branch has one,
/// else the counters open; the advice is read again when the Hanoi hour changes.
/// </summary>
public sealed class TheCityDashboardNeedsComeFromTheAdvice
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Needed_is_the_Erlang_C_advice_of_the_hour_and_the_counters_open_where_a_branch_has_no_advice()
    {
        await using var queue = await QueueFixture.CreateAsync();
        await queue.SeatClerkAsync(0);
        // 30 arrivals in the 9 o'clock hour of four past Mondays at 8 minutes each = 4 erlangs: 5 for 80 % within 15 minutes.
        await ReadingTheBranchBoard.SeedPastMondaysAsync(queue, perHourAtNine: 30, serviceMinutes: 8);
        var projection = new CityLiveProjection(new CityRecount(queue.Database.Factory), new PoolPolicyStore(queue.Database.Factory, queue.Clock),
            queue.Clock, NullLogger<CityLiveProjection>.Instance, new CityStaffingNeeds(queue.Database.Factory, QueuePolicy.Default));

        await projection.RebuildAsync(Ct);

        var rows = projection.Current.Figures(queue.Clock.GetUtcNow());
        var advised = rows.Single(r => r.BranchId == queue.BranchId);
        Assert.Equal((5, 1), (advised.Needed, advised.OnDuty));
        Assert.All(rows.Where(r => r.BranchId != queue.BranchId), r => Assert.Equal(r.CountersOpen, r.Needed)); // no history: no advice

        // Ten o'clock: the same Mondays had nobody then, so the advice now asks for none (it exists, and says 0).
        queue.Clock.Advance(TimeSpan.FromHours(1));
        await projection.CheckAsync(Ct);
        Assert.Equal(0, projection.Current.Figures(queue.Clock.GetUtcNow()).Single(r => r.BranchId == queue.BranchId).Needed);
    }

    [Fact]
    public async Task Without_the_advice_service_the_counters_open_stand_in()
    {
        await using var queue = await QueueFixture.CreateAsync();
        await queue.SeatClerkAsync(0);
        await ReadingTheBranchBoard.SeedPastMondaysAsync(queue, perHourAtNine: 30, serviceMinutes: 8);
        var projection = new CityLiveProjection(new CityRecount(queue.Database.Factory), new PoolPolicyStore(queue.Database.Factory, queue.Clock),
            queue.Clock, NullLogger<CityLiveProjection>.Instance);

        await projection.RebuildAsync(Ct);

        Assert.All(projection.Current.Figures(queue.Clock.GetUtcNow()), r => Assert.Equal(r.CountersOpen, r.Needed));
    }
}
