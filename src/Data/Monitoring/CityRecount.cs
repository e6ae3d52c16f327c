using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Monitoring;

/// <summary>
/// Counts the facts of the city projection from the database, facet by facet, for one branch or all: what the projection
/// is built from at start and after a lost event, what an event's facets are recounted with, and the periodic check.
/// </summary>
public sealed class CityRecount(IDbContextFactory<WorkbenchDbContext> contexts)
{
    /// <summary>Open applications whose clock runs (<see cref="Lateness.ClockRunning"/>): their due dates make "overdue" and "due today".</summary>
    private static readonly ApplicationStatus[] Running = [.. Lateness.ClockRunning];

    /// <summary>Every branch, every facet, as of <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<BranchState>> AllAsync(DateTimeOffset now, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        List<(int Id, string Code, string Name)> branches;
        await using (db.ConfigureAwait(false))
            branches = (await db.Branches.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.Code)
                .Select(b => new { b.Id, b.Code, b.Name }).ToListAsync(ct).ConfigureAwait(false)).Select(b => (b.Id, b.Code, b.Name)).ToList();
        var counts = await CountAsync(null, CityFacets.All, now, ct).ConfigureAwait(false);
        var day = HanoiTime.DateOf(now);
        return branches.Select(b =>
        {
            var empty = new BranchState(b.Id, b.Code, b.Name, day, new QueueFacet(0, null), 0, [], 0, ApplicationFacet.Empty, RatingFacet.Empty);
            return CityProjection.Apply(empty, counts.GetValueOrDefault(b.Id) ?? new BranchRecount(b.Id));
        }).ToList();
    }

    /// <summary>The <paramref name="facets"/> of <paramref name="branchId"/> (null: every branch); city-wide facets are
    /// always counted for every branch. Branches with nothing to count get zeros, not a missing entry.</summary>
    public async Task<IReadOnlyDictionary<int, BranchRecount>> CountAsync(int? branchId, CityFacets facets, DateTimeOffset now, CancellationToken ct)
    {
        var day = HanoiTime.DateOf(now);
        var dayStart = HanoiTime.StartOf(day);
        var monthStart = HanoiTime.StartOf(new DateOnly(day.Year, day.Month, 1));
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var ids = await db.Branches.AsNoTracking().Where(b => b.IsActive).Select(b => b.Id).ToListAsync(ct).ConfigureAwait(false);
            var result = ids.ToDictionary(id => id, id => new BranchRecount(id));
            bool Local(int id) => branchId is null || branchId == id;
            void Set(int id, Func<BranchRecount, BranchRecount> change)
            {
                if (result.TryGetValue(id, out var r)) result[id] = change(r);
            }

            if (facets.HasFlag(CityFacets.Queue))
            {
                var waiting = await db.Tickets.AsNoTracking()
                    .Where(t => t.ServiceDate == day && t.Status == TicketStatus.Waiting && (branchId == null || t.BranchId == branchId))
                    .GroupBy(t => t.BranchId).Select(g => new { g.Key, Count = g.Count(), Oldest = g.Min(t => t.IssuedAt) })
                    .ToDictionaryAsync(x => x.Key, ct).ConfigureAwait(false);
                foreach (var id in ids.Where(Local))
                    Set(id, r => r with { Queue = waiting.TryGetValue(id, out var w) ? new QueueFacet(w.Count, w.Oldest) : new QueueFacet(0, null) });
            }
            if (facets.HasFlag(CityFacets.Counters))
            {
                var open = await db.Counters.AsNoTracking().Where(c => c.IsOpen).GroupBy(c => c.BranchId)
                    .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
                foreach (var id in ids) Set(id, r => r with { CountersOpen = open.GetValueOrDefault(id) });
            }
            if (facets.HasFlag(CityFacets.Duty))
            {
                var duty = await DutyAsync(db, ct).ConfigureAwait(false);
                foreach (var id in ids) Set(id, r => r with { Duty = duty.GetValueOrDefault(id) ?? [] });
            }
            if (facets.HasFlag(CityFacets.Pool))
            {
                var backlog = await db.WorkItems.AsNoTracking().Where(w => w.State == Core.Pool.WorkItemState.Open).GroupBy(w => w.QueuedBranchId)
                    .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
                foreach (var id in ids) Set(id, r => r with { PoolBacklog = backlog.GetValueOrDefault(id) });
            }
            if (facets.HasFlag(CityFacets.Applications))
            {
                var dues = (await db.Applications.AsNoTracking()
                        .Where(a => Running.Contains(a.Status) && a.DueAt != null && (branchId == null || a.HandlingBranchId == branchId))
                        .Select(a => new { a.HandlingBranchId, Due = a.DueAt!.Value }).ToListAsync(ct).ConfigureAwait(false))
                    .GroupBy(a => a.HandlingBranchId).ToDictionary(g => g.Key, g => g.Select(a => a.Due).Order().ToList());
                var done = await db.Applications.AsNoTracking()
                    .Where(a => a.CompletedAt >= monthStart && (branchId == null || a.HandlingBranchId == branchId))
                    .GroupBy(a => a.HandlingBranchId)
                    .Select(g => new
                    {
                        g.Key,
                        Count = g.Count(),
                        // Application.IsLate(extended, finishedAfterPromise), counted in SQL.
                        Late = g.Count(a => a.OriginalDueAt != null || (a.DueAt != null && a.CompletedAt > a.DueAt)),
                    })
                    .ToDictionaryAsync(x => x.Key, ct).ConfigureAwait(false);
                foreach (var id in ids.Where(Local))
                    Set(id, r => r with
                    {
                        Applications = new ApplicationFacet(dues.GetValueOrDefault(id) ?? [],
                            done.GetValueOrDefault(id)?.Count ?? 0, (done.GetValueOrDefault(id)?.Count ?? 0) - (done.GetValueOrDefault(id)?.Late ?? 0)),
                    });
            }
            if (facets.HasFlag(CityFacets.Ratings))
            {
                var ratings = await db.Ratings.AsNoTracking().Where(x => x.At >= monthStart && (branchId == null || x.BranchId == branchId))
                    .GroupBy(x => x.BranchId)
                    .Select(g => new
                    {
                        g.Key,
                        Month = g.Count(),
                        SatisfiedMonth = g.Count(x => x.Level != RatingLevel.Dissatisfied),
                        Today = g.Count(x => x.At >= dayStart),
                        SatisfiedToday = g.Count(x => x.At >= dayStart && x.Level != RatingLevel.Dissatisfied),
                    })
                    .ToDictionaryAsync(x => x.Key, ct).ConfigureAwait(false);
                foreach (var id in ids.Where(Local))
                    Set(id, r => r with
                    {
                        Ratings = ratings.TryGetValue(id, out var g) ? new RatingFacet(g.Today, g.SatisfiedToday, g.Month, g.SatisfiedMonth) : RatingFacet.Empty,
                    });
            }
            return result;
        }
    }

    /// <summary>Per branch, the officials who may be on duty (seated at an open counter or holding a claim), by staff id.</summary>
    private static async Task<Dictionary<int, IReadOnlyList<DutyFacts>>> DutyAsync(WorkbenchDbContext db, CancellationToken ct)
    {
        var claims = (await db.WorkItems.AsNoTracking().Where(w => w.State == Core.Pool.WorkItemState.Claimed && w.ClaimedByStaffId != null)
                .Select(w => new { Staff = w.ClaimedByStaffId!.Value, w.TouchedAt, w.ClaimedAt }).ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(c => c.Staff).ToDictionary(g => g.Key, g => g.Max(c => c.TouchedAt ?? c.ClaimedAt));
        var openCounters = await db.Counters.AsNoTracking().Where(c => c.IsOpen).Select(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
        var staff = await db.Staff.AsNoTracking().Where(s => s.IsActive)
            .Select(s => new { s.Id, s.CurrentBranchId, s.CurrentCounterId }).ToListAsync(ct).ConfigureAwait(false);
        var open = openCounters.ToHashSet();
        return staff
            .Select(s => new { s.Id, s.CurrentBranchId, Facts = new DutyFacts(true, s.CurrentCounterId is int c && open.Contains(c), claims.GetValueOrDefault(s.Id)) })
            .Where(s => s.Facts.SeatedAtOpenCounter || s.Facts.LastClaimTouch is not null)
            .GroupBy(s => s.CurrentBranchId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DutyFacts>)g.OrderBy(s => s.Id).Select(s => s.Facts).ToList());
    }
}
