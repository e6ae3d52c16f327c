using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Queue;

namespace HanoiWorkbench.Core.Board;

/// <summary>A ticket of today as the board reads it.</summary>
public sealed record BoardTicket(long Id, int GroupId, string Number, TicketStatus Status, DateTimeOffset IssuedAt,
    DateTimeOffset? CalledAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int? CounterId);

/// <summary>
/// A counter of the branch and who sits there. <see cref="GroupIds"/> are the groups it serves now (the clerk's session
/// choice, else the configuration); <see cref="ConfiguredGroupIds"/> what the manager configured (null = the same).
/// </summary>
public sealed record BoardCounter(int Id, int Number, string Name, bool IsOpen, CounterStatus Status, IReadOnlyList<int> GroupIds,
    int? StaffId, string? StaffName, IReadOnlyList<int>? ConfiguredGroupIds = null);

/// <summary>A service group the branch serves.</summary>
public sealed record BoardGroup(int Id, string Letter, string Name);

/// <summary>
/// One counter on the board: state, the ticket being served and for how long, idle time since the last ticket, the groups
/// it serves now and those the manager configured.
/// </summary>
public sealed record CounterLine(int Id, int Number, string Name, bool IsOpen, CounterStatus Status, int? StaffId, string? StaffName,
    string? ServingNumber, TimeSpan? ServingFor, TimeSpan? IdleFor, IReadOnlyList<int> GroupIds, IReadOnlyList<int> ConfiguredGroupIds);

/// <summary>One service group on the board.</summary>
public sealed record GroupLine(int Id, string Letter, string Name, int Waiting, TimeSpan? LongestWait, TimeSpan? EstimatedWait,
    int ServedToday, TimeSpan? MeanServiceToday, int OfficialsServing);

/// <summary>The branch board's figures: pure functions of today's tickets and the counters at one moment.</summary>
public static class BranchBoard
{
    private static bool IsAtCounter(TicketStatus status) => status is TicketStatus.Called or TicketStatus.Serving;

    /// <summary>
    /// Each counter's line. The ticket being served is the one called or started at it; "serving for" counts from the call.
    /// An open counter with no ticket is idle since its last finished ticket today, or since the first call of the day
    /// if it has served nobody yet (unknown, so null). A closed counter has no idle time.
    /// </summary>
    public static IReadOnlyList<CounterLine> Counters(IReadOnlyList<BoardCounter> counters, IReadOnlyList<BoardTicket> today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(today);
        return counters.OrderBy(c => c.Number).Select(c =>
        {
            var current = today.Where(t => t.CounterId == c.Id && IsAtCounter(t.Status)).MaxBy(t => t.CalledAt);
            var lastFinished = today.Where(t => t.CounterId == c.Id && t.FinishedAt is not null).Max(t => t.FinishedAt);
            TimeSpan? idle = c.IsOpen && current is null && lastFinished is { } finished ? Positive(now - finished) : null;
            return new CounterLine(c.Id, c.Number, c.Name, c.IsOpen, c.Status, c.StaffId, c.StaffName, current?.Number,
                current?.CalledAt is { } called ? Positive(now - called) : null, idle, c.GroupIds, c.ConfiguredGroupIds ?? c.GroupIds);
        }).ToList();
    }

    /// <summary>
    /// Each group's line: waiting now, the longest of their waits, the estimate for a newcomer (<see cref="WaitEstimator"/>),
    /// how many were served today and their mean service time, and how many open, staffed counters serve the group.
    /// </summary>
    public static IReadOnlyList<GroupLine> Groups(IReadOnlyList<BoardGroup> groups, IReadOnlyList<BoardCounter> counters,
        IReadOnlyList<BoardTicket> today, DateTimeOffset now, QueuePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(today);
        return groups.OrderBy(g => g.Letter, StringComparer.Ordinal).Select(g =>
        {
            var mine = today.Where(t => t.GroupId == g.Id).ToList();
            var waiting = mine.Where(t => t.Status == TicketStatus.Waiting).ToList();
            var served = mine.Where(t => t is { Status: TicketStatus.Finished, StartedAt: not null, FinishedAt: not null })
                .OrderBy(t => t.FinishedAt).Select(t => t.FinishedAt!.Value - t.StartedAt!.Value).ToList();
            var officials = counters.Count(c => c.IsOpen && c.StaffId is not null && c.Status != CounterStatus.Break && c.GroupIds.Contains(g.Id));
            return new GroupLine(g.Id, g.Letter, g.Name, waiting.Count,
                waiting.Count == 0 ? null : Positive(now - waiting.Min(t => t.IssuedAt)),
                WaitEstimator.Estimate(waiting.Count, served, officials, policy),
                served.Count, served.Count == 0 ? null : TimeSpan.FromTicks((long)served.Average(s => s.Ticks)), officials);
        }).ToList();
    }

    private static TimeSpan Positive(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
