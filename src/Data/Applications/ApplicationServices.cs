using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Data.Applications;

public static class ApplicationServices
{
    /// <summary>Reception, lifecycle actions and the application read model (all stateless: one context per call).</summary>
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        services.AddSingleton<ReceptionService>();
        services.AddSingleton<SubmissionReception>();
        services.AddSingleton<ApplicationActions>();
        services.AddSingleton<ApplicationQueries>();
        return services;
    }
}
