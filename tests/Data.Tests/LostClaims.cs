using System.Diagnostics.Metrics;

namespace HanoiWorkbench.Data.Tests;

/// <summary>
/// Counts <c>workbench.claims.lost</c> measurements made by this test's own workers only: the listener keeps a measurement
/// when it is recorded inside the execution context that created this object (an <see cref="AsyncLocal{T}"/> flows into
/// Task.Run and across awaits), so parallel test classes, on other databases with the same branch ids, are not counted.
/// </summary>
internal sealed class LostClaims : IDisposable
{
    private static readonly AsyncLocal<LostClaims?> Current = new();
    private readonly MeterListener _listener = new();
    private readonly string _operation;
    private long _count;

    public LostClaims(string operation)
    {
        _operation = operation;
        Current.Value = this;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == WorkbenchMetrics.MeterName && instrument.Name == "workbench.claims.lost") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (!ReferenceEquals(Current.Value, this)) return;
            foreach (var tag in tags)
                if (tag.Key == "operation" && Equals(tag.Value, _operation)) Interlocked.Add(ref _count, value);
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose()
    {
        _listener.Dispose();
        Current.Value = null;
    }
}
