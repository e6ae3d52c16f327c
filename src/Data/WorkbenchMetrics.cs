using System.Diagnostics.Metrics;

namespace HanoiWorkbench.Data;

/// <summary>
/// The workbench's own meter (<c>HanoiWorkbench</c>), exported over OTLP when <c>OpenTelemetry:OtlpEndpoint</c> is set.
/// Tags are branch ids and counts only, never personal data.
/// </summary>
public static class WorkbenchMetrics
{
    public const string MeterName = "HanoiWorkbench";

    /// <summary>Values of the <c>operation</c> tag of <see cref="ClaimsLost"/>.</summary>
    public const string QueueCallNext = "queue.call_next", PoolTakeNext = "pool.take_next";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> TicketsCalled = Meter.CreateCounter<long>("workbench.tickets.called", "{ticket}", "Tickets called to a counter.");
    public static readonly Counter<long> ApplicationsReceived = Meter.CreateCounter<long>("workbench.applications.received", "{application}",
        "Online submissions stored (status Mới đăng ký).");
    public static readonly UpDownCounter<long> HubConnections = Meter.CreateUpDownCounter<long>("workbench.hub.connections", "{connection}",
        "Open connections to the live hub on this instance.");
    public static readonly UpDownCounter<long> Circuits = Meter.CreateUpDownCounter<long>("workbench.circuits", "{circuit}",
        "Open Blazor circuits on this instance.");

    public static readonly Counter<long> ClaimsLost = Meter.CreateCounter<long>("workbench.claims.lost", "{claim}",
        "Claims lost to another caller and retried (tag operation: queue.call_next, pool.take_next).");

    /// <summary>Name of the gauge of waiting tickets per branch (tag <c>branch.code</c>), see <see cref="ObserveQueueLength"/>.</summary>
    public const string QueueLength = "workbench.queue.length";

    /// <summary>
    /// The gauge of tickets waiting today per branch, on the container's own <c>HanoiWorkbench</c> meter (exported with the
    /// static instruments above: OpenTelemetry listens by meter name). <paramref name="waiting"/> is called at each collection,
    /// so it must be cheap: the city projection's counts, kept from the live events, not a query of the database. A meter of
    /// the factory goes with its container, so two instances in one process (tests, benchmarks) each report their own.
    /// </summary>
    public static ObservableGauge<int> ObserveQueueLength(IMeterFactory meters, Func<IEnumerable<(string BranchCode, int Waiting)>> waiting)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(waiting);
        return meters.Create(MeterName).CreateObservableGauge(QueueLength,
            () => waiting().Select(b => new Measurement<int>(b.Waiting, new KeyValuePair<string, object?>("branch.code", b.BranchCode))),
            "{ticket}", "Tickets waiting today per branch (tag branch.code), from this instance's city projection.");
    }

    public static void TicketCalled(int branchId) => TicketsCalled.Add(1, new KeyValuePair<string, object?>("branch.id", branchId));

    /// <summary>Another caller claimed the row first (0 rows or a concurrency conflict); the service tries the next one.</summary>
    public static void ClaimLost(string operation, int branchId) => ClaimsLost.Add(1,
        new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("branch.id", branchId));

    public static void ApplicationReceived(int branchId) => ApplicationsReceived.Add(1, new KeyValuePair<string, object?>("branch.id", branchId));
}
