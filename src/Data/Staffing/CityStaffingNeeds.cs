using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Queue;
using HanoiWorkbench.Core.Staffing;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Staffing;

/// <summary>
/// The staffing advice for every branch in the current hour: Erlang C per service group on the tickets of the same hour of
/// the four past same weekdays (<see cref="StaffingAdvice"/>), summed over the branch's groups. One read for the whole city,
/// so the director's dashboard asks it once an hour and the branch board asks it only to suggest a lend.
/// </summary>
public sealed class CityStaffingNeeds(IDbContextFactory<WorkbenchDbContext> dbFactory, QueuePolicy policy)
{
    /// <summary>
    /// Officials needed now per branch. A branch closed in this hour needs 0; a branch that served no ticket on the four past
    /// same weekdays has no advice and is left out (its counters open stand in for "needed").
    /// </summary>
    public async Task<IReadOnlyDictionary<int, int>> NeedNowAsync(DateTimeOffset now, StaffingTarget target, int? exceptBranchId = null,
        CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return await NeedNowAsync(db, now, target, exceptBranchId, ct).ConfigureAwait(false);
    }

    /// <inheritdoc cref="NeedNowAsync(DateTimeOffset, StaffingTarget, int?, CancellationToken)"/>
    public async Task<IReadOnlyDictionary<int, int>> NeedNowAsync(WorkbenchDbContext db, DateTimeOffset now, StaffingTarget target,
        int? exceptBranchId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(target);
        var today = HanoiTime.DateOf(now);
        var hour = now.ToHanoi().Hour;
        var history = new List<(int Branch, int Group, DateTimeOffset Issued, DateTimeOffset? Started, DateTimeOffset? Finished)>();
        foreach (var day in Enumerable.Range(1, StaffingAdvice.ForecastWeeks).Select(w => today.AddDays(-7 * w)))
        {
            var from = HanoiTime.StartOf(day).AddHours(hour);
            var to = from.AddHours(1);
            history.AddRange((await db.Tickets.AsNoTracking()
                    .Where(t => t.ServiceDate == day && t.BranchId != exceptBranchId && t.IssuedAt >= from && t.IssuedAt < to)
                    .Select(t => new { t.BranchId, t.ServiceGroupId, t.IssuedAt, t.StartedAt, t.FinishedAt }).ToListAsync(ct).ConfigureAwait(false))
                .Select(t => (t.BranchId, t.ServiceGroupId, t.IssuedAt, t.StartedAt, t.FinishedAt)));
        }
        var byBranch = history.ToLookup(h => h.Branch);
        // A branch has advice when it served anyone on those four days; one that did not (new, or long closed) has none.
        var days = Enumerable.Range(1, StaffingAdvice.ForecastWeeks).Select(w => today.AddDays(-7 * w)).ToArray();
        var advised = (await db.Tickets.AsNoTracking().Where(t => days.Contains(t.ServiceDate) && t.BranchId != exceptBranchId)
            .Select(t => t.BranchId).Distinct().ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
        var branches = await db.Branches.AsNoTracking().Where(b => b.Id != exceptBranchId && b.IsActive)
            .Select(b => new { b.Id, b.OpensAt, b.ClosesAt }).ToListAsync(ct).ConfigureAwait(false);
        var needs = new Dictionary<int, int>();
        foreach (var b in branches)
        {
            var open = hour >= b.OpensAt.Hour && hour < (b.ClosesAt.Minute == 0 ? b.ClosesAt.Hour : b.ClosesAt.Hour + 1);
            if (!open) needs[b.Id] = 0;
            else if (advised.Contains(b.Id))
                needs[b.Id] = byBranch[b.Id].GroupBy(h => h.Group).Sum(g =>
                {
                    var arrivals = StaffingAdvice.ForecastArrivals(g.Select(h => h.Issued.ToHanoi().DateTime), today);
                    return StaffingAdvice.NeedPerHour(arrivals, MeanService(g.Select(h => (h.Started, h.Finished))), target, hour, hour + 1)[0].Needed;
                });
        }
        return needs;
    }

    /// <summary>The queue policy's service time where no finished service says otherwise.</summary>
    public TimeSpan ServiceTimeFallback => policy.ServiceTimeFallback;

    /// <summary>The mean of the finished services, else the queue policy's fallback.</summary>
    public TimeSpan MeanService(IEnumerable<(DateTimeOffset? Started, DateTimeOffset? Finished)> tickets)
    {
        var services = tickets.Where(h => h.Started != null && h.Finished != null && h.Finished > h.Started)
            .Select(h => (h.Finished!.Value - h.Started!.Value).Ticks).ToList();
        return services.Count == 0 ? policy.ServiceTimeFallback : TimeSpan.FromTicks((long)services.Average());
    }
}
