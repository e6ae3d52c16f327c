using HanoiWorkbench.Data;
using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HanoiWorkbench.Workbench.Hosting;

/// <summary>
/// <c>OpenTelemetry:OtlpEndpoint</c> (e.g. http://collector:4317): traces of requests and the workbench's own meter
/// (<see cref="WorkbenchMetrics"/>: tickets called, applications received, claims lost, hub connections, circuits, and
/// the queue-length gauge of <see cref="Realtime.CityLive"/>) exported over OTLP.
/// Without it nothing is exported; the meter still counts (a MeterListener can read it).
/// </summary>
public static class Telemetry
{
    public const string EndpointKey = "OpenTelemetry:OtlpEndpoint";

    public static IServiceCollection AddWorkbenchTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CircuitHandler, CountingCircuitHandler>();
        var endpoint = configuration[EndpointKey];
        if (string.IsNullOrWhiteSpace(endpoint)) return services;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            throw new InvalidOperationException($"{EndpointKey} must be an absolute address, not '{endpoint}'.");
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("hanoi-workbench"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddOtlpExporter(o => o.Endpoint = uri))
            .WithMetrics(m => m.AddMeter(WorkbenchMetrics.MeterName).AddAspNetCoreInstrumentation().AddOtlpExporter(o => o.Endpoint = uri));
        return services;
    }

    /// <summary>Counts this instance's open circuits.</summary>
    private sealed class CountingCircuitHandler : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            WorkbenchMetrics.Circuits.Add(1);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            WorkbenchMetrics.Circuits.Add(-1);
            return Task.CompletedTask;
        }
    }
}
