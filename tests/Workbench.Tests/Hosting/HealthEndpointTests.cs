using System.Net;
using System.Text.Json;
using HanoiWorkbench.Workbench.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using HanoiWorkbench.Workbench.Endpoints;

namespace HanoiWorkbench.Workbench.Tests.Hosting;

public sealed class HealthEndpointTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement);
    }

    [Fact]
    public async Task Live_answers_anonymously_without_checking_anything()
    {
        var (status, body) = await GetAsync(factory.CreateBrowserLikeClient(), HealthEndpoints.LivePath);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Ready_checks_the_database_and_no_redis_when_none_is_configured()
    {
        var (status, body) = await GetAsync(factory.CreateBrowserLikeClient(), HealthEndpoints.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, status);
        var checks = body.GetProperty("checks");
        Assert.Equal(["database"], checks.EnumerateObject().Select(c => c.Name));
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Sqlite", checks.GetProperty("database").GetProperty("data").GetProperty("provider").GetString());
    }

    [Fact]
    public async Task Ready_reports_an_unreachable_redis_as_degraded_and_keeps_the_instance_in_service()
    {
        // A host of its own (own database): a second host on the fixture's database would meet its demo accounts and,
        // outside Development, rightly refuse to start.
        await using var withRedis = new WorkbenchFactory("Testing", demo: true,
            new Dictionary<string, string?> { ["Redis:ConnectionString"] = "127.0.0.1:1,connectTimeout=300" });

        var (status, body) = await GetAsync(withRedis.CreateClient(), HealthEndpoints.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var redis = body.GetProperty("checks").GetProperty("redis");
        Assert.Equal("Degraded", redis.GetProperty("status").GetString());
        Assert.DoesNotContain("127.0.0.1:1", body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_answers_503_when_a_readiness_check_fails_and_live_stays_up()
    {
        await using var broken = new WorkbenchFactory("Testing", demo: true, services: s => s.AddHealthChecks()
            .AddCheck("broken", () => HealthCheckResult.Unhealthy("down"), [HealthEndpoints.ReadyTag]));
        var client = broken.CreateClient();

        var (ready, body) = await GetAsync(client, HealthEndpoints.ReadyPath);
        var (live, _) = await GetAsync(client, HealthEndpoints.LivePath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live);
    }
}
