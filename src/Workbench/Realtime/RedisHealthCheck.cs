using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace HanoiWorkbench.Workbench.Realtime;

/// <summary>
/// Redis answers a PING. Without Redis an instance still serves its own users (live events stay local), so a failure
/// is <see cref="HealthStatus.Degraded"/>: the load balancer keeps the instance, the operator sees the fault.
/// </summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public const string Name = "redis";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy(data: new Dictionary<string, object> { ["pingMs"] = Math.Round(latency.TotalMilliseconds, 1) });
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer: live events reach this instance's users only.", ex);
        }
    }
}

public static class RedisHealthCheckRegistration
{
    /// <summary>Adds <see cref="RedisHealthCheck"/> when <c>Redis:ConnectionString</c> is set (the multiplexer of <c>AddWorkbenchRealtime</c>).</summary>
    public static IHealthChecksBuilder AddWorkbenchRedis(this IHealthChecksBuilder builder, IConfiguration configuration, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.IsNullOrWhiteSpace(configuration["Redis:ConnectionString"])
            ? builder
            : builder.AddCheck<RedisHealthCheck>(RedisHealthCheck.Name, HealthStatus.Degraded, tags);
    }
}
