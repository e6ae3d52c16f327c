using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace HanoiWorkbench.Data;

/// <summary>
/// Hands out daily numbers (application codes, ticket numbers). One statement per number, so two clerks on two
/// servers can never get the same one: the database, not the application, serialises them.
/// </summary>
public sealed class SequenceAllocator(IDbContextFactory<WorkbenchDbContext> contexts)
{
    private const string SqliteNext =
        "INSERT INTO DailySequences (Scope, Day, Value) VALUES (@scope, @day, 1) " +
        "ON CONFLICT(Scope, Day) DO UPDATE SET Value = Value + 1 RETURNING Value;";

    private const string SqlServerNext =
        "MERGE DailySequences WITH (HOLDLOCK) AS t " +
        "USING (SELECT @scope AS Scope, @day AS Day) AS s ON t.Scope = s.Scope AND t.Day = s.Day " +
        "WHEN MATCHED THEN UPDATE SET Value = t.Value + 1 " +
        "WHEN NOT MATCHED THEN INSERT (Scope, Day, Value) VALUES (s.Scope, s.Day, 1) " +
        "OUTPUT inserted.Value;";

    private const string PostgresNext =
        "INSERT INTO \"DailySequences\" (\"Scope\", \"Day\", \"Value\") VALUES (@scope, @day, 1) " +
        "ON CONFLICT (\"Scope\", \"Day\") DO UPDATE SET \"Value\" = \"DailySequences\".\"Value\" + 1 RETURNING \"Value\";";

    /// <summary>Scope of application codes: the receiving agency id.</summary>
    public static string ApplicationScope(string agencyId) => agencyId;

    /// <summary>Scope of queue tickets: one sequence per branch and service group.</summary>
    public static string TicketScope(int branchId, int serviceGroupId) =>
        string.Create(CultureInfo.InvariantCulture, $"ticket:{branchId}:{serviceGroupId}");

    /// <summary>The next number for the scope and day, starting at 1, in its own context and transaction.</summary>
    public async Task<int> NextAsync(string scope, DateOnly day, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return await NextAsync(db, scope, day, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next number, on the caller's context (and inside its transaction, if one is open).</summary>
    public static async Task<int> NextAsync(WorkbenchDbContext db, string scope, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        var isSqlite = db.Database.IsSqlite();
        var isPostgres = db.Database.IsNpgsql();
        var connection = db.Database.GetDbConnection();
        var mustClose = connection.State != ConnectionState.Open;
        if (mustClose) await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = isSqlite ? SqliteNext : isPostgres ? PostgresNext : SqlServerNext;
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                AddParameter(command, "@scope", DbType.String, scope);
                if (isSqlite) AddParameter(command, "@day", DbType.String, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                else if (isPostgres) AddParameter(command, "@day", DbType.Date, day);
                else AddParameter(command, "@day", DbType.Date, day.ToDateTime(TimeOnly.MinValue));
                var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return Convert.ToInt32(result, CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            if (mustClose) await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static void AddParameter(DbCommand command, string name, DbType type, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
