using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Queue;

/// <summary>What a clerk can do to a ticket at the counter.</summary>
public enum TicketAction
{
    Call,
    Recall,
    Start,
    NoShow,
    Transfer,
    Park,
    Finish,
    /// <summary>Bring a parked ticket back to a counter.</summary>
    Resume,
}

/// <summary>The outcome of <see cref="TicketActions.Decide"/>: the new status, or why the action is refused.</summary>
public sealed record TicketDecision(TicketStatus? To, string? Refusal)
{
    public bool IsAllowed => To is not null;
}

/// <summary>
/// The ticket's status machine as a pure table. The counter screen enables its buttons from
/// <see cref="Allowed"/> and <see cref="Ticket"/>'s methods go through <see cref="Decide"/>,
/// so the two can never disagree.
/// </summary>
public static class TicketActions
{
    private static readonly Dictionary<(TicketStatus From, TicketAction Action), TicketStatus> Moves = new()
    {
        [(TicketStatus.Waiting, TicketAction.Call)] = TicketStatus.Called,
        // Reception may move a ticket taken in the wrong group before anyone calls it.
        [(TicketStatus.Waiting, TicketAction.Transfer)] = TicketStatus.Waiting,

        [(TicketStatus.Called, TicketAction.Recall)] = TicketStatus.Called,
        [(TicketStatus.Called, TicketAction.Start)] = TicketStatus.Serving,
        [(TicketStatus.Called, TicketAction.NoShow)] = TicketStatus.NoShow,
        [(TicketStatus.Called, TicketAction.Transfer)] = TicketStatus.Waiting,
        [(TicketStatus.Called, TicketAction.Park)] = TicketStatus.Parked,
        // A quick answer at the counter needs no separate start.
        [(TicketStatus.Called, TicketAction.Finish)] = TicketStatus.Finished,

        [(TicketStatus.Serving, TicketAction.Transfer)] = TicketStatus.Waiting,
        [(TicketStatus.Serving, TicketAction.Park)] = TicketStatus.Parked,
        [(TicketStatus.Serving, TicketAction.Finish)] = TicketStatus.Finished,

        [(TicketStatus.Parked, TicketAction.Resume)] = TicketStatus.Called,
        [(TicketStatus.Parked, TicketAction.Transfer)] = TicketStatus.Waiting,
    };

    public static bool IsFinal(TicketStatus status) => status is TicketStatus.Finished or TicketStatus.NoShow;

    /// <summary>The actions the counter may offer now; the UI enables exactly these buttons.</summary>
    public static IReadOnlySet<TicketAction> Allowed(TicketStatus status, int recallCount, QueuePolicy policy) =>
        Enum.GetValues<TicketAction>().Where(a => Decide(status, a, recallCount, policy).IsAllowed).ToHashSet();

    /// <summary>The status an action leads to, or a Vietnamese reason why it is refused.</summary>
    public static TicketDecision Decide(TicketStatus from, TicketAction action, int recallCount, QueuePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!Moves.TryGetValue((from, action), out var to))
            return new(null, $"Không thể {QueueLabels.Action(action)} vé đang ở trạng thái \"{QueueLabels.Status(from)}\".");
        if (action == TicketAction.NoShow && recallCount < policy.RecallsBeforeNoShow)
            return new(null,
                $"Cần gọi lại ít nhất {policy.RecallsBeforeNoShow} lần trước khi đánh dấu vắng mặt (đã gọi lại {recallCount} lần).");
        return new(to, null);
    }
}
