using HanoiWorkbench.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HanoiWorkbench.EndToEnd.ScaleOut;

/// <summary>
/// Three workbench processes, A, B and C, on one throwaway PostgreSQL database (on the server of
/// <c>WORKBENCH_TEST_POSTGRES</c>, which test.sh starts) and one redis-server. Each runs under a user profile of its own,
/// so the only data-protection keys they share are the database's. The database is dropped at the end.
/// </summary>
public sealed class PostgresCluster : InstanceCluster
{
    public const string ServerVariable = "WORKBENCH_TEST_POSTGRES";

    private readonly TempFolder _homes = new("scaleout-homes");
    private readonly string _database = "hw_scaleout_" + Guid.NewGuid().ToString("N");

    public WorkbenchProcess A { get; private set; } = default!;
    public WorkbenchProcess B { get; private set; } = default!;
    public WorkbenchProcess C { get; private set; } = default!;

    public string ConnectionString { get; private set; } = "";

    public IDbContextFactory<WorkbenchDbContext> Contexts { get; private set; } = default!;

    /// <summary>What an instance in the test process uses to reach the same database and Redis.</summary>
    public WorkbenchProcessOptions Shared => new("Postgres", ConnectionString, Redis.ConnectionString);

    public string HomeOf(string name) => _homes.PathOf(name);

    private static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server
        : throw new InvalidOperationException($"The three-instance tests need a PostgreSQL server: set {ServerVariable}, e.g. " +
            "\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\" (test.sh starts a throwaway cluster and sets it).");

    protected override async Task StartInstancesAsync()
    {
        await AdminAsync($"CREATE DATABASE \"{_database}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'vi-VN' LOCALE 'C.UTF-8'");
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _database }.ConnectionString;
        Contexts = new WorkbenchDbContextFactory(new DatabaseSettings(DatabaseProvider.Postgres, ConnectionString));
        A = await StartInstanceAsync("A", Shared with { Home = Directory.CreateDirectory(HomeOf("A")).FullName });
        B = await StartInstanceAsync("B", Shared with { Home = Directory.CreateDirectory(HomeOf("B")).FullName });
        C = await StartInstanceAsync("C", Shared with { Home = Directory.CreateDirectory(HomeOf("C")).FullName });
    }

    protected override async ValueTask DisposeDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (ConnectionString.Length > 0) await AdminAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        _homes.Dispose();
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
