using System.Globalization;
using HanoiWorkbench.Core.Audit;
using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace HanoiWorkbench.Data.Audit;

/// <summary>
/// How <see cref="WorkbenchDbContext.SaveChangesAsync(bool, CancellationToken)"/> writes the audit: the changes of audited
/// entities become entries (before / after of the changed properties, personal data and secrets left out), the other changes are
/// saved first, then the head row is locked, the new entries are sealed in order after it and inserted with the head moved on in
/// one batch — all in the caller's transaction, or in one of its own. The head is the last lock taken, after the rows changed.
/// </summary>
internal static class AuditAppender
{
    /// <summary>The entities whose every change is audited, by the name the entries carry.</summary>
    private static readonly HashSet<Type> Audited =
    [
        typeof(Application), typeof(Ticket), typeof(StaffMoveRecord), typeof(StaffPeriodRecord), typeof(Staff), typeof(Counter),
        typeof(Branch), typeof(Procedure), typeof(ServiceGroup), typeof(CalendarEntry), typeof(HolidayDefinition), typeof(Rating),
        typeof(Core.Pool.PoolPolicy), typeof(Core.Pool.WorkItem), typeof(Core.Pool.WorkItemMove), typeof(WorkbenchUser),
        typeof(Core.Monitoring.BranchTarget), typeof(ProcedureField), typeof(Area),
    ];

    // Never copied into the audit: citizens' personal data (Decree 13/2023) and sign-in secrets.
    private static readonly HashSet<string> Withheld = new(StringComparer.Ordinal)
    {
        "CitizenId", "Phone", "Address", "FullName", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedEmail",
        "NormalizedUserName", "PhoneNumber", "SearchName", "SearchText",
    };

    public static async Task<int> SaveAsync(WorkbenchDbContext db, Func<CancellationToken, Task<int>> save, CancellationToken ct)
    {
        var actor = AuditScope.Current;
        var changed = actor is null ? [] : db.ChangeTracker.Entries()
            .Where(e => Audited.Contains(e.Metadata.ClrType) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new Change(e, e.State, Values(e, original: true), Values(e, original: false))).ToList();
        var appended = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && !e.Entity.IsSealed).ToList();
        if (changed.Count == 0 && appended.Count == 0) return await save(ct).ConfigureAwait(false);

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false) : null;
        try
        {
            foreach (var a in appended) a.State = EntityState.Detached;
            var count = await save(ct).ConfigureAwait(false); // ids of added rows are known from here on
            var entries = appended.Select(a => a.Entity).Concat(changed.Select(c => c.ToEntry(actor!))).ToList();
            var head = await AppendAsync(db, entries, ct).ConfigureAwait(false);
            // From the head's lock to the commit is the one stretch every audited write in the city waits for: the sealed
            // entries and the moved head go in one batch, without the savepoint EF would wrap it in (a failure here fails the
            // whole transaction anyway: the chain is never half-moved).
            var savepoints = db.Database.AutoSavepointsEnabled;
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                count += await save(ct).ConfigureAwait(false);
            }
            finally
            {
                db.Database.AutoSavepointsEnabled = savepoints;
                if (head is not null) head.State = EntityState.Detached;
            }
            if (own is not null) await own.CommitAsync(ct).ConfigureAwait(false);
            return count;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Locks and reads the head (held to commit), seals the entries after it, adds them and the head moved on to the context:
    /// the caller's next save writes them in one batch. Returns the head's entry (detached again after that save).
    /// </summary>
    private static async Task<EntityEntry<AuditHead>?> AppendAsync(WorkbenchDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return null;
        // A head left tracked by an earlier save of this context may be stale: always start from the locked row.
        foreach (var stale in db.ChangeTracker.Entries<AuditHead>().ToList()) stale.State = EntityState.Detached;
        var head = await LockHeadAsync(db, ct).ConfigureAwait(false);
        var (sequence, hash) = (head.LastSequence, head.LastHash);
        foreach (var e in entries)
        {
            e.Seal(++sequence, hash);
            hash = e.Hash;
            db.AuditEntries.Add(e);
        }
        var moved = db.Attach(head);
        moved.Property(h => h.LastSequence).CurrentValue = sequence;
        moved.Property(h => h.LastHash).CurrentValue = hash;
        return moved;
    }

    /// <summary>
    /// The head row, locked by this transaction until it ends. PostgreSQL and SQL Server lock and read it in one statement
    /// (<c>FOR UPDATE</c>, <c>UPDLOCK</c>); SQLite takes its write lock with a no-op update, then reads.
    /// </summary>
    private static async Task<AuditHead> LockHeadAsync(WorkbenchDbContext db, CancellationToken ct)
    {
        var heads = db.Set<AuditHead>();
        List<AuditHead> rows;
        if (db.Database.IsSqlite())
        {
            await heads.Where(h => h.Id == AuditHead.RowId)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence), ct).ConfigureAwait(false);
            rows = await heads.AsNoTracking().Where(h => h.Id == AuditHead.RowId).ToListAsync(ct).ConfigureAwait(false);
        }
        else
        {
            var sql = db.Database.IsNpgsql()
                ? "SELECT * FROM \"AuditHead\" WHERE \"Id\" = {0} FOR UPDATE"
                : "SELECT * FROM [AuditHead] WITH (UPDLOCK, ROWLOCK) WHERE [Id] = {0}";
            rows = await heads.FromSqlRaw(sql, AuditHead.RowId).AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        }
        return rows.Count == 1 ? rows[0] : throw new InvalidOperationException("The audit head row is missing: the database was not migrated.");
    }

    private static Dictionary<string, object?> Values(EntityEntry e, bool original) =>
        e.Properties.Where(p => !Withheld.Contains(p.Metadata.Name) && !p.Metadata.IsShadowProperty()
                && (e.State != EntityState.Modified || p.IsModified))
            .Where(_ => original ? e.State != EntityState.Added : e.State != EntityState.Deleted)
            .ToDictionary(p => p.Metadata.Name, p => original ? p.OriginalValue : p.CurrentValue);

    private sealed record Change(EntityEntry Entry, EntityState State, Dictionary<string, object?> Before, Dictionary<string, object?> After)
    {
        public AuditEntry ToEntry(AuditActor actor)
        {
            var key = string.Join(",", Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(Entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
            var verb = State switch { EntityState.Added => "Thêm", EntityState.Deleted => "Xóa", _ => "Sửa" };
            var after = State == EntityState.Added ? Values(Entry, original: false) : After;
            return new AuditEntry(actor.Clock.GetUtcNow(), actor.UserName, actor.StaffId, $"{verb} {Entry.Metadata.ClrType.Name}", Entry.Metadata.ClrType.Name, key,
                before: AuditChain.Values(Before), after: AuditChain.Values(after));
        }
    }
}
