namespace HanoiWorkbench.Core.Live;

/// <summary>What a live page does with one event.</summary>
public enum LiveStep
{
    /// <summary>What the page shows already includes it, or it changes nothing the page shows.</summary>
    Skip = 0,
    /// <summary>Read the state again (coalesced with any other re-read that is due).</summary>
    Reread = 1,
    /// <summary>The backplane came back: forget every sequence number and read the state again.</summary>
    Resync = 2,
}

/// <summary>
/// The events a live page follows: one branch's sequence (<see cref="BranchId"/>) or the city's, and the kinds that change
/// what it shows (<see cref="Kinds"/> empty = every kind).
/// </summary>
public sealed record LiveInterest(int? BranchId, IReadOnlySet<LiveEventKind> Kinds)
{
    public static LiveInterest City { get; } = new(null, new HashSet<LiveEventKind>());

    public static LiveInterest Branch(int branchId, params LiveEventKind[] kinds) => new(branchId, kinds.ToHashSet());

    /// <summary>A branch's walk-in queue (counter page, kiosk): tickets, counters and who sits at them.</summary>
    public static LiveInterest Queue(int branchId) =>
        Branch(branchId, LiveEventKind.TicketChanged, LiveEventKind.CounterChanged, LiveEventKind.StaffAssigned);

    public bool Shows(LiveEventKind kind) => Kinds.Count == 0 || Kinds.Contains(kind);

    /// <summary>The event's number in the followed sequence; null for an event outside it (another branch, or a city-wide
    /// change seen from a branch).</summary>
    public long? SequenceOf(LiveEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (BranchId is not { } branch) return e.CitySequence;
        return e.BranchId == branch ? e.BranchSequence : null;
    }
}
