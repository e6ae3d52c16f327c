using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Pool;
using HanoiWorkbench.Data.Calendar;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Pool;

/// <summary>A branch's load as the pool pages show it.</summary>
public sealed record BranchLoadRow(int BranchId, string Code, string Name, int StaffPresent, TimeSpan QueuedWork, TimeSpan StaffedLeft, double Load, bool Overloaded);

/// <summary>
/// Reads every branch's capacity now: staff present (active clerks whose current branch it is) and their skills, work queued
/// (open and claimed items), staffed time left today. Routing of new work uses a snapshot at most
/// <see cref="SnapshotAge"/> old, updated in memory as work is routed, so intake does not aggregate the pool per request.
/// </summary>
public sealed class BranchCapacities(IDbContextFactory<WorkbenchDbContext> contexts, CalendarProvider calendar, TimeProvider clock)
{
    public static readonly TimeSpan SnapshotAge = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private Dictionary<int, BranchCapacity>? _snapshot;
    private DateTimeOffset _readAt;

    public async Task<IReadOnlyList<BranchCapacity>> ReadAsync(WorkbenchDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow();
        var cal = await calendar.GetAsync(ct).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(Core.Calendar.WorkingHours.ToVietnam(now).DateTime);
        var working = cal.IsWorkingDay(today);
        var branches = await db.Branches.AsNoTracking().Where(b => b.IsActive)
            .Select(b => new { b.Id, b.Name, b.Latitude, b.Longitude, b.OpensAt, b.ClosesAt })
            .ToListAsync(ct).ConfigureAwait(false);
        var staff = await db.Staff.AsNoTracking().Where(s => s.IsActive && s.Role == StaffRole.Clerk)
            .Select(s => new { s.CurrentBranchId, Skills = s.Skills.Select(k => k.Id).ToList() })
            .ToListAsync(ct).ConfigureAwait(false);
        var queued = await db.WorkItems.AsNoTracking().Where(w => w.State != WorkItemState.Done)
            .GroupBy(w => w.QueuedBranchId).Select(g => new { g.Key, Minutes = g.Sum(w => w.EffortMinutes) })
            .ToDictionaryAsync(x => x.Key, x => x.Minutes, ct).ConfigureAwait(false);
        var byBranch = staff.ToLookup(s => s.CurrentBranchId);
        return branches.Select(b =>
        {
            var present = byBranch[b.Id].ToList();
            return new BranchCapacity(b.Id, b.Name, new GeoPoint(b.Latitude, b.Longitude),
                TimeSpan.FromMinutes(queued.GetValueOrDefault(b.Id)),
                BranchLoad.StaffedLeft(now, b.OpensAt, b.ClosesAt, calendar.Hours, working, present.Count),
                present.SelectMany(s => s.Skills).ToHashSet());
        }).ToList();
    }

    public async Task<IReadOnlyList<BranchLoadRow>> LoadsAsync(PoolPolicy policy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var caps = await ReadAsync(db, ct).ConfigureAwait(false);
            var codes = await db.Branches.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code, ct).ConfigureAwait(false);
            var present = await db.Staff.AsNoTracking().Where(s => s.IsActive && s.Role == StaffRole.Clerk)
                .GroupBy(s => s.CurrentBranchId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
            return caps.Select(c => new BranchLoadRow(c.BranchId, codes[c.BranchId], c.Name, present.GetValueOrDefault(c.BranchId),
                    c.QueuedWork, c.StaffedLeft, c.Load, RoutingRules.IsOverloaded(c, policy)))
                .OrderByDescending(r => r.Load).ThenBy(r => r.Code).ToList();
        }
    }

    /// <summary>
    /// Chooses the branch for new work with the routing rule on the recent snapshot and books the effort on it, so the next
    /// decision sees it. Null when no branch has someone present with the skill.
    /// </summary>
    public async Task<int?> RouteAsync(int fieldId, GeoPoint? areaLocation, TimeSpan effort, PoolPolicy policy, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        Dictionary<int, BranchCapacity>? snapshot;
        lock (_gate) snapshot = now - _readAt < SnapshotAge ? _snapshot : null;
        if (snapshot is null)
        {
            var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
                snapshot = (await ReadAsync(db, ct).ConfigureAwait(false)).ToDictionary(c => c.BranchId);
            lock (_gate) { _snapshot = snapshot; _readAt = now; }
        }
        lock (_gate)
        {
            var chosen = RoutingRules.ChooseBranch(snapshot.Values, fieldId, areaLocation, policy);
            if (chosen is null) return null;
            snapshot[chosen.BranchId] = chosen with { QueuedWork = chosen.QueuedWork + effort };
            return chosen.BranchId;
        }
    }

    /// <summary>Forget the snapshot (after moves or a staffing change), so the next decision reads afresh.</summary>
    public void Invalidate()
    {
        lock (_gate) _snapshot = null;
    }
}
