using HanoiWorkbench.Core.Pool;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HanoiWorkbench.Data.Pool;

public static class PoolDependencyInjection
{
    /// <summary>The citywide pool, its policy, routing, online intake, "where should I go?" and the maintenance service.</summary>
    public static IServiceCollection AddWorkbenchPool(this IServiceCollection services)
    {
        services.AddSingleton<PoolPolicyStore>();
        services.AddSingleton<BranchCapacities>();
        services.AddSingleton<WorkPool>();
        services.AddSingleton<OnlineIntake>();
        services.AddSingleton<SubmissionQueue>();
        services.TryAddSingleton(Core.Queue.QueuePolicy.Default);
        services.TryAddSingleton<IBranchWaits, TicketWaits>();
        services.AddSingleton<WhereToGoQueries>();
        services.AddSingleton<PoolMaintenance>();
        services.AddHostedService(sp => sp.GetRequiredService<PoolMaintenance>());
        return services;
    }
}
