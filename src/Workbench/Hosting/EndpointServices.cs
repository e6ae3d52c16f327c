using System.Threading.RateLimiting;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Api;
using HanoiWorkbench.Workbench.Endpoints;
using HanoiWorkbench.Workbench.Realtime;

namespace HanoiWorkbench.Workbench.Hosting;

/// <summary>
/// What the endpoints in <c>Endpoints/</c> rely on besides the data layer: the machine API's document, options and problem
/// details, the status look-up's rate limit and the health checks. The <c>Map*</c> methods only map.
/// </summary>
internal static class EndpointServices
{
    public static IServiceCollection AddEndpointServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IntakeOptions>(configuration.GetSection(IntakeOptions.Section));
        services.AddMachineApiDocument();
        services.AddProblemDetails();
        services.AddHealthChecks()
            .AddWorkbenchDatabase(HealthEndpoints.ReadyTag)
            .AddWorkbenchRedis(configuration, HealthEndpoints.ReadyTag);
        services.AddStatusLookupLimit(configuration);
        return services;
    }

    /// <summary>One budget of look-ups per client address and minute, shared by the status page and <c>/api/status</c>.</summary>
    private static void AddStatusLookupLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("StatusLookup:PermitsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only a look-up costs a permit (the API, or the page's form POST); opening the page from a QR code is free.
            // Page and API share one budget per client address.
            o.AddPolicy(SearchEndpoints.StatusLookupPolicy, http =>
                HttpMethods.IsPost(http.Request.Method) || http.Request.Path.StartsWithSegments("/api/status")
                    ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("page"));
            o.OnRejected = async (ctx, ct) =>
            {
                var response = ctx.HttpContext.Response;
                response.Headers.RetryAfter = "60";
                if (ctx.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    await response.WriteAsJsonAsync(new { error = SearchEndpoints.TooManyLookups }, ct);
                    return;
                }
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(
                    $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
                    $"<title>Tra cứu hồ sơ</title></head><body style=\"font-family:sans-serif;padding:24px\"><h1>Tra cứu hồ sơ</h1>" +
                    $"<p>{SearchEndpoints.TooManyLookups}</p><p><a href=\"/tra-cuu\">Quay lại</a></p></body></html>", ct);
            };
        });
    }
}
