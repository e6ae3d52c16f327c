using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Pool;

/// <summary>The steps of an application that need a person, each a work item in the citywide pool.</summary>
public enum WorkKind
{
    CheckSubmission = 0, // Kiểm tra hồ sơ trực tuyến trước khi tiếp nhận
    Process = 1,         // Xử lý hồ sơ
    PrepareResult = 2,   // Chuẩn bị kết quả
}

public enum WorkItemState
{
    Open = 0,
    Claimed = 1,
    Done = 2,
}

/// <summary>
/// One step of an application waiting in the citywide pool for any clerk with the skill. The claim itself is a
/// conditional update in the database (state and version checked), so this class only guards the other moves.
/// </summary>
public sealed class WorkItem
{
    private WorkItem() { }

    public WorkItem(long applicationId, WorkKind kind, int fieldId, int areaId, int queuedBranchId, DateTimeOffset dueAt,
        TimeSpan effort, DateTimeOffset createdAt)
    {
        if (effort <= TimeSpan.Zero) throw new DomainException("Khối lượng công việc phải lớn hơn 0.");
        ApplicationId = applicationId;
        Kind = kind;
        FieldId = fieldId;
        AreaId = areaId;
        QueuedBranchId = queuedBranchId;
        DueAt = dueAt;
        EffortMinutes = (int)Math.Ceiling(effort.TotalMinutes);
        LatestStartAt = dueAt - TimeSpan.FromMinutes(EffortMinutes);
        CreatedAt = createdAt;
        State = WorkItemState.Open;
    }

    public long Id { get; private set; }
    public long ApplicationId { get; private set; }
    public WorkKind Kind { get; private set; }
    /// <summary>The skill needed: the procedure's field.</summary>
    public int FieldId { get; private set; }
    public int AreaId { get; private set; }
    /// <summary>The branch whose load this item counts towards; any skilled clerk of any branch may still take it.</summary>
    public int QueuedBranchId { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    /// <summary>Estimated working minutes the step takes (from the pool policy when created).</summary>
    public int EffortMinutes { get; private set; }
    /// <summary>Due time − effort, stored so take-next finds the least slack through an index.</summary>
    public DateTimeOffset LatestStartAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public WorkItemState State { get; private set; }
    public int? ClaimedByStaffId { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }
    /// <summary>Last sign of life from the holder; a claim untouched for the policy's timeout returns to the pool.</summary>
    public DateTimeOffset? TouchedAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    /// <summary>Bumped by every change; the claim's conditional update checks it.</summary>
    public int Version { get; private set; }

    public TimeSpan Effort => TimeSpan.FromMinutes(EffortMinutes);

    public PoolCandidate ToCandidate() => new(Id, FieldId, QueuedBranchId, DueAt, CreatedAt, Effort, Version);

    public bool CanRelease(int staffId) => State == WorkItemState.Claimed && ClaimedByStaffId == staffId;
    public bool CanComplete(int staffId) => CanRelease(staffId);
    public bool CanHandTo(int staffId) => CanRelease(staffId);
    public bool CanMove => State == WorkItemState.Open;

    /// <summary>In-memory claim (tests and the single-writer paths); the pool service claims with a conditional update instead.</summary>
    public void Claim(int staffId, DateTimeOffset at)
    {
        if (State != WorkItemState.Open) throw new DomainException("Việc này đã có người nhận.");
        (State, ClaimedByStaffId, ClaimedAt, TouchedAt) = (WorkItemState.Claimed, staffId, at, at);
        Version++;
    }

    public void Touch(int staffId, DateTimeOffset at)
    {
        RequireHolder(staffId);
        TouchedAt = at;
        Version++;
    }

    public void Release(int staffId)
    {
        RequireHolder(staffId);
        Reopen();
    }

    /// <summary>Passes the claim to a colleague who has the skill; the claim clock starts again for them.</summary>
    public void HandTo(int staffId, Staff colleague, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(colleague);
        RequireHolder(staffId);
        if (colleague.Id == staffId) throw new DomainException("Không thể chuyển việc cho chính mình.");
        if (!colleague.IsActive) throw new DomainException("Cán bộ nhận việc đã ngừng hoạt động.");
        if (!colleague.HasSkill(FieldId)) throw new DomainException("Cán bộ nhận việc không có chuyên môn của lĩnh vực này.");
        (ClaimedByStaffId, ClaimedAt, TouchedAt) = (colleague.Id, at, at);
        Version++;
    }

    public void Complete(int staffId, DateTimeOffset at)
    {
        RequireHolder(staffId);
        State = WorkItemState.Done;
        DoneAt = at;
        Version++;
    }

    /// <summary>The application moved on (received, completed, withdrawn…): the item is done whoever held it.</summary>
    public void Close(DateTimeOffset at)
    {
        if (State == WorkItemState.Done) return;
        State = WorkItemState.Done;
        DoneAt = at;
        Version++;
    }

    /// <summary>Queues the open item for another branch (a manager's or director's decision, recorded by the caller).</summary>
    public void MoveTo(int branchId)
    {
        if (!CanMove) throw new DomainException("Chỉ chuyển được việc đang chờ trong kho chung.");
        if (branchId == QueuedBranchId) throw new DomainException("Việc đã thuộc chi nhánh này.");
        QueuedBranchId = branchId;
        Version++;
    }

    /// <summary>True when the holder has not touched the claim for <paramref name="timeout"/>.</summary>
    public bool IsStale(DateTimeOffset now, TimeSpan timeout) =>
        State == WorkItemState.Claimed && (TouchedAt ?? ClaimedAt) is { } last && now - last >= timeout;

    public void ReturnToPool(DateTimeOffset now, TimeSpan timeout)
    {
        if (!IsStale(now, timeout)) throw new DomainException("Việc chưa quá thời gian giữ.");
        Reopen();
    }

    private void Reopen()
    {
        (State, ClaimedByStaffId, ClaimedAt, TouchedAt) = (WorkItemState.Open, null, null, null);
        Version++;
    }

    private void RequireHolder(int staffId)
    {
        if (State != WorkItemState.Claimed || ClaimedByStaffId != staffId)
            throw new DomainException("Bạn không giữ việc này.");
    }
}

/// <summary>A recorded move of a work item between branches: who, when, from, to and why.</summary>
public sealed class WorkItemMove
{
    private WorkItemMove() { Reason = ""; }

    public const int ReasonMaxLength = 500;

    public WorkItemMove(long workItemId, int fromBranchId, int toBranchId, int byStaffId, DateTimeOffset at, string reason)
    {
        var r = Guard.RequiredText(reason, "Lý do chuyển", ReasonMaxLength);
        (WorkItemId, FromBranchId, ToBranchId, ByStaffId, At, Reason) = (workItemId, fromBranchId, toBranchId, byStaffId, at, r);
    }

    public long Id { get; private set; }
    public long WorkItemId { get; private set; }
    public int FromBranchId { get; private set; }
    public int ToBranchId { get; private set; }
    /// <summary>Null for moves the routing rule made by itself (overflow).</summary>
    public int? ByStaffId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Reason { get; private set; }

    public static WorkItemMove Automatic(long workItemId, int fromBranchId, int toBranchId, DateTimeOffset at, string reason)
    {
        var m = new WorkItemMove(workItemId, fromBranchId, toBranchId, 0, at, reason) { ByStaffId = null };
        return m;
    }
}
