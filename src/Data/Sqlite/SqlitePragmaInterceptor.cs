using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HanoiWorkbench.Data;

/// <summary>
/// WAL lets the lobby displays read while a clerk writes; the busy timeout makes a writer wait for the lock
/// instead of failing at once when two clerks save at the same moment. <c>synchronous=FULL</c>: each commit is on disk
/// before the receipt is printed, so a power cut never takes back a code a citizen holds on paper (NORMAL in WAL mode may
/// lose the last commits); its cost is measured in docs/benchmarks.md ("SQLite durability").
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    internal const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

    // EF opens and closes the connection around every query; the SQLite handle underneath comes from the pool and keeps
    // its settings, so each handle is configured once rather than before every query.
    private static readonly ConditionalWeakTable<object, object> Configured = new();

    private static bool NeedsPragmas(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection)) return;
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
