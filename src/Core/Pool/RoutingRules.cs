namespace HanoiWorkbench.Core.Pool;

/// <summary>An open item as take-next weighs it.</summary>
public sealed record PoolCandidate(long Id, int FieldId, int QueuedBranchId, DateTimeOffset DueAt, DateTimeOffset CreatedAt, TimeSpan Effort, int Version)
{
    /// <summary>The latest moment work can start and still finish by the due time.</summary>
    public DateTimeOffset LatestStart => DueAt - Effort;
}

/// <summary>Who is asking for work: their skills and the branch they sit at.</summary>
public sealed record Claimer(int StaffId, int BranchId, IReadOnlySet<int> Skills);

/// <summary>A planned overflow move: an open item leaves an overloaded branch for one with spare capacity.</summary>
public sealed record OverflowMove(long WorkItemId, int FromBranchId, int ToBranchId);

/// <summary>An open item as overflow weighs it.</summary>
public sealed record QueuedItem(long Id, int FieldId, int QueuedBranchId, GeoPoint? AreaLocation, DateTimeOffset LatestStart, TimeSpan Effort);

/// <summary>
/// The pool's routing: pure functions of the policy, the state read by the caller and the candidate (the caller reads,
/// decides, then writes).
/// </summary>
public static class RoutingRules
{
    /// <summary>Time to spare: due time − now − the step's effort. Negative: already late to start.</summary>
    public static TimeSpan Slack(PoolCandidate item, DateTimeOffset now) => item.LatestStart - now;

    /// <summary>
    /// The order take-next offers items in: only items whose skill the clerk has; then least slack, where an item
    /// queued for another branch counts <see cref="PoolPolicy.OtherBranchPenalty"/> more; then the oldest; then the id.
    /// The caller claims the first and, when someone else was quicker, the next.
    /// </summary>
    public static IEnumerable<PoolCandidate> Order(IEnumerable<PoolCandidate> open, Claimer claimer, PoolPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(claimer);
        ArgumentNullException.ThrowIfNull(policy);
        return open
            .Where(c => claimer.Skills.Contains(c.FieldId))
            .OrderBy(c => c.QueuedBranchId == claimer.BranchId ? c.LatestStart : c.LatestStart + policy.OtherBranchPenalty)
            .ThenBy(c => c.CreatedAt)
            .ThenBy(c => c.Id);
    }

    public static PoolCandidate? ChooseNext(IEnumerable<PoolCandidate> open, Claimer claimer, PoolPolicy policy) =>
        Order(open, claimer, policy).FirstOrDefault();

    /// <summary>
    /// Where new work (or overflow) goes: among branches with someone present who has the skill, the highest score =
    /// <see cref="PoolPolicy.CapacityWeight"/> × spare staffed hours − <see cref="PoolPolicy.DistanceWeight"/> × km from the
    /// application's area; ties go to the lower load, then the lower id. When no branch has the skill present, null: the
    /// caller keeps its default (the area's home branch), where the work waits for tomorrow's staff.
    /// </summary>
    public static BranchCapacity? ChooseBranch(IEnumerable<BranchCapacity> branches, int fieldId, GeoPoint? areaLocation, PoolPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(branches);
        ArgumentNullException.ThrowIfNull(policy);
        return branches
            .Where(b => b.Skills.Contains(fieldId))
            .OrderByDescending(b => Score(b, areaLocation, policy))
            .ThenBy(b => b.Load)
            .ThenBy(b => b.BranchId)
            .FirstOrDefault();
    }

    public static double Score(BranchCapacity branch, GeoPoint? areaLocation, PoolPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(branch);
        ArgumentNullException.ThrowIfNull(policy);
        var km = areaLocation is { } a ? TravelEstimate.DistanceKm(a, branch.Location) : 0;
        return (policy.CapacityWeight * branch.Spare.TotalHours) - (policy.DistanceWeight * km);
    }

    public static bool IsOverloaded(BranchCapacity branch, PoolPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(branch);
        ArgumentNullException.ThrowIfNull(policy);
        return branch.QueuedWork > TimeSpan.Zero && branch.Load > policy.OverflowThreshold;
    }

    /// <summary>
    /// Overflow: while a branch is above the threshold, its open item with the most slack (the one its own staff would reach
    /// last) moves to the best branch that has the skill and stays at or under the threshold after taking it. Items no other
    /// branch can take stay. Capacities are updated as moves are planned, so one pass never overloads the receiver.
    /// </summary>
    public static IReadOnlyList<OverflowMove> PlanOverflow(IReadOnlyList<BranchCapacity> branches, IReadOnlyList<QueuedItem> openItems, PoolPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(branches);
        ArgumentNullException.ThrowIfNull(openItems);
        ArgumentNullException.ThrowIfNull(policy);
        var state = branches.ToDictionary(b => b.BranchId);
        var moves = new List<OverflowMove>();
        foreach (var source in branches.OrderByDescending(b => b.Load).ThenBy(b => b.BranchId))
        {
            var items = openItems.Where(i => i.QueuedBranchId == source.BranchId)
                .OrderByDescending(i => i.LatestStart).ThenByDescending(i => i.Id).ToList();
            foreach (var item in items)
            {
                var giver = state[source.BranchId];
                if (!IsOverloaded(giver, policy)) break;
                var receivers = state.Values.Where(b => b.BranchId != giver.BranchId
                    && BranchLoad.Ratio(b.QueuedWork + item.Effort, b.StaffedLeft) <= policy.OverflowThreshold);
                var to = ChooseBranch(receivers, item.FieldId, item.AreaLocation, policy);
                if (to is null) continue;
                moves.Add(new OverflowMove(item.Id, giver.BranchId, to.BranchId));
                state[giver.BranchId] = giver with { QueuedWork = giver.QueuedWork - item.Effort };
                state[to.BranchId] = to with { QueuedWork = to.QueuedWork + item.Effort };
            }
        }
        return moves;
    }
}

/// <summary>The live queue's predicted wait of one service group at a branch (null: no open counter serves it).</summary>
public sealed record GroupWait(int BranchId, int Waiting, TimeSpan? Wait);

/// <summary>Port: the live queue's predicted waits of a service group at every branch.</summary>
public interface IBranchWaits
{
    Task<IReadOnlyDictionary<int, GroupWait>> ForGroupAsync(int serviceGroupId, CancellationToken ct = default);
}
