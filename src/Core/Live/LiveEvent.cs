namespace HanoiWorkbench.Core.Live;

/// <summary>What changed. Small on purpose: receivers re-read what they show.</summary>
public enum LiveEventKind
{
    TicketChanged = 0,
    CounterChanged = 1,
    StaffAssigned = 2,
    ApplicationChanged = 3,
    WorkItemChanged = 4,
    /// <summary>Sent after the backplane was lost and came back: every receiver re-reads its state.</summary>
    Resync = 9,
}

/// <summary>
/// A committed change: ids, kind and sequence numbers. <see cref="BranchSequence"/> counts the events of one branch,
/// <see cref="CitySequence"/> all events; a receiver that sees a gap in the sequence of its group re-reads its state.
/// </summary>
public sealed record LiveEvent(LiveEventKind Kind, int? BranchId, long? EntityId, long BranchSequence, long CitySequence, DateTimeOffset At);

/// <summary>Publishes a change after it has been committed. Called by use cases, never before SaveChanges.</summary>
public interface ILiveEvents
{
    ValueTask PublishAsync(LiveEventKind kind, int? branchId, long? entityId, CancellationToken ct = default);
}

/// <summary>Receivers' side: decides from sequence numbers whether an event can be applied or the state must be re-read.</summary>
public static class LiveSequence
{
    /// <summary>True when the receiver missed something (gap) or cannot know (first event, resync): re-read state.</summary>
    public static bool MustReread(long? lastSeen, long received, LiveEventKind kind) =>
        kind == LiveEventKind.Resync || lastSeen is null || received != lastSeen.Value + 1;
}
