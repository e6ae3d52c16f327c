using HanoiWorkbench.Core.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data;

/// <summary>The one model, shared by the three providers. Provider-specific subclasses carry their own migrations (and type conventions).</summary>
public class WorkbenchDbContext(DbContextOptions options) : IdentityDbContext<WorkbenchUser>(options), IDataProtectionKeyContext
{
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Branch> Branches => Set<Branch>();
    public DbSet<ServiceGroup> ServiceGroups => Set<ServiceGroup>();
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<ProcedureField> ProcedureFields => Set<ProcedureField>();
    public DbSet<Procedure> Procedures => Set<Procedure>();
    public DbSet<Staff> Staff => Set<Staff>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ApplicationStep> ApplicationSteps => Set<ApplicationStep>();
    public DbSet<Core.Reception.ReceptionDecision> ReceptionDecisions => Set<Core.Reception.ReceptionDecision>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<CalendarEntry> CalendarEntries => Set<CalendarEntry>();
    public DbSet<HolidayDefinition> HolidayDefinitions => Set<HolidayDefinition>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DailySequence> DailySequences => Set<DailySequence>();
    public DbSet<Core.Pool.WorkItem> WorkItems => Set<Core.Pool.WorkItem>();
    public DbSet<Core.Pool.WorkItemMove> WorkItemMoves => Set<Core.Pool.WorkItemMove>();
    public DbSet<Core.Pool.PoolPolicy> PoolPolicies => Set<Core.Pool.PoolPolicy>();
    public DbSet<Pool.IntakeRequest> IntakeRequests => Set<Pool.IntakeRequest>();
    public DbSet<StaffPeriodRecord> StaffPeriods => Set<StaffPeriodRecord>();
    public DbSet<StaffMoveRecord> StaffMoves => Set<StaffMoveRecord>();
    public DbSet<Core.Monitoring.BranchTarget> BranchTargets => Set<Core.Monitoring.BranchTarget>();
    public DbSet<Audit.AuditHead> AuditHeads => Set<Audit.AuditHead>();
    public DbSet<Core.Reports.CityReport> CityReports => Set<Core.Reports.CityReport>();
    public DbSet<Core.Monitoring.Alert> Alerts => Set<Core.Monitoring.Alert>();

    /// <summary>ASP.NET Core's data-protection key ring (cookies, antiforgery), shared by every instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Every save goes through the audit chain (<see cref="Audit.AuditAppender"/>): entries added are sealed in order.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        Audit.AuditAppender.SaveAsync(this, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);

    /// <summary>
    /// The synchronous save serves only ASP.NET Core's key repository, which stores a new data-protection key that way
    /// (keys are not audited); anything else needs the asynchronous one, which appends the audit chain.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries().All(e => e.State == EntityState.Unchanged || e.Entity is DataProtectionKey)
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new NotSupportedException("Use SaveChangesAsync: the audit chain is appended asynchronously.");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WorkbenchDbContext).Assembly);
        Search.SearchColumns.Configure(builder, Database);
    }
}
