using System.Diagnostics.Metrics;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Monitoring;

namespace HanoiWorkbench.Workbench.Realtime;

/// <summary>
/// Keeps this process's <see cref="CityLiveProjection"/>: built before the app serves anyone, fed by the bus (one
/// subscription for the whole process), checked against a recount every <see cref="CheckEvery"/>. It is also the feed
/// of the pages that render from the projection: they get each batch after the projection has applied it, so their
/// "read" is taking <see cref="CityLiveProjection.Current"/>; a rebuild or a corrected check reaches them as a Resync.
/// The queue-length gauge reads the projection too, so a scrape costs no query.
/// </summary>
public sealed class CityLive(CityLiveProjection projection, LiveEventBus bus, TimeProvider clock, ILogger<CityLive> logger, IMeterFactory meters)
    : BackgroundService, ILiveFeed
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    private readonly LiveSubscribers _viewers = new(logger);
    private readonly ObservableGauge<int> _queueLength =
        WorkbenchMetrics.ObserveQueueLength(meters, () => projection.Current.Branches.Select(b => (b.Code, b.Queue.Waiting)));
    private IDisposable? _subscription;

    public CityLiveProjection Projection => projection;

    public int ViewerCount => _viewers.Count;

    public long Delivered => _viewers.Posted;

    public IDisposable SubscribeBatches(Func<IReadOnlyList<LiveEvent>, Task> handler) => _viewers.Add(handler);

    public LivePublications Track() => bus.Track();

    /// <summary>A page's refresh on the projection (see <see cref="LiveRefresh"/>).</summary>
    public LiveRefresh Refresh(Func<Task> read, Func<Func<Task>, Task> invoke, Action render) =>
        new(this, LiveInterest.City, read, invoke, render, logger);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribe first: an event committed during the rebuild is then applied after it, never lost between the two.
        _subscription = bus.SubscribeBatches(OnBatchAsync);
        await RebuildQuietlyAsync();
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Applies one batch, then hands it to the viewers. If applying fails the projection rebuilds (it cannot know
    /// what it missed) and the viewers get a Resync.</summary>
    internal async Task OnBatchAsync(IReadOnlyList<LiveEvent> batch)
    {
        var rebuilds = projection.Rebuilds;
        try
        {
            await projection.ApplyAsync(batch, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "City projection failed to apply {Count} live events; rebuilding", batch.Count);
            await RebuildQuietlyAsync();
        }
        _viewers.Post(projection.Rebuilds != rebuilds ? [ResyncOf(batch[^1])] : batch);
    }

    private async Task RebuildQuietlyAsync()
    {
        try { await projection.RebuildAsync(CancellationToken.None); }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "City projection rebuild failed; the next check recounts it");
        }
    }

    private LiveEvent ResyncOf(LiveEvent last) => new(LiveEventKind.Resync, null, null, 0, last.CitySequence, clock.GetUtcNow());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await CheckOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // host stopping
        }
    }

    /// <summary>One check against a recount, then a Resync to the viewers: the figures that move with the clock alone (the
    /// longest wait, overdue, due today, stale claims) are recomputed once a check even when no event came.</summary>
    public async Task CheckOnceAsync(CancellationToken ct)
    {
        try { await projection.CheckAsync(ct); }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            logger.LogWarning(ex, "City projection check failed; the next tick tries again");
        }
        _viewers.Post([new LiveEvent(LiveEventKind.Resync, null, null, 0, 0, clock.GetUtcNow())]);
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        _viewers.Dispose();
        base.Dispose();
    }
}
