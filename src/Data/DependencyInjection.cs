using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HanoiWorkbench.Data;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the context factory (singleton; use it for one context per operation), a scoped
    /// <see cref="WorkbenchDbContext"/> for the ASP.NET Identity stores, the <see cref="SequenceAllocator"/>, the managers' moves of
    /// people (<see cref="Staffing.StaffMoves"/>, which needs an <c>ILiveEvents</c>, and the job that starts and ends lends) and,
    /// unless one is registered, <see cref="TimeProvider.System"/>.
    /// </summary>
    public static IServiceCollection AddWorkbenchData(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = DatabaseSettings.FromConfiguration(configuration, contentRootPath);
        var factory = new WorkbenchDbContextFactory(settings);
        services.AddSingleton(settings);
        services.AddSingleton(factory);
        services.AddSingleton<IDbContextFactory<WorkbenchDbContext>>(factory);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContext());
        services.AddSingleton<Audit.AuditLog>();
        services.AddSingleton<SequenceAllocator>();
        services.AddSingleton(Calendar.OfficeHours.FromConfiguration(configuration));
        services.AddSingleton<Calendar.CalendarProvider>();
        services.AddSingleton<Board.BranchBoardQueries>();
        services.AddSingleton<Monitoring.CityMapQueries>();
        services.AddSingleton<Monitoring.BranchTargets>();
        services.AddSingleton<Monitoring.CityRecount>();
        services.AddSingleton<Monitoring.CityLiveProjection>();
        services.TryAddSingleton<Pool.PoolPolicyStore>(); // the projection's claim timeout; the pool registers the same
        services.AddSingleton<Staffing.StaffMoves>();
        services.AddSingleton<Staffing.BranchPeopleQueries>();
        services.AddSingleton<Staffing.StaffPeriodMaintenance>();
        services.AddHostedService(sp => sp.GetRequiredService<Staffing.StaffPeriodMaintenance>());
        services.AddSingleton<Reports.ProductivityReportQuery>();
        services.AddSingleton<Privacy.PersonalDataAccess>();
        services.AddSingleton<Privacy.RetentionRun>();
        services.AddSingleton<Reports.ScorecardQuery>();
        services.AddSingleton<Reports.CityReportStore>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
