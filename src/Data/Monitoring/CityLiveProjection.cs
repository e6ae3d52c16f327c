using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Core.Staffing;
using HanoiWorkbench.Data.Pool;
using HanoiWorkbench.Data.Staffing;
using Microsoft.Extensions.Logging;

namespace HanoiWorkbench.Data.Monitoring;

/// <summary>What the projection holds at one moment: immutable, so every viewer renders from it without a lock or a read.</summary>
/// <param name="ServiceTime">The service time "needed" assumes for the queue waiting now (the queue policy's fallback).</param>
public sealed record CitySnapshot(long Version, IReadOnlyList<BranchState> Branches, TimeSpan ClaimTimeout, TimeSpan ServiceTime)
{
    public static CitySnapshot Empty { get; } = new(0, [], Core.Pool.PoolPolicy.Default.ClaimTimeout, Core.Queue.QueuePolicy.Default.ServiceTimeFallback);

    private volatile FiguresAt? _figures;

    /// <summary>The rows at <paramref name="now"/>, computed once per second of this snapshot and shared by every viewer
    /// (waits are shown in minutes), so a thousand viewers cost one computation.</summary>
    public IReadOnlyList<BranchFigures> Figures(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        if (_figures is { } cached && cached.Second == second) return cached.Rows;
        var rows = Branches.Select(b => CityProjection.Figures(b, now, ClaimTimeout, ServiceTime)).ToList();
        _figures = new FiguresAt(second, rows);
        return rows;
    }

    private sealed record FiguresAt(long Second, IReadOnlyList<BranchFigures> Rows);
}

/// <summary>
/// The one city projection of this process: per-branch facts kept from the committed changes the live events announce.
/// Each event recounts only the facets its kind can move (<see cref="CityProjection.Plan"/>), for its branch where the facet
/// is per branch; so one event costs one small read here, whatever the number of viewers. Rebuilt from the database at start,
/// after a Resync and when a city sequence number stays missing (<see cref="GapGrace"/>); <see cref="CheckAsync"/> compares
/// it with a full recount (the caller runs it periodically) and replaces it when they differ. The officials each branch
/// needs come from the staffing advice (<see cref="CityStaffingNeeds"/>), read once per Hanoi hour, at the first rebuild or
/// check of that hour; without <paramref name="needs"/> (or where a branch has no advice) the counters open stand in.
/// </summary>
public sealed class CityLiveProjection(CityRecount recount, PoolPolicyStore policies, TimeProvider clock, ILogger<CityLiveProjection> logger,
    CityStaffingNeeds? needs = null)
{
    /// <summary>How long a hole in the city sequence may stay open before its event counts as lost (an action's events are
    /// delivered when it ends, so numbers arrive out of order by the length of an action).</summary>
    public static readonly TimeSpan GapGrace = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CitySnapshot _current = CitySnapshot.Empty;
    private SequenceWatermark? _seen;
    private (DateTimeOffset Hour, IReadOnlyDictionary<int, int> Needs)? _needs;

    public CitySnapshot Current => _current;

    /// <summary>Raised after every change of <see cref="Current"/> (outside the projection's lock).</summary>
    public event Action<CitySnapshot>? Changed;

    public int Rebuilds { get; private set; }

    public async Task RebuildAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try { await RebuildLockedAsync(ct).ConfigureAwait(false); }
        finally { _gate.Release(); }
        Changed?.Invoke(_current);
    }

    /// <summary>Applies a batch of events (in the order delivered).</summary>
    public async Task ApplyAsync(IReadOnlyList<LiveEvent> batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) return;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            foreach (var e in batch.Where(e => e.Kind != LiveEventKind.Resync))
                _seen = _seen is { } s ? s.Observe(e.CitySequence, now) : SequenceWatermark.At(e.CitySequence);
            if (batch.Any(e => e.Kind == LiveEventKind.Resync) || _seen?.Lost(now, GapGrace) == true)
            {
                if (_seen?.Lost(now, GapGrace) == true) logger.LogWarning("City projection: live event {Number} never arrived; rebuilding", _seen.Contiguous + 1);
                await RebuildLockedAsync(ct).ConfigureAwait(false);
            }
            else
            {
                var state = _current.Branches.ToDictionary(b => b.BranchId);
                foreach (var plan in CityProjection.Merge(batch))
                    foreach (var (id, counted) in await recount.CountAsync(plan.BranchId, plan.Facets, now, ct).ConfigureAwait(false))
                        if (state.TryGetValue(id, out var b)) state[id] = CityProjection.Apply(b, counted);
                Publish(_current.Branches.Select(b => state[b.BranchId]).ToList(), _current.ClaimTimeout);
            }
        }
        finally { _gate.Release(); }
        Changed?.Invoke(_current);
    }

    /// <summary>Recounts everything and compares; on a difference logs it and takes the recount. A new day rebuilds without a
    /// warning (the day's queue and ratings start again). Returns the facets that differed.</summary>
    public async Task<CityFacets> CheckAsync(CancellationToken ct)
    {
        CityFacets differed;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            var fresh = await recount.AllAsync(now, ct).ConfigureAwait(false);
            var kept = _current.Branches.ToDictionary(b => b.BranchId);
            var newDay = _current.Branches.Any(b => b.Day != HanoiTime.DateOf(now));
            differed = fresh.Count != kept.Count ? CityFacets.All : fresh.Aggregate(CityFacets.None, (d, b) =>
                d | (kept.TryGetValue(b.BranchId, out var k) ? CityProjection.Differences(k, b) : CityFacets.All));
            if (differed != CityFacets.None && !newDay)
                logger.LogWarning("City projection differed from a recount in {Facets}; replaced by the recount", differed);
            var needsMoved = await RefreshNeedsLockedAsync(now, ct).ConfigureAwait(false);
            if (differed != CityFacets.None || newDay || needsMoved)
                Publish(fresh, (await policies.GetAsync(ct).ConfigureAwait(false)).ClaimTimeout);
            if (newDay) differed = CityFacets.None;
        }
        finally { _gate.Release(); }
        Changed?.Invoke(_current);
        return differed;
    }

    private async Task RebuildLockedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var timeout = (await policies.GetAsync(ct).ConfigureAwait(false)).ClaimTimeout;
        var fresh = await recount.AllAsync(now, ct).ConfigureAwait(false);
        await RefreshNeedsLockedAsync(now, ct).ConfigureAwait(false);
        // What was seen before is covered by the recount; the next number received starts the sequence again.
        _seen = null;
        Rebuilds++;
        Publish(fresh, timeout);
    }

    /// <summary>Reads the staffing advice when the Hanoi hour has changed since it was last read; true when it was read.</summary>
    private async Task<bool> RefreshNeedsLockedAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (needs is null) return false;
        var local = now.ToHanoi();
        var hour = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset);
        if (_needs is { } known && known.Hour == hour) return false;
        _needs = (hour, await needs.NeedNowAsync(now, StaffingTarget.Default, ct: ct).ConfigureAwait(false));
        return true;
    }

    /// <summary>The new snapshot: every branch with the officials the advice of this hour asks for (null where it has none).</summary>
    private void Publish(IReadOnlyList<BranchState> branches, TimeSpan claimTimeout)
    {
        var advice = _needs?.Needs;
        _current = new CitySnapshot(_current.Version + 1,
            branches.Select(b => b with { Needed = advice is not null && advice.TryGetValue(b.BranchId, out var n) ? n : null }).ToList(), claimTimeout,
            needs?.ServiceTimeFallback ?? Core.Queue.QueuePolicy.Default.ServiceTimeFallback);
    }
}
