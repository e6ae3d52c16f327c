using HanoiWorkbench.Core.Live;
using Microsoft.AspNetCore.SignalR;

namespace HanoiWorkbench.Workbench.Realtime;

/// <summary>
/// The one event path. A committed change is numbered, handed to this process's Blazor circuits (in-process
/// subscribers), sent to hub clients through the hub's groups, and relayed to other instances' circuits when a
/// relay (Redis) is configured.
/// </summary>
/// <remarks>
/// Each subscriber has its own queue and pump, so a publisher (a clerk pressing call-next) never waits for circuits to
/// re-read their state, one slow or failing circuit cannot hold up the others, and each circuit still sees events in
/// the order they were published.
/// </remarks>
public sealed class LiveEventBus(IHubContext<LiveHub, ILiveClient> hub, ILiveSequenceSource sequences, ILiveRelay relay,
    TimeProvider clock, ILogger<LiveEventBus> logger) : ILiveEvents, ILiveFeed, IDisposable
{
    // The publications a page's action is tracking: flows from the page's call into the use case that publishes.
    private static readonly AsyncLocal<LivePublications?> Tracking = new();
    private readonly ILogger _logger = logger;
    private readonly LiveSubscribers _subscribers = new(logger);
    private int _relayAttached;

    /// <summary>Subscribes a circuit; dispose the result to stop receiving.</summary>
    public IDisposable Subscribe(Func<LiveEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return SubscribeBatches(async batch =>
        {
            foreach (var e in batch)
            {
                try { await handler(e); }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    _logger.LogWarning(ex, "A live-event subscriber failed on {Kind}", e.Kind);
                }
            }
        });
    }

    /// <summary>Subscribes to events in batches: the events of one tracked action arrive together.</summary>
    public IDisposable SubscribeBatches(Func<IReadOnlyList<LiveEvent>, Task> handler)
    {
        AttachRelay();
        return _subscribers.Add(handler);
    }

    public int SubscriberCount => _subscribers.Count;

    public long Delivered => _subscribers.Posted;

    /// <summary>A live page's refresh on this bus; see <see cref="LiveRefresh"/>.</summary>
    public LiveRefresh Refresh(LiveInterest interest, Func<Task> read, Func<Func<Task>, Task> invoke, Action render) =>
        new(this, interest, read, invoke, render, _logger);

    /// <summary>
    /// Until disposed, events published by the calling flow are recorded and handed to this instance's circuits
    /// together when it ends (hub clients and other instances get them at once): a call-next's two events cost a
    /// circuit one re-read, not two.
    /// </summary>
    public LivePublications Track()
    {
        var outer = Tracking.Value;
        var tracked = new LivePublications(done =>
        {
            Tracking.Value = outer;
            DispatchLocal(done);
        });
        Tracking.Value = tracked;
        return tracked;
    }

    public async ValueTask PublishAsync(LiveEventKind kind, int? branchId, long? entityId, CancellationToken ct = default)
    {
        AttachRelay();
        var (branchSeq, citySeq) = await sequences.NextAsync(branchId, ct);
        var e = new LiveEvent(kind, branchId, entityId, branchSeq, citySeq, clock.GetUtcNow());
        if (Tracking.Value is { } tracked) tracked.Add(e); // the acting page knows it as its own before any circuit sees it
        else DispatchLocal([e]);
        await Task.WhenAll(SendToHubAsync(e), relay.PublishAsync(e, ct).AsTask());
    }

    /// <summary>
    /// Hands an event to this instance's circuits without waiting for them. Events from other instances come here
    /// only: the hub backplane already carried them to hub clients.
    /// </summary>
    internal void DispatchLocal(IReadOnlyList<LiveEvent> events)
    {
        _subscribers.Post(events);
    }

    private async Task SendToHubAsync(LiveEvent e)
    {
        try
        {
            // A branch's event goes to the city, the branch and, when a lobby shows it, the lobby; one without a branch (a
            // Resync, a city-wide change) to every staff connection once, and a Resync to everyone, lobbies included.
            await (e.BranchId is int b
                ? Task.WhenAll(hub.Clients.Group(LiveHub.CityGroup).Live(e), hub.Clients.Group(LiveHub.BranchGroup(b)).Live(e),
                    LiveHub.ShownInLobby(e.Kind) ? hub.Clients.Group(LiveHub.LobbyGroup(b)).Live(e) : Task.CompletedTask)
                : e.Kind == LiveEventKind.Resync ? hub.Clients.All.Live(e) : hub.Clients.Group(LiveHub.StaffGroup).Live(e));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // With a Redis backplane that is down, hub sends fail fast; circuits were served already and a Resync
            // follows the recovery.
            _logger.LogWarning(ex, "Sending {Kind} to hub clients failed", e.Kind);
        }
    }

    /// <summary>Called at start-up (and lazily as a safety net) so that events from other instances and the
    /// Resync after a Redis outage reach this instance even before anyone here has published or subscribed.</summary>
    internal void AttachRelay()
    {
        if (Interlocked.Exchange(ref _relayAttached, 1) == 1) return;
        relay.Attach(e => { DispatchLocal([e]); return Task.CompletedTask; },
            () => PublishAsync(LiveEventKind.Resync, null, null).AsTask());
    }

    public void Dispose() => _subscribers.Dispose();
}
