using HanoiWorkbench.Core.Staffing;

namespace HanoiWorkbench.Core.Domain;

/// <summary>What a manager did (or what the period job did by itself).</summary>
public enum StaffMoveKind
{
    SeatAtCounter = 0,
    /// <summary>A seat move waiting for the person to finish the ticket in front of them.</summary>
    SeatAfterTicket = 1,
    /// <summary>The waiting seat move took effect when the ticket was finished.</summary>
    PendingSeatApplied = 2,
    /// <summary>The waiting seat move could not take effect (the counter was closed or taken meanwhile).</summary>
    PendingSeatDropped = 3,
    CounterGroups = 4,
    OpenCounter = 5,
    CloseCounter = 6,
    TicketHandedOn = 7,
    Absence = 8,
    AbsenceStarted = 9,
    AbsenceEnded = 10,
    Lend = 11,
    LendStarted = 12,
    LendEnded = 13,
    PeriodCancelled = 14,
}

/// <summary>
/// One row per manager action on the branch's people and counters: who acted (none for the period job), when, why,
/// on whom or which counter, and the state before and after as short text for the board's history.
/// </summary>
public sealed class StaffMoveRecord
{
    public const int ReasonMaxLength = StaffMoveRules.ReasonMaxLength;
    public const int StateMaxLength = 200;

    private StaffMoveRecord() { }

    public StaffMoveRecord(StaffMoveKind kind, int branchId, int? otherBranchId, int? staffId, int? counterId, int? actorStaffId,
        DateTimeOffset at, string? reason, string? before, string? after)
    {
        Kind = kind;
        BranchId = branchId;
        OtherBranchId = otherBranchId;
        StaffId = staffId;
        CounterId = counterId;
        ActorStaffId = actorStaffId;
        At = at;
        Reason = Guard.OptionalText(reason, "Lý do", ReasonMaxLength);
        Before = Shorten(before);
        After = Shorten(after);
    }

    public long Id { get; private set; }
    public StaffMoveKind Kind { get; private set; }
    /// <summary>The branch whose board lists the action (the home branch for a lend).</summary>
    public int BranchId { get; private set; }
    /// <summary>The receiving branch of a lend, whose board lists it too.</summary>
    public int? OtherBranchId { get; private set; }
    public int? StaffId { get; private set; }
    public int? CounterId { get; private set; }
    /// <summary>Null when the period job acted by itself (a lend or absence starting or ending on time).</summary>
    public int? ActorStaffId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Reason { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }

    // Before and after are descriptions for the history, built from names; cut rather than refuse an action over them.
    private static string? Shorten(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        return t.Length <= StateMaxLength ? t : string.Concat(t.AsSpan(0, StateMaxLength - 1), "…");
    }
}
