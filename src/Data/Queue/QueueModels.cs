using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Data.Queue;

/// <summary>A ticket just taken at the kiosk, with what its slip prints; <see cref="Repeated"/> when the same form had
/// already taken it (a double tap).</summary>
public sealed record IssuedTicket(
    long TicketId,
    string Number,
    string BranchCode,
    string BranchName,
    string GroupLetter,
    string GroupName,
    PriorityCategory Priority,
    DateTimeOffset IssuedAt,
    int PeopleAhead,
    TimeSpan? EstimatedWait,
    bool Repeated = false);

/// <summary>The waiting count and estimated wait of one service group at a branch (null wait: no open counter serves it).</summary>
public sealed record GroupEstimate(int ServiceGroupId, string Letter, string Name, int Waiting, int OpenCounters, TimeSpan? EstimatedWait);

/// <summary>Where a clerk sends a ticket: back to the queue of a service group, or to one counter.</summary>
public sealed record TransferTarget(int? ServiceGroupId, int? CounterId)
{
    public static TransferTarget ToGroup(int serviceGroupId) => new(serviceGroupId, null);
    public static TransferTarget ToCounter(int counterId) => new(null, counterId);
}
