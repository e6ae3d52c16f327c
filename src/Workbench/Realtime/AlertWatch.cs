using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Data.Monitoring;

namespace HanoiWorkbench.Workbench.Realtime;

/// <summary>
/// Runs this process's <see cref="AlertEvaluator"/> off the city projection: after every batch the projection has applied
/// (and after its check each minute, so a wait that grows with the clock alone is seen), never per viewer. A burst costs one
/// evaluation in flight and one pending, like a live page's reads; the evaluator's own AlertChanged events cost none.
/// </summary>
public sealed class AlertWatch(CityLive city, AlertEvaluator evaluator, ILogger<AlertWatch> logger) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private IDisposable? _subscription;
    private bool _due;
    private bool _active;
    private Task _running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = city.SubscribeBatches(OnBatchAsync);
        Request();
        return Task.CompletedTask;
    }

    /// <summary>Completes when no evaluation is due or running (for tests).</summary>
    public Task Idle
    {
        get
        {
            lock (_gate) return _running;
        }
    }

    private Task OnBatchAsync(IReadOnlyList<LiveEvent> batch)
    {
        if (batch.All(e => e.Kind == LiveEventKind.AlertChanged)) return Task.CompletedTask;
        Request();
        return Task.CompletedTask;
    }

    private void Request()
    {
        lock (_gate)
        {
            _due = true;
            if (_active) return;
            _active = true;
            _running = Task.Run(EvaluateWhileDueAsync);
        }
    }

    private async Task EvaluateWhileDueAsync()
    {
        while (true)
        {
            lock (_gate)
            {
                if (!_due)
                {
                    _active = false;
                    return;
                }
                _due = false;
            }
            try
            {
                await evaluator.EvaluateAsync(city.Projection.Current, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The next batch or the next minute's check evaluates again; what was raised before stays stored.
                logger.LogWarning(ex, "Alert evaluation failed");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();
}
