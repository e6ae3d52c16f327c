using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data;

/// <summary>One context per operation (Blazor Server guidance), of the subclass that owns the provider's migrations.</summary>
public sealed class WorkbenchDbContextFactory : IDbContextFactory<WorkbenchDbContext>
{
    private readonly DbContextOptions<SqliteWorkbenchDbContext>? _sqlite;
    private readonly DbContextOptions<SqlServerWorkbenchDbContext>? _sqlServer;

    public WorkbenchDbContextFactory(DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        if (settings.Provider == DatabaseProvider.SqlServer) _sqlServer = SqlServerOptions(settings.ConnectionString);
        else _sqlite = SqliteOptions(settings.ConnectionString);
    }

    public DatabaseSettings Settings { get; }

    public WorkbenchDbContext CreateDbContext() =>
        _sqlite is not null ? new SqliteWorkbenchDbContext(_sqlite) : new SqlServerWorkbenchDbContext(_sqlServer!);

    public static DbContextOptions<SqliteWorkbenchDbContext> SqliteOptions(string connectionString) =>
        new DbContextOptionsBuilder<SqliteWorkbenchDbContext>()
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmaInterceptor())
            .Options;

    public static DbContextOptions<SqlServerWorkbenchDbContext> SqlServerOptions(string connectionString) =>
        new DbContextOptionsBuilder<SqlServerWorkbenchDbContext>()
            .UseSqlServer(connectionString)
            .Options;
}
