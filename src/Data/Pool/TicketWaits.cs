using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Pool;
using HanoiWorkbench.Core.Queue;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Pool;

/// <summary>
/// Predicted waits from today's tickets with the queue's <see cref="WaitEstimator"/>: waiting tickets, open counters serving the
/// group (not on a break, as the queue counts them) and recent service times, for all branches in three queries. Registered only when the queue module has not
/// registered its own <see cref="IBranchWaits"/>.
/// </summary>
public sealed class TicketWaits(IDbContextFactory<WorkbenchDbContext> contexts, TimeProvider clock, QueuePolicy policy) : IBranchWaits
{
    public async Task<IReadOnlyDictionary<int, GroupWait>> ForGroupAsync(int serviceGroupId, CancellationToken ct = default)
    {
        var day = TicketNumbering.ServiceDay(clock.GetUtcNow());
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var waiting = await db.Tickets.AsNoTracking()
                .Where(t => t.ServiceDate == day && t.ServiceGroupId == serviceGroupId && t.Status == TicketStatus.Waiting)
                .GroupBy(t => t.BranchId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
            var open = await db.Counters.AsNoTracking()
                .Where(c => c.IsOpen && c.Status != CounterStatus.Break && c.ServiceGroups.Any(g => g.Id == serviceGroupId))
                .GroupBy(c => c.BranchId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
            var since = clock.GetUtcNow().AddDays(-7);
            var finished = await db.Tickets.AsNoTracking()
                .Where(t => t.ServiceGroupId == serviceGroupId && t.Status == TicketStatus.Finished && t.StartedAt != null && t.FinishedAt != null && t.FinishedAt >= since)
                .OrderByDescending(t => t.FinishedAt)
                .Select(t => new { t.BranchId, t.StartedAt, t.FinishedAt })
                .Take(2000).ToListAsync(ct).ConfigureAwait(false);
            var times = finished.GroupBy(t => t.BranchId).ToDictionary(g => g.Key,
                g => (IReadOnlyList<TimeSpan>)g.Take(policy.RecentServiceTimeWindow).Reverse().Select(t => t.FinishedAt!.Value - t.StartedAt!.Value).ToList());
            var branches = await db.Branches.AsNoTracking().Where(b => b.IsActive).Select(b => b.Id).ToListAsync(ct).ConfigureAwait(false);
            return branches.ToDictionary(id => id, id =>
            {
                var people = waiting.GetValueOrDefault(id);
                return new GroupWait(id, people, WaitEstimator.Estimate(people, times.GetValueOrDefault(id) ?? [], open.GetValueOrDefault(id), policy));
            });
        }
    }
}
