namespace HanoiWorkbench.Core.Domain;

/// <summary>Who did what to which record, when: kept for every administrative change.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { UserName = Action = EntityType = EntityId = ""; }

    public AuditEntry(DateTimeOffset at, string userName, int? staffId, string action, string entityType, string entityId, string? details = null)
    {
        At = at;
        UserName = userName;
        StaffId = staffId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Details = details;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string UserName { get; private set; }
    public int? StaffId { get; private set; }
    public string Action { get; private set; }
    public string EntityType { get; private set; }
    public string EntityId { get; private set; }
    public string? Details { get; private set; }
}
