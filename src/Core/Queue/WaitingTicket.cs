using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Queue;

/// <summary>
/// What the queue rules need to know about a ticket: small enough to be projected straight from the database.
/// </summary>
/// <param name="ReservedCounterId">Set when a clerk transferred the ticket to a specific counter: only that counter may call it.</param>
public sealed record WaitingTicket(
    long Id,
    int ServiceGroupId,
    int Sequence,
    string Number,
    PriorityCategory Priority,
    DateTimeOffset IssuedAt,
    TicketStatus Status,
    int? ReservedCounterId = null)
{
    public bool IsPriority => Priority != PriorityCategory.None;

    public TimeSpan WaitedAt(DateTimeOffset now) => now - IssuedAt;

    public static WaitingTicket From(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new(ticket.Id, ticket.ServiceGroupId, ticket.Sequence, ticket.Number, ticket.Priority,
            ticket.IssuedAt, ticket.Status, ticket.ReservedCounterId);
    }
}
