using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data;

/// <summary>The production provider. Owns the migrations in Migrations/SqlServer.</summary>
public sealed class SqlServerWorkbenchDbContext(DbContextOptions<SqlServerWorkbenchDbContext> options) : WorkbenchDbContext(options);
