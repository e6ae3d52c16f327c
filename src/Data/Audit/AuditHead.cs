namespace HanoiWorkbench.Data.Audit;

/// <summary>
/// The one row at the head of the audit chain: the last sequence number and hash. Every append updates it first, so appends
/// are serialised by the database's row (or, on SQLite, write) lock: two concurrent appends cannot both follow the same entry.
/// </summary>
public sealed class AuditHead
{
    public const int RowId = 1;
    public int Id { get; set; } = RowId;
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = Core.Audit.AuditChain.Genesis;
}
