using HanoiWorkbench.Core.Queue;

namespace HanoiWorkbench.Core.Domain;

/// <summary>A walk-in queue ticket (A001...), per branch, service group and day, with its issued/called/started/finished times.</summary>
public sealed class Ticket
{
    private Ticket() { Number = ""; }

    /// <param name="formToken">The kiosk form's token: a second request from the same form gets this ticket, not another.</param>
    public Ticket(int branchId, int serviceGroupId, string letter, int sequence, DateOnly serviceDate, PriorityCategory priority, DateTimeOffset issuedAt,
        Guid? formToken = null)
    {
        if (sequence is < 1 or > 9999) throw new DomainException("Số thứ tự vé phải từ 1 đến 9999.");
        BranchId = branchId;
        ServiceGroupId = serviceGroupId;
        Sequence = sequence;
        Number = FormatNumber(letter, sequence);
        ServiceDate = serviceDate;
        Priority = priority;
        IssuedAt = issuedAt;
        FormToken = formToken;
        Status = TicketStatus.Waiting;
    }

    public long Id { get; private set; }
    public int BranchId { get; private set; }
    public int ServiceGroupId { get; private set; }
    public string Number { get; private set; }
    public int Sequence { get; private set; }
    public DateOnly ServiceDate { get; private set; }
    public PriorityCategory Priority { get; private set; }
    public TicketStatus Status { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset? CalledAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public int? CounterId { get; private set; }
    public int? StaffId { get; private set; }
    public int RecallCount { get; private set; }
    public long? ApplicationId { get; private set; }
    public int Version { get; private set; }

    /// <summary>The kiosk form it was issued for (unique): a double tap sends the same token twice.</summary>
    public Guid? FormToken { get; private set; }

    public bool IsPriority => Priority != PriorityCategory.None;

    public TimeSpan? WaitTime => CalledAt - IssuedAt;
    public TimeSpan? ServiceTime => FinishedAt - StartedAt;

    /// <summary>Set when the ticket was transferred to a specific counter: only that counter may call it.</summary>
    public int? ReservedCounterId { get; private set; }

    public static string FormatNumber(string letter, int sequence) => TicketNumbering.Format(letter, sequence);

    /// <summary>The buttons the counter screen may offer for this ticket now.</summary>
    public IReadOnlySet<TicketAction> AllowedActions(QueuePolicy policy) => TicketActions.Allowed(Status, RecallCount, policy);

    public void Call(int counterId, int staffId, DateTimeOffset at)
    {
        var to = Decide(TicketAction.Call, QueuePolicy.Default);
        if (ReservedCounterId is { } reserved && reserved != counterId)
            throw new DomainException($"Vé {Number} đã được chuyển riêng cho một quầy khác.");
        Status = to;
        CounterId = counterId;
        StaffId = staffId;
        CalledAt = at;
        RecallCount = 0;
        ReservedCounterId = null;
        Version++;
    }

    public void Recall()
    {
        Status = Decide(TicketAction.Recall, QueuePolicy.Default);
        RecallCount++;
        Version++;
    }

    public void MarkNoShow(DateTimeOffset at, int recallsBeforeNoShow) =>
        MarkNoShow(at, QueuePolicy.Default with { RecallsBeforeNoShow = recallsBeforeNoShow });

    public void MarkNoShow(DateTimeOffset at, QueuePolicy policy)
    {
        Status = Decide(TicketAction.NoShow, policy);
        FinishedAt = at;
        Version++;
    }

    public void Start(DateTimeOffset at)
    {
        Status = Decide(TicketAction.Start, QueuePolicy.Default);
        StartedAt = at;
        Version++;
    }

    public void Finish(DateTimeOffset at)
    {
        Status = Decide(TicketAction.Finish, QueuePolicy.Default);
        StartedAt ??= at;
        FinishedAt = at;
        Version++;
    }

    /// <summary>Sets the ticket aside (the citizen went to fetch a paper); it returns only through <see cref="Resume"/>.</summary>
    public void Park()
    {
        Status = Decide(TicketAction.Park, QueuePolicy.Default);
        CounterId = null;
        Version++;
    }

    /// <summary>
    /// Brings a parked ticket back to a counter, as called. Its first call time is kept, so the
    /// wait time still means the wait before the first call; the recall count starts again.
    /// </summary>
    public void Resume(int counterId, int staffId, DateTimeOffset at)
    {
        Status = Decide(TicketAction.Resume, QueuePolicy.Default);
        CounterId = counterId;
        StaffId = staffId;
        CalledAt ??= at;
        RecallCount = 0;
        Version++;
    }

    /// <summary>Sends the ticket back to the queue of another service group (keeps its number and issue time).</summary>
    public void TransferTo(int serviceGroupId)
    {
        Status = Decide(TicketAction.Transfer, QueuePolicy.Default);
        ServiceGroupId = serviceGroupId;
        ReservedCounterId = null;
        LeaveCounter();
    }

    /// <summary>
    /// Sends the ticket to one specific counter, which alone may call it next; the ticket keeps its
    /// group, number and issue time, and that counter calls it before its other waiting tickets.
    /// </summary>
    public void TransferToCounter(int counterId)
    {
        Status = Decide(TicketAction.Transfer, QueuePolicy.Default);
        ReservedCounterId = counterId;
        LeaveCounter();
    }

    // The next counter's service is its own: a start time left over would swell its service time.
    private void LeaveCounter()
    {
        CounterId = null;
        StaffId = null;
        StartedAt = null;
        RecallCount = 0;
        Version++;
    }

    // Only the no-show rule reads the policy; the other actions pass the default for form's sake.
    private TicketStatus Decide(TicketAction action, QueuePolicy policy)
    {
        var decision = TicketActions.Decide(Status, action, RecallCount, policy);
        return decision.To ?? throw new DomainException($"Vé {Number}: {decision.Refusal}");
    }

    public void LinkApplication(long applicationId) => ApplicationId = applicationId;
}
