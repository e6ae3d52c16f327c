using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HanoiWorkbench.Data;

/// <summary>One context per operation (Blazor Server guidance), of the subclass that owns the provider's migrations.</summary>
public sealed class WorkbenchDbContextFactory : IDbContextFactory<WorkbenchDbContext>
{
    private readonly Func<WorkbenchDbContext> _create;

    public WorkbenchDbContextFactory(DatabaseSettings settings) : this(settings, []) { }

    /// <summary>With extra interceptors on every context (tests inject database faults this way).</summary>
    public WorkbenchDbContextFactory(DatabaseSettings settings, IReadOnlyList<IInterceptor> interceptors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(interceptors);
        Settings = settings;
        var connectionString = settings.ConnectionString;
        _create = settings.Provider switch
        {
            DatabaseProvider.SqlServer => Bind(SqlServerOptions(connectionString, interceptors), o => new SqlServerWorkbenchDbContext(o)),
            DatabaseProvider.Postgres => Bind(PostgresOptions(connectionString, interceptors), o => new PostgresWorkbenchDbContext(o)),
            _ => Bind(SqliteOptions(connectionString, interceptors), o => new SqliteWorkbenchDbContext(o)),
        };
    }

    public DatabaseSettings Settings { get; }

    public WorkbenchDbContext CreateDbContext() => _create();

    private static Func<WorkbenchDbContext> Bind<TOptions>(TOptions options, Func<TOptions, WorkbenchDbContext> create) =>
        () => create(options);

    public static DbContextOptions<SqliteWorkbenchDbContext> SqliteOptions(string connectionString, IReadOnlyList<IInterceptor>? interceptors = null) =>
        new DbContextOptionsBuilder<SqliteWorkbenchDbContext>()
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmaInterceptor())
            .AddInterceptors(interceptors ?? [])
            .Options;

    public static DbContextOptions<SqlServerWorkbenchDbContext> SqlServerOptions(string connectionString, IReadOnlyList<IInterceptor>? interceptors = null) =>
        new DbContextOptionsBuilder<SqlServerWorkbenchDbContext>()
            .UseSqlServer(connectionString)
            .AddInterceptors(interceptors ?? [])
            .Options;

    public static DbContextOptions<PostgresWorkbenchDbContext> PostgresOptions(string connectionString, IReadOnlyList<IInterceptor>? interceptors = null) =>
        new DbContextOptionsBuilder<PostgresWorkbenchDbContext>()
            .UseNpgsql(connectionString)
            .AddInterceptors(interceptors ?? [])
            .Options;
}
