using HanoiWorkbench.Core.Audit;

namespace HanoiWorkbench.Core.Domain;

/// <summary>
/// Who did what to which record, when, with the values before and after: one link of the tamper-evident chain
/// (<see cref="AuditChain"/>). An entry is written once, sealed with its place in the chain and never changed.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { UserName = Action = EntityType = EntityId = PreviousHash = Hash = ""; }

    public AuditEntry(DateTimeOffset at, string userName, int? staffId, string action, string entityType, string entityId, string? details = null,
        string? before = null, string? after = null)
    {
        // Whole milliseconds: what every provider stores exactly (SQLite's sortable encoding keeps 100 µs), so the hash reads back the same.
        At = new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, at.Offset);
        UserName = AuditChain.Fit(userName, UserNameMaxLength);
        StaffId = staffId;
        Action = AuditChain.Fit(action, ActionMaxLength);
        EntityType = AuditChain.Fit(entityType, EntityTypeMaxLength);
        EntityId = AuditChain.Fit(entityId, EntityIdMaxLength);
        Details = details is null ? null : AuditChain.Fit(details, TextMaxLength);
        Before = before is null ? null : AuditChain.Fit(before, TextMaxLength);
        After = after is null ? null : AuditChain.Fit(after, TextMaxLength);
        PreviousHash = Hash = "";
    }

    public const int UserNameMaxLength = 256, ActionMaxLength = 100, EntityTypeMaxLength = 100, EntityIdMaxLength = 100, TextMaxLength = 4000;

    public long Id { get; private set; }
    /// <summary>The place in the chain, 1, 2, 3…; entries written before the chain existed carry a negative number and no hash.</summary>
    public long Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string UserName { get; private set; }
    public int? StaffId { get; private set; }
    public string Action { get; private set; }
    public string EntityType { get; private set; }
    public string EntityId { get; private set; }
    public string? Details { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string PreviousHash { get; private set; }
    /// <summary>SHA-256 of the canonical serialisation of this entry and <see cref="PreviousHash"/>; empty until sealed.</summary>
    public string Hash { get; private set; }

    public bool IsSealed => Hash.Length > 0;

    /// <summary>Takes the next place in the chain after the entry whose hash is <paramref name="previousHash"/>.</summary>
    public void Seal(long sequence, string previousHash)
    {
        if (IsSealed) throw new DomainException("Mục nhật ký đã được niêm phong, không thể thay đổi.");
        if (sequence < 1) throw new DomainException("Số thứ tự trong chuỗi nhật ký phải lớn hơn 0.");
        Sequence = sequence;
        PreviousHash = previousHash ?? throw new ArgumentNullException(nameof(previousHash));
        Hash = AuditChain.HashOf(this);
    }
}
