using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data;

/// <summary>The embedded default provider. Owns the migrations in Migrations/Sqlite.</summary>
public sealed class SqliteWorkbenchDbContext(DbContextOptions<SqliteWorkbenchDbContext> options) : WorkbenchDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no DateTimeOffset type: as TEXT it can neither compare nor ORDER BY it (docs/adr/0002).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<SortableDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<SortableDateTimeOffsetConverter>();
    }
}
