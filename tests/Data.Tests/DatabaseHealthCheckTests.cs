using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HanoiWorkbench.Data.Tests;

public sealed class DatabaseHealth
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HealthCheckResult> CheckAsync(WorkbenchDbContextFactory factory) =>
        new DatabaseHealthCheck(factory, factory.Settings).CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration(DatabaseHealthCheck.Name, _ => null!, HealthStatus.Unhealthy, null),
        }, Ct);

    [Fact]
    public async Task A_migrated_database_is_healthy_and_named_by_its_provider()
    {
        await using var temp = await TempDatabase.SeededAsync();

        var result = await CheckAsync(temp.Factory);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(temp.Settings.Provider.ToString(), result.Data["provider"]);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_unhealthy_without_its_connection_string_in_the_report()
    {
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=1;Username=nobody;Password=secret;Timeout=2");

        var result = await CheckAsync(new WorkbenchDbContextFactory(settings));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.DoesNotContain("secret", result.Description, StringComparison.Ordinal);
    }
}
