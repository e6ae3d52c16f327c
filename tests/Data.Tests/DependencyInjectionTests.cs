using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Data.Tests;

public sealed class DataRegistration
{
    [Fact]
    public void Without_configuration_the_app_gets_sqlite_in_data_under_the_content_root()
    {
        var root = Path.Combine(Path.GetTempPath(), "hw-data-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var services = new ServiceCollection()
                .AddWorkbenchData(new ConfigurationBuilder().Build(), root)
                .BuildServiceProvider(validateScopes: true);
            using var scope = services.CreateScope();
            Assert.IsType<SqliteWorkbenchDbContext>(scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>());
            Assert.IsType<WorkbenchDbContextFactory>(services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>());
            Assert.NotNull(services.GetRequiredService<SequenceAllocator>());
            Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
            Assert.Contains(Path.Combine(root, "data", "workbench.db"), services.GetRequiredService<DatabaseSettings>().ConnectionString, StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(root, "data")));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_provider_setting_selects_sql_server()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Workbench"] = SqlServerDesignTimeFactory.DummyConnectionString,
        }).Build();
        var services = new ServiceCollection().AddWorkbenchData(configuration, Path.GetTempPath()).BuildServiceProvider();
        using var db = services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContext();
        Assert.IsType<SqlServerWorkbenchDbContext>(db);
    }

    [Fact]
    public void The_provider_setting_selects_postgres_and_needs_a_connection_string()
    {
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Postgres" };
        var missing = Assert.Throws<InvalidOperationException>(() =>
            DatabaseSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Path.GetTempPath()));
        Assert.Contains("ConnectionStrings:Workbench", missing.Message, StringComparison.Ordinal);

        settings["ConnectionStrings:Workbench"] = PostgresDesignTimeFactory.DummyConnectionString;
        var services = new ServiceCollection().AddWorkbenchData(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Path.GetTempPath()).BuildServiceProvider();
        using var db = services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContext();
        Assert.IsType<PostgresWorkbenchDbContext>(db);
    }

    [Theory]
    [InlineData(new[] { "seed", "--applications", "1000000" }, true, false, 1_000_000)]
    [InlineData(new[] { "seed" }, true, false, 0)]
    [InlineData(new[] { "seed", "--demo" }, true, true, 0)]
    [InlineData(new[] { "seed", "--demo", "--applications", "500" }, true, true, 500)]
    [InlineData(new string[0], false, false, 0)]
    [InlineData(new[] { "--urls", "http://localhost:5000" }, false, false, 0)]
    [InlineData(new[] { "seed", "--applications", "many" }, false, false, 0)]
    [InlineData(new[] { "seed", "--demo=yes" }, false, false, 0)]
    public void The_seed_command_line_is_recognised_and_nothing_else(string[] args, bool recognised, bool demo, int applications)
    {
        Assert.Equal(recognised, SeedCommand.TryParse(args, out var options));
        if (!recognised) return;
        Assert.Equal(applications, options.Applications);
        Assert.Equal(demo, options.Demo);
    }
}
