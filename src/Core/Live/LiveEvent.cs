namespace HanoiWorkbench.Core.Live;

/// <summary>What changed. Small on purpose: receivers re-read what they show.</summary>
public enum LiveEventKind
{
    TicketChanged = 0,
    CounterChanged = 1,
    StaffAssigned = 2,
    ApplicationChanged = 3,
    WorkItemChanged = 4,
    /// <summary>A citizen rated a visit (ticket or application) of the branch.</summary>
    RatingGiven = 5,
    /// <summary>An alert of the branch was raised, ended or acknowledged.</summary>
    AlertChanged = 6,
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

    /// <summary>
    /// What a page that follows <paramref name="interest"/> does with <paramref name="e"/>. <paramref name="applied"/> is
    /// the highest sequence number its state is known to include (null: none), <paramref name="lastSeen"/> the number of the
    /// previous event it received in that sequence (null: none since it subscribed or resynchronised).
    /// </summary>
    /// <remarks>
    /// A number is given only after its change committed, so a read that started after number n was given (by this page's
    /// own action, or received before the read began) includes every change up to n: anything up to
    /// <paramref name="applied"/> is shown already, whoever made it and in whatever order it arrives.
    /// </remarks>
    public static LiveStep Decide(LiveInterest interest, long? applied, long? lastSeen, LiveEvent e)
    {
        ArgumentNullException.ThrowIfNull(interest);
        ArgumentNullException.ThrowIfNull(e);
        if (e.Kind == LiveEventKind.Resync) return LiveStep.Resync;
        if (interest.SequenceOf(e) is not { } received)
            // Another branch's sequence: not ours. A city-wide change has no number in a branch's sequence: read if shown.
            return e.BranchId is null && interest.Shows(e.Kind) ? LiveStep.Reread : LiveStep.Skip;
        if (received <= applied) return LiveStep.Skip;
        if (interest.Shows(e.Kind)) return LiveStep.Reread;
        // A kind the page does not show, unless a gap says an event it does show may have been missed.
        return MustReread(lastSeen, received, e.Kind) ? LiveStep.Reread : LiveStep.Skip;
    }
}
