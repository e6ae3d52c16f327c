using HanoiWorkbench.Core.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HanoiWorkbench.Data.Queue;

public static class QueueDependencyInjection
{
    /// <summary>The queue's service and read models; the policy is the default unless one is registered first.</summary>
    public static IServiceCollection AddWorkbenchQueue(this IServiceCollection services)
    {
        services.TryAddSingleton(QueuePolicy.Default);
        services.AddSingleton<QueueService>();
        services.AddSingleton<QueueQueries>();
        return services;
    }
}
