using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data;

/// <summary>One context per operation (Blazor Server guidance), of the subclass that owns the provider's migrations.</summary>
public sealed class WorkbenchDbContextFactory : IDbContextFactory<WorkbenchDbContext>
{
    private readonly Func<WorkbenchDbContext> _create;

    public WorkbenchDbContextFactory(DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        var connectionString = settings.ConnectionString;
        _create = settings.Provider switch
        {
            DatabaseProvider.SqlServer => Bind(SqlServerOptions(connectionString), o => new SqlServerWorkbenchDbContext(o)),
            DatabaseProvider.Postgres => Bind(PostgresOptions(connectionString), o => new PostgresWorkbenchDbContext(o)),
            _ => Bind(SqliteOptions(connectionString), o => new SqliteWorkbenchDbContext(o)),
        };
    }

    public DatabaseSettings Settings { get; }

    public WorkbenchDbContext CreateDbContext() => _create();

    private static Func<WorkbenchDbContext> Bind<TOptions>(TOptions options, Func<TOptions, WorkbenchDbContext> create) =>
        () => create(options);

    public static DbContextOptions<SqliteWorkbenchDbContext> SqliteOptions(string connectionString) =>
        new DbContextOptionsBuilder<SqliteWorkbenchDbContext>()
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmaInterceptor())
            .Options;

    public static DbContextOptions<SqlServerWorkbenchDbContext> SqlServerOptions(string connectionString) =>
        new DbContextOptionsBuilder<SqlServerWorkbenchDbContext>()
            .UseSqlServer(connectionString)
            .Options;

    public static DbContextOptions<PostgresWorkbenchDbContext> PostgresOptions(string connectionString) =>
        new DbContextOptionsBuilder<PostgresWorkbenchDbContext>()
            .UseNpgsql(connectionString)
            .Options;
}
