using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HanoiWorkbench.Data;

/// <summary>What may be logged of a database error: its engine's code, never its message (which can quote a row's values).</summary>
public static class DatabaseErrors
{
    /// <summary>The innermost database error's code (PostgreSQL SQLSTATE, SQLite result code, SQL Server number), or "".</summary>
    public static string CodeOf(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg: return pg.SqlState;
                case SqliteException sqlite: return "SQLITE_" + sqlite.SqliteErrorCode.ToString(CultureInfo.InvariantCulture);
                case Microsoft.Data.SqlClient.SqlException sql: return "SQL" + sql.Number.ToString(CultureInfo.InvariantCulture);
                case DbException db: return db.SqlState ?? db.ErrorCode.ToString(CultureInfo.InvariantCulture);
            }
        }
        return "";
    }

    /// <summary>True when a unique index or primary key refused the write (PostgreSQL 23505, SQLite's UNIQUE / PRIMARY KEY, SQL Server 2601 / 2627).</summary>
    public static bool IsUniqueViolation(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg: return pg.SqlState == PostgresErrorCodes.UniqueViolation;
                case SqliteException sqlite: return sqlite.SqliteExtendedErrorCode is 2067 or 1555;
                case Microsoft.Data.SqlClient.SqlException sql: return sql.Number is 2601 or 2627;
            }
        }
        return false;
    }

    /// <summary>
    /// True when the database itself could not do the work (unreachable, busy, timed out, connection lost), as opposed to
    /// refusing this one write (a constraint): the first kind is worth waiting out, the second is the request's own.
    /// </summary>
    public static bool IsUnavailable(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or NpgsqlException { IsTransient: true } or SqliteException { SqliteErrorCode: 5 or 6 }) return true;
            if (e is DbException { IsTransient: true }) return true;
        }
        return error is not Microsoft.EntityFrameworkCore.DbUpdateException and (DbException or InvalidOperationException);
    }
}
