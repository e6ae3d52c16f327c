using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HanoiWorkbench.Data.Tests;

public sealed class ProviderMigrations
{
    private static WorkbenchDbContext Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteDesignTimeFactory().CreateDbContext([]),
        DatabaseProvider.Postgres => new PostgresDesignTimeFactory().CreateDbContext([]),
        _ => new SqlServerDesignTimeFactory().CreateDbContext([]),
    };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.Postgres)]
    public void The_checked_in_migrations_match_the_model(DatabaseProvider provider)
    {
        using var db = Create(provider);
        Assert.False(db.Database.HasPendingModelChanges(), $"Add a {provider} migration (docs/adr/0001-two-providers.md).");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Each_migration_set_scripts_to_sql_that_creates_the_applications_table(DatabaseProvider provider)
    {
        using var db = Create(provider);
        var script = db.GetService<IMigrator>().GenerateScript();
        Assert.False(string.IsNullOrWhiteSpace(script));
        Assert.Matches(@"CREATE TABLE \W?Applications\W", script);
        Assert.Contains("DailySequences", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_factory_creates_the_subclass_of_the_configured_provider()
    {
        using var sqlite = new WorkbenchDbContextFactory(DatabaseSettings.ForSqlite("Data Source=:memory:", Path.GetTempPath())).CreateDbContext();
        using var sqlServer = new WorkbenchDbContextFactory(new DatabaseSettings(DatabaseProvider.SqlServer, SqlServerDesignTimeFactory.DummyConnectionString)).CreateDbContext();
        Assert.IsType<SqliteWorkbenchDbContext>(sqlite);
        using var postgres = new WorkbenchDbContextFactory(new DatabaseSettings(DatabaseProvider.Postgres, PostgresDesignTimeFactory.DummyConnectionString)).CreateDbContext();
        Assert.IsType<SqlServerWorkbenchDbContext>(sqlServer);
        Assert.True(sqlServer.Database.IsSqlServer());
        Assert.IsType<PostgresWorkbenchDbContext>(postgres);
        Assert.True(postgres.Database.IsNpgsql());
    }
}
