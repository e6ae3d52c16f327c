using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HanoiWorkbench.Data;

/// <summary>Ready when the configured database answers a query; the provider is named, the connection string never.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<WorkbenchDbContext> contexts, DatabaseSettings settings) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = settings.Provider.ToString() };
        try
        {
            var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                if (await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false))
                    return HealthCheckResult.Healthy(data: data);
            }
            return HealthCheckResult.Unhealthy("The database does not answer.", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex, data);
        }
    }
}

public static class DatabaseHealthCheckRegistration
{
    /// <summary>Adds <see cref="DatabaseHealthCheck"/> with the given tags (services from <c>AddWorkbenchData</c>).</summary>
    public static IHealthChecksBuilder AddWorkbenchDatabase(this IHealthChecksBuilder builder, params string[] tags) =>
        builder.AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, HealthStatus.Unhealthy, tags);
}
