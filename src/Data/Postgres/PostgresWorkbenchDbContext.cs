using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data;

/// <summary>The tested server engine. Owns the migrations in Migrations/Postgres (docs/adr/0009).</summary>
public sealed class PostgresWorkbenchDbContext(DbContextOptions<PostgresWorkbenchDbContext> options) : WorkbenchDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // timestamptz stores an instant and Npgsql writes only offset-0 values: store UTC, read back in Hanoi time.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}
