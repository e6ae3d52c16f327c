using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Queue;

/// <summary>Why a ticket was chosen; the UI shows <see cref="QueueChoice.Reason"/>, tests look at this.</summary>
public enum CallReason
{
    /// <summary>Another clerk transferred the ticket to this very counter.</summary>
    ReservedForCounter,
    /// <summary>An ordinary ticket waited longer than <see cref="QueuePolicy.MaxOrdinaryWait"/>.</summary>
    OrdinaryWaitedTooLong,
    Priority,
    /// <summary>The fairness bound was reached, so an ordinary ticket goes before the next priority one.</summary>
    FairnessBound,
    InOrder,
}

/// <summary>The ticket to call next and why, in Vietnamese.</summary>
public sealed record QueueChoice(WaitingTicket Ticket, CallReason Kind, string Reason);

/// <summary>
/// The queue order (domain.md §5) as a pure function: the caller reads the waiting tickets,
/// asks which one to call, then calls it through <see cref="Ticket.Call"/>.
/// </summary>
public static class QueueRules
{
    /// <summary>
    /// The ticket a counter should call next, or null when it has nothing to call.
    /// Only waiting tickets count: a parked ticket comes back only when a clerk resumes it from the park.
    /// In order of precedence:
    /// 1. a ticket transferred to this counter (its citizen has already waited once);
    /// 2. when priority tickets wait: the oldest ordinary ticket if it waited longer than
    ///    <see cref="QueuePolicy.MaxOrdinaryWait"/>, or if <paramref name="consecutivePriorityCalls"/> reached
    ///    the fairness bound; otherwise the oldest priority ticket;
    /// 3. the oldest ordinary ticket.
    /// "Oldest" is by issue time, then sequence, then id. A transfer keeps the issue time, so a
    /// transferred citizen is not sent to the back of the queue.
    /// </summary>
    /// <param name="counterId">The calling counter: tickets reserved for another counter are not its to call.</param>
    /// <param name="counterServiceGroupIds">The service groups the counter serves.</param>
    /// <param name="consecutivePriorityCalls">How many priority tickets were called in a row just before (see <see cref="PriorityStreak"/>).</param>
    public static QueueChoice? ChooseNext(
        QueuePolicy policy,
        IReadOnlyList<WaitingTicket> waiting,
        int counterId,
        IReadOnlySet<int> counterServiceGroupIds,
        int consecutivePriorityCalls,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(counterServiceGroupIds);

        var callable = waiting
            .Where(t => t.Status == TicketStatus.Waiting)
            .Where(t => t.ReservedCounterId is { } reserved
                ? reserved == counterId
                : counterServiceGroupIds.Contains(t.ServiceGroupId))
            .OrderBy(t => t.IssuedAt)
            .ThenBy(t => t.Sequence)
            .ThenBy(t => t.Id)
            .ToList();

        var reservedHere = callable.FirstOrDefault(t => t.ReservedCounterId == counterId);
        if (reservedHere is not null)
            return new(reservedHere, CallReason.ReservedForCounter, "Được chuyển đến quầy này");

        var oldestOrdinary = callable.FirstOrDefault(t => !t.IsPriority);
        var oldestPriority = callable.FirstOrDefault(t => t.IsPriority);

        if (oldestPriority is not null)
        {
            if (oldestOrdinary is not null && oldestOrdinary.WaitedAt(now) > policy.MaxOrdinaryWait)
                return new(oldestOrdinary, CallReason.OrdinaryWaitedTooLong,
                    $"Vé thường đã chờ quá {policy.MaxOrdinaryWait.TotalMinutes:0} phút");
            if (oldestOrdinary is not null && consecutivePriorityCalls >= policy.PriorityFairnessBound)
                return new(oldestOrdinary, CallReason.FairnessBound, "Đến lượt vé thường (giới hạn công bằng)");
            return new(oldestPriority, CallReason.Priority, $"Ưu tiên: {QueueLabels.Priority(oldestPriority.Priority)}");
        }

        return oldestOrdinary is null ? null : new(oldestOrdinary, CallReason.InOrder, "Theo thứ tự lấy số");
    }

    /// <summary>
    /// How many priority tickets were called in a row most recently, given the priority categories
    /// of past calls newest first (at one counter or in one group: whichever the branch counts fairness by).
    /// </summary>
    public static int PriorityStreak(IEnumerable<PriorityCategory> callsNewestFirst)
    {
        ArgumentNullException.ThrowIfNull(callsNewestFirst);
        return callsNewestFirst.TakeWhile(p => p != PriorityCategory.None).Count();
    }

    /// <summary>How many callable tickets wait in a service group: the people ahead of a ticket the kiosk is about to issue.</summary>
    public static int WaitingInGroup(IEnumerable<WaitingTicket> waiting, int serviceGroupId)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        return waiting.Count(t => t.Status == TicketStatus.Waiting && t.ServiceGroupId == serviceGroupId);
    }

    /// <summary>
    /// How many citizens will be called before this ticket, by the very order <see cref="ChooseNext"/> calls in:
    /// priority tickets go first, an ordinary ticket gets its turn after the fairness bound or when it waited too long.
    /// So a priority ticket issued behind three ordinary ones has nobody ahead, and an ordinary ticket counts the
    /// priority tickets that will go before it. Tickets reserved for a counter are that counter's and are not counted.
    /// The queue is replayed as one counter of the ticket's group would call it, from the group's current priority streak.
    /// </summary>
    public static int PeopleAhead(QueuePolicy policy, IReadOnlyList<WaitingTicket> waiting, long ticketId,
        int consecutivePriorityCalls, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(waiting);
        var ticket = waiting.FirstOrDefault(t => t.Id == ticketId);
        if (ticket is null || ticket.Status != TicketStatus.Waiting) return 0;

        const int NoCounter = int.MinValue;
        var groups = new HashSet<int> { ticket.ServiceGroupId };
        var left = waiting.Where(t => t.ServiceGroupId == ticket.ServiceGroupId && t.ReservedCounterId is null).ToList();
        var streak = consecutivePriorityCalls;
        var ahead = 0;
        while (ChooseNext(policy, left, NoCounter, groups, streak, now) is { } next && next.Ticket.Id != ticketId)
        {
            ahead++;
            streak = next.Ticket.IsPriority ? streak + 1 : 0;
            left.Remove(next.Ticket);
        }
        return ahead;
    }
}
