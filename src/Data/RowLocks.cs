using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data;

/// <summary>
/// The first step of a claim on a server engine: lock the chosen row unless another transaction holds it, without waiting.
/// Under MVCC a second claimer's conditional UPDATE on a row being claimed waits for the first to commit and then finds it
/// changed; with many counters racing for the head of one queue that is a convoy (each loser waits out a winner, reads again
/// and races for the next head). Skipping a locked row sends the loser at once to its next choice instead.
/// PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>; SQL Server: <c>WITH (UPDLOCK, ROWLOCK, READPAST)</c>; SQLite has one writer at
/// a time, so nobody else can hold the row and the conditional update alone decides (docs/adr/0011).
/// </summary>
internal static class RowLocks
{
    /// <summary>
    /// In the caller's transaction: true when the row of <typeparamref name="T"/> with key <paramref name="id"/> is now locked
    /// by this transaction (or the provider serialises writers), false at once when another transaction holds it or it is gone.
    /// The lock is held to commit or rollback; the claim's conditional update still checks the row's state and version.
    /// </summary>
    public static async Task<bool> TryLockAsync<T>(WorkbenchDbContext db, long id, CancellationToken ct) where T : class
    {
        if (db.Database.IsSqlite()) return true;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A row lock is only held inside a transaction: begin the claim's transaction first.");
        var table = db.Model.FindEntityType(typeof(T))?.GetTableName()
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        var sql = db.Database.IsNpgsql()
            ? $"SELECT 1 AS \"Value\" FROM \"{table}\" WHERE \"Id\" = {{0}} FOR UPDATE SKIP LOCKED"
            : $"SELECT 1 AS [Value] FROM [{table}] WITH (UPDLOCK, ROWLOCK, READPAST) WHERE [Id] = {{0}}";
        var rows = await db.Database.SqlQueryRaw<int>(sql, id).ToListAsync(ct).ConfigureAwait(false);
        return rows.Count == 1;
    }
}
