using Microsoft.EntityFrameworkCore.Design;

namespace HanoiWorkbench.Data;

/// <summary>Lets dotnet-ef build the SQLite model without the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWorkbenchDbContext>
{
    public SqliteWorkbenchDbContext CreateDbContext(string[] args) =>
        new(WorkbenchDbContextFactory.SqliteOptions("Data Source=design-time.db"));
}

/// <summary>Lets dotnet-ef build the SQL Server model; migrations need no server, so the connection string is a dummy.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerWorkbenchDbContext>
{
    public const string DummyConnectionString = "Server=(local);Database=HanoiWorkbench;Trusted_Connection=True;TrustServerCertificate=True";

    public SqlServerWorkbenchDbContext CreateDbContext(string[] args) =>
        new(WorkbenchDbContextFactory.SqlServerOptions(DummyConnectionString));
}

/// <summary>Lets dotnet-ef build the PostgreSQL model; migrations need no server, so the connection string is a dummy.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWorkbenchDbContext>
{
    public const string DummyConnectionString = "Host=localhost;Database=hanoi_workbench;Username=workbench";

    public PostgresWorkbenchDbContext CreateDbContext(string[] args) =>
        new(WorkbenchDbContextFactory.PostgresOptions(DummyConnectionString));
}
