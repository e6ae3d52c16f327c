using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Queue;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Queue;

/// <summary>The reads the queue's commands and screens share; each takes the caller's context.</summary>
internal static class QueueReads
{
    /// <summary>Groups served by at least one counter of the branch, by letter.</summary>
    public static async Task<List<ServiceGroup>> GroupsServedAsync(WorkbenchDbContext db, int branchId, CancellationToken ct) =>
        await db.Counters.AsNoTracking().Where(c => c.BranchId == branchId)
            .SelectMany(c => c.ServiceGroups).Distinct().OrderBy(g => g.Letter).ToListAsync(ct).ConfigureAwait(false);

    public static async Task<Dictionary<int, int>> WaitingByGroupAsync(WorkbenchDbContext db, int branchId, DateOnly day, CancellationToken ct) =>
        await db.Tickets.AsNoTracking()
            .Where(t => t.BranchId == branchId && t.ServiceDate == day && t.Status == TicketStatus.Waiting)
            .GroupBy(t => t.ServiceGroupId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);

    public static async Task<Dictionary<int, int>> OpenCountersByGroupAsync(WorkbenchDbContext db, int branchId, CancellationToken ct) =>
        await db.Counters.AsNoTracking().Where(c => c.BranchId == branchId && c.IsOpen && c.Status != CounterStatus.Break)
            .SelectMany(c => c.ServiceGroups.Select(g => g.Id))
            .GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);

    /// <summary>Service times of the group's most recent finished tickets at the branch, oldest first.</summary>
    public static async Task<List<TimeSpan>> RecentServiceTimesAsync(WorkbenchDbContext db, int branchId, int groupId, QueuePolicy policy, CancellationToken ct)
    {
        var recent = await db.Tickets.AsNoTracking()
            .Where(t => t.BranchId == branchId && t.ServiceGroupId == groupId && t.Status == TicketStatus.Finished
                && t.StartedAt != null && t.FinishedAt != null)
            .OrderByDescending(t => t.FinishedAt)
            .Take(policy.RecentServiceTimeWindow)
            .Select(t => new { t.StartedAt, t.FinishedAt })
            .ToListAsync(ct).ConfigureAwait(false);
        recent.Reverse();
        return recent.Select(t => t.FinishedAt!.Value - t.StartedAt!.Value).ToList();
    }

    public static async Task<List<GroupEstimate>> EstimatesAsync(WorkbenchDbContext db, int branchId, IReadOnlyList<ServiceGroup> groups,
        QueuePolicy policy, DateOnly day, CancellationToken ct)
    {
        var waiting = await WaitingByGroupAsync(db, branchId, day, ct).ConfigureAwait(false);
        var open = await OpenCountersByGroupAsync(db, branchId, ct).ConfigureAwait(false);
        var result = new List<GroupEstimate>(groups.Count);
        foreach (var g in groups)
        {
            var times = await RecentServiceTimesAsync(db, branchId, g.Id, policy, ct).ConfigureAwait(false);
            var people = waiting.GetValueOrDefault(g.Id);
            var counters = open.GetValueOrDefault(g.Id);
            result.Add(new GroupEstimate(g.Id, g.Letter, g.Name, people, counters, WaitEstimator.Estimate(people, times, counters, policy)));
        }
        return result;
    }
}
