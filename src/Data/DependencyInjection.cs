using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HanoiWorkbench.Data;

public static class DependencyInjection
{
    /// <summary>
    /// The one registration of the data layer: the context factory (singleton; use it for one context per operation), a scoped
    /// <see cref="WorkbenchDbContext"/> for the ASP.NET Identity stores, the sequences, the audit log, the calendar, the queue,
    /// reception and application actions, the citywide pool with its maintenance job, the managers' moves of people with the
    /// job that starts and ends lends, the monitoring projection, reports, privacy and administration services and, unless one
    /// is registered, <see cref="TimeProvider.System"/>. Services that publish live events need an <c>ILiveEvents</c>
    /// (the web host's live bus, or a test's recorder).
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
        services.AddSingleton<Ratings.RatingKeys>();
        services.AddSingleton<Ratings.CitizenRatings>();
        services.AddSingleton<Staffing.CityStaffingNeeds>();
        services.AddSingleton<Monitoring.CityLiveProjection>();
        services.AddSingleton<Monitoring.Alerts>();
        services.AddSingleton<Monitoring.AlertEvaluator>();
        services.AddSingleton<Pool.PoolPolicyStore>();
        services.AddSingleton<Staffing.StaffMoves>();
        services.AddSingleton<Staffing.BranchPeopleQueries>();
        services.AddSingleton<Staffing.StaffPeriodMaintenance>();
        services.AddHostedService(sp => sp.GetRequiredService<Staffing.StaffPeriodMaintenance>());
        services.AddSingleton<Reports.ProductivityReportQuery>();
        services.AddSingleton<Privacy.PersonalDataAccess>();
        services.AddSingleton<Privacy.RetentionRun>();
        services.AddSingleton<Reports.ScorecardQuery>();
        services.AddSingleton<Reports.CityReportStore>();
        // The queue (its policy is the default unless one is registered first).
        services.TryAddSingleton(Core.Queue.QueuePolicy.Default);
        services.AddSingleton<Queue.QueueService>();
        services.AddSingleton<Queue.QueueQueries>();
        // Reception, lifecycle actions and the application read model.
        services.AddSingleton<Applications.ReceptionService>();
        services.AddSingleton<Applications.SubmissionReception>();
        services.AddSingleton<Applications.ReceptionDecisions>();
        services.AddSingleton<Applications.ApplicationActions>();
        services.AddSingleton<Applications.ApplicationQueries>();
        // The citywide pool: policy, routing, online intake, "where should I go?" and the maintenance job.
        services.AddSingleton<Pool.BranchCapacities>();
        services.AddSingleton<Pool.WorkPool>();
        services.AddSingleton<Pool.OnlineIntake>();
        services.AddSingleton<Pool.SubmissionQueue>();
        services.Configure<Pool.IntakeQueueOptions>(configuration.GetSection(Pool.IntakeQueueOptions.Section));
        services.TryAddSingleton<Core.Pool.IBranchWaits, Pool.TicketWaits>();
        services.AddSingleton<Pool.WhereToGoQueries>();
        services.AddSingleton<Pool.PoolMaintenance>();
        services.AddHostedService(sp => sp.GetRequiredService<Pool.PoolMaintenance>());
        // The administrator's services.
        services.AddSingleton<Admin.BranchAdmin>();
        services.AddSingleton<Admin.CounterAdmin>();
        services.AddSingleton<Admin.ProcedureAdmin>();
        services.AddSingleton<Admin.StaffAdmin>();
        services.AddSingleton<Admin.UserAdmin>();
        services.AddSingleton<Queries.HomeQueries>();
        // Search, the public status look-up, the tracking book and the calendar's notices and added holidays.
        services.AddSingleton<Search.ApplicationSearch>();
        services.AddSingleton<Search.PublicStatusQuery>();
        services.AddSingleton<Search.TrackingBookQuery>();
        services.AddSingleton<Search.SearchFilterOptions>();
        services.AddSingleton<Calendar.CalendarOverrides>();
        services.AddSingleton<Calendar.AddedHolidays>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
