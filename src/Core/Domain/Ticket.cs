namespace HanoiWorkbench.Core.Domain;

/// <summary>A walk-in queue ticket (A001...), per branch, service group and day, with its issued/called/started/finished times.</summary>
public sealed class Ticket
{
    private Ticket() { Number = ""; }

    public Ticket(int branchId, int serviceGroupId, string letter, int sequence, DateOnly serviceDate, PriorityCategory priority, DateTimeOffset issuedAt)
    {
        if (sequence is < 1 or > 9999) throw new DomainException("Số thứ tự vé phải từ 1 đến 9999.");
        BranchId = branchId;
        ServiceGroupId = serviceGroupId;
        Sequence = sequence;
        Number = FormatNumber(letter, sequence);
        ServiceDate = serviceDate;
        Priority = priority;
        IssuedAt = issuedAt;
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

    public bool IsPriority => Priority != PriorityCategory.None;

    public TimeSpan? WaitTime => CalledAt - IssuedAt;
    public TimeSpan? ServiceTime => FinishedAt - StartedAt;

    public static string FormatNumber(string letter, int sequence) => $"{letter}{sequence:000}";

    public void Call(int counterId, int staffId, DateTimeOffset at)
    {
        if (Status is not (TicketStatus.Waiting or TicketStatus.Parked))
            throw new DomainException($"Vé {Number} không ở trạng thái chờ.");
        Status = TicketStatus.Called;
        CounterId = counterId;
        StaffId = staffId;
        CalledAt = at;
        RecallCount = 0;
        Version++;
    }

    public void Recall()
    {
        if (Status != TicketStatus.Called) throw new DomainException($"Vé {Number} chưa được gọi.");
        RecallCount++;
        Version++;
    }

    public void MarkNoShow(DateTimeOffset at, int recallsBeforeNoShow)
    {
        if (Status != TicketStatus.Called) throw new DomainException($"Vé {Number} chưa được gọi.");
        if (RecallCount < recallsBeforeNoShow)
            throw new DomainException($"Cần gọi lại ít nhất {recallsBeforeNoShow} lần trước khi đánh dấu vắng mặt.");
        Status = TicketStatus.NoShow;
        FinishedAt = at;
        Version++;
    }

    public void Start(DateTimeOffset at)
    {
        if (Status != TicketStatus.Called) throw new DomainException($"Vé {Number} chưa được gọi.");
        Status = TicketStatus.Serving;
        StartedAt = at;
        Version++;
    }

    public void Finish(DateTimeOffset at)
    {
        if (Status is not (TicketStatus.Serving or TicketStatus.Called)) throw new DomainException($"Vé {Number} không đang được phục vụ.");
        StartedAt ??= at;
        Status = TicketStatus.Finished;
        FinishedAt = at;
        Version++;
    }

    public void Park()
    {
        if (Status is not (TicketStatus.Serving or TicketStatus.Called)) throw new DomainException($"Vé {Number} không đang được phục vụ.");
        Status = TicketStatus.Parked;
        CounterId = null;
        Version++;
    }

    /// <summary>Sends the ticket back to the queue of another service group (keeps its number and issue time).</summary>
    public void TransferTo(int serviceGroupId)
    {
        if (Status is TicketStatus.Finished or TicketStatus.NoShow) throw new DomainException($"Vé {Number} đã kết thúc.");
        ServiceGroupId = serviceGroupId;
        Status = TicketStatus.Waiting;
        CounterId = null;
        StaffId = null;
        Version++;
    }

    public void LinkApplication(long applicationId) => ApplicationId = applicationId;
}
