using Microsoft.Data.Sqlite;
using Npgsql;

[assembly: AssemblyFixture(typeof(HanoiWorkbench.Data.Tests.TestRunCleanup))]

namespace HanoiWorkbench.Data.Tests;

/// <summary>
/// A real database of the provider under test (<see cref="TestProvider"/>), deleted afterwards: a SQLite file in its
/// own temp folder, or a fresh PostgreSQL database <c>hw_&lt;guid&gt;</c> on the server of <c>WORKBENCH_TEST_POSTGRES</c>.
/// </summary>
internal sealed class TempDatabase : IAsyncDisposable
{
    private readonly TempFolder? _folder;

    private TempDatabase(DatabaseSettings settings, TempFolder? folder)
    {
        _folder = folder;
        Settings = settings;
        Factory = new WorkbenchDbContextFactory(Settings);
    }

    public DatabaseSettings Settings { get; }
    private string DatabaseName => new NpgsqlConnectionStringBuilder(Settings.ConnectionString).Database!;
    public WorkbenchDbContextFactory Factory { get; }

    /// <summary>An empty database (no tables yet).</summary>
    public static TempDatabase Create() => TestProvider.IsPostgres ? CreatePostgres(template: null) : CreateSqlite();

    /// <summary>Reference data, demo staff and demo accounts: what <c>seed --demo</c> writes; on PostgreSQL a copy of one seeded template.</summary>
    public static async Task<TempDatabase> SeededAsync()
    {
        if (TestProvider.IsPostgres) return CreatePostgres((await SeededTemplate.Value.ConfigureAwait(false)).DatabaseName);
        var db = CreateSqlite();
        await DemoData.SeedAsync(db.Factory, TestContext.Current.CancellationToken);
        return db;
    }

    /// <summary>Reference data only: what every start (production included) writes.</summary>
    public static async Task<TempDatabase> ReferenceOnlyAsync()
    {
        var db = Create();
        await DatabaseInitializer.InitializeAsync(db.Factory, TestContext.Current.CancellationToken);
        return db;
    }

    private static TempDatabase CreateSqlite()
    {
        var folder = new TempFolder("data");
        return new TempDatabase(DatabaseSettings.ForSqlite("Data Source=workbench.db", folder.FullPath), folder);
    }

    // Migrating and seeding takes seconds on PostgreSQL; copying a template database takes a fraction of one.
    private static readonly Lazy<Task<TempDatabase>> SeededTemplate = new(async () =>
    {
        var template = CreatePostgres(template: null);
        await DemoData.SeedAsync(template.Factory, CancellationToken.None).ConfigureAwait(false);
        NpgsqlConnection.ClearPool(new NpgsqlConnection(template.Settings.ConnectionString));
        return template;
    });

    /// <summary>Drops the seeded template, if one was made (at the end of the test run: <see cref="TestRunCleanup"/>).</summary>
    internal static async ValueTask DropTemplateAsync()
    {
        if (SeededTemplate.IsValueCreated) await (await SeededTemplate.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
    }

    private static TempDatabase CreatePostgres(string? template)
    {
        var name = "hw_" + Guid.NewGuid().ToString("N");
        // Vietnamese collation, as on the center's server: its text order skips spaces and punctuation, which the
        // search's prefix ranges must not depend on (SearchColumns pins those columns to "C").
        Admin(template is null
            ? $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'vi-VN' LOCALE 'C.UTF-8'"
            : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        var builder = new NpgsqlConnectionStringBuilder(TestProvider.PostgresServer) { Database = name };
        return new TempDatabase(new DatabaseSettings(DatabaseProvider.Postgres, builder.ConnectionString), folder: null);
    }

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(TestProvider.PostgresServer);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public ValueTask DisposeAsync()
    {
        if (_folder is null)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(Settings.ConnectionString));
            Admin($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
            return ValueTask.CompletedTask;
        }
        return _folder.DisposeAsync();
    }
}

/// <summary>Runs once after every test of the assembly: drops the PostgreSQL template database.</summary>
public sealed class TestRunCleanup : IAsyncDisposable
{
    public ValueTask DisposeAsync() => TempDatabase.DropTemplateAsync();
}
