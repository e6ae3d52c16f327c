using Npgsql;

namespace HanoiWorkbench.Data.Tests;

/// <summary>
/// Which engine the Data tests run on: <c>WORKBENCH_TEST_PROVIDER=Postgres</c> runs every test on PostgreSQL, on the
/// server named by <c>WORKBENCH_TEST_POSTGRES</c> (test.sh starts a throwaway cluster and sets both); otherwise SQLite.
/// </summary>
internal static class TestProvider
{
    public const string ProviderVariable = "WORKBENCH_TEST_PROVIDER";
    public const string PostgresVariable = "WORKBENCH_TEST_POSTGRES";

    public static bool IsPostgres { get; } = string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "Postgres", StringComparison.OrdinalIgnoreCase);

    public static string? PostgresServerOrNull => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static string PostgresServer => PostgresServerOrNull
        ?? throw new InvalidOperationException($"{ProviderVariable}=Postgres needs {PostgresVariable}, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres\".");
}

public sealed class PostgresRun
{
    [Fact]
    public async Task The_data_tests_run_on_postgres_or_say_that_they_did_not()
    {
        if (TestProvider.PostgresServerOrNull is null)
            Assert.Skip($"PostgreSQL run SKIPPED: {TestProvider.PostgresVariable} is unset, so the Data tests ran on SQLite only. " +
                $"Set it and {TestProvider.ProviderVariable}=Postgres (test.sh starts a throwaway cluster and does both).");
        await using var connection = new NpgsqlConnection(TestProvider.PostgresServer);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        Assert.True(connection.PostgreSqlVersion.Major >= 13, "DROP DATABASE … WITH (FORCE) needs PostgreSQL 13 or later.");
        if (!TestProvider.IsPostgres) return;
        await using var temp = await TempDatabase.SeededAsync();
        await using var db = temp.Factory.CreateDbContext();
        Assert.IsType<PostgresWorkbenchDbContext>(db);
    }
}
