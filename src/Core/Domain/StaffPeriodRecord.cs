using HanoiWorkbench.Core.Staffing;

namespace HanoiWorkbench.Core.Domain;

/// <summary>
/// An absence or a lend to another branch, as a manager recorded it. The background job marks when it took effect and
/// when it ended; a period not yet begun can be cancelled, one that has begun runs to its end by itself.
/// </summary>
public sealed class StaffPeriodRecord
{
    public const int ReasonMaxLength = StaffMoveRules.ReasonMaxLength;

    private StaffPeriodRecord() { Reason = ""; }

    /// <summary>Checked by <see cref="StaffMoveRules.CheckPeriod"/> first; this only refuses what no caller may store.</summary>
    public StaffPeriodRecord(int staffId, StaffPeriodKind kind, DateTimeOffset from, DateTimeOffset to, int? toBranchId, string reason,
        int recordedByStaffId, DateTimeOffset recordedAt)
    {
        if (to <= from) throw new DomainException("Thời điểm kết thúc phải sau thời điểm bắt đầu.");
        if ((kind == StaffPeriodKind.Lend) != toBranchId.HasValue)
            throw new DomainException("Chỉ đợt biệt phái mới có chi nhánh nhận, và đợt biệt phái phải có chi nhánh nhận.");
        StaffId = staffId;
        Kind = kind;
        From = from;
        To = to;
        ToBranchId = toBranchId;
        Reason = Guard.RequiredText(reason, "Lý do", ReasonMaxLength);
        RecordedByStaffId = recordedByStaffId;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }
    public int StaffId { get; private set; }
    public StaffPeriodKind Kind { get; private set; }
    public DateTimeOffset From { get; private set; }
    public DateTimeOffset To { get; private set; }
    /// <summary>The receiving branch of a lend.</summary>
    public int? ToBranchId { get; private set; }
    public string Reason { get; private set; }
    public int RecordedByStaffId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    /// <summary>When the person actually left (their counter or branch): later than <see cref="From"/> if they were serving.</summary>
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public int? CancelledByStaffId { get; private set; }

    /// <summary>Not cancelled: it counts for overlaps and for where the person is.</summary>
    public bool IsCounted => CancelledAt is null;

    public StaffPeriod ToRule() => new(Kind, From, To, ToBranchId);

    public bool CanCancel(DateTimeOffset now) => CancelledAt is null && StartedAt is null && From > now;

    public void Cancel(int byStaffId, DateTimeOffset at)
    {
        if (CancelledAt is not null) throw new DomainException("Đợt này đã được huỷ.");
        if (!CanCancel(at)) throw new DomainException("Đợt này đã bắt đầu: không thể huỷ, đợt sẽ tự kết thúc đúng hạn.");
        CancelledAt = at;
        CancelledByStaffId = byStaffId;
    }

    public void MarkStarted(DateTimeOffset at)
    {
        if (CancelledAt is not null || StartedAt is not null) throw new DomainException("Đợt này đã bắt đầu hoặc đã bị huỷ.");
        StartedAt = at;
    }

    public void MarkEnded(DateTimeOffset at)
    {
        if (CancelledAt is not null || EndedAt is not null) throw new DomainException("Đợt này đã kết thúc hoặc đã bị huỷ.");
        EndedAt = at;
    }
}
