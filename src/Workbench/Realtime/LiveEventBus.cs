using System.Collections.Concurrent;
using HanoiWorkbench.Core.Live;
using Microsoft.AspNetCore.SignalR;

namespace HanoiWorkbench.Workbench.Realtime;

/// <summary>
/// The one event path. A committed change is numbered, handed to this process's Blazor circuits (in-process
/// subscribers), sent to hub clients through the hub's groups, and relayed to other instances' circuits when a
/// relay (Redis) is configured.
/// </summary>
public sealed class LiveEventBus(IHubContext<LiveHub, ILiveClient> hub, ILiveSequenceSource sequences, ILiveRelay relay,
    TimeProvider clock, ILogger<LiveEventBus> logger) : ILiveEvents, IDisposable
{
    private readonly ConcurrentDictionary<Guid, Func<LiveEvent, Task>> _subscribers = new();
    private bool _relayAttached;

    /// <summary>Subscribes a circuit; dispose the result to stop receiving.</summary>
    public IDisposable Subscribe(Func<LiveEvent, Task> handler)
    {
        AttachRelay();
        var id = Guid.NewGuid();
        _subscribers[id] = handler;
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    public int SubscriberCount => _subscribers.Count;

    public async ValueTask PublishAsync(LiveEventKind kind, int? branchId, long? entityId, CancellationToken ct = default)
    {
        AttachRelay();
        var (branchSeq, citySeq) = await sequences.NextAsync(branchId, ct);
        var e = new LiveEvent(kind, branchId, entityId, branchSeq, citySeq, clock.GetUtcNow());
        await DispatchLocalAsync(e);
        await SendToHubAsync(e);
        await relay.PublishAsync(e, ct);
    }

    /// <summary>Events from other instances reach only this instance's circuits: the hub backplane already carried them to hub clients.</summary>
    internal Task DispatchLocalAsync(LiveEvent e) =>
        Task.WhenAll(_subscribers.Values.Select(async handler =>
        {
            try { await handler(e); }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogWarning(ex, "A live-event subscriber failed on {Kind}", e.Kind);
            }
        }));

    private async Task SendToHubAsync(LiveEvent e)
    {
        try
        {
            var city = hub.Clients.Group(LiveHub.CityGroup).Live(e);
            var branch = e.BranchId is int b ? hub.Clients.Group(LiveHub.BranchGroup(b)).Live(e) : hub.Clients.All.Live(e);
            await Task.WhenAll(city, branch);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // With a Redis backplane that is down, hub sends fail; circuits were served already and a Resync follows recovery.
            logger.LogWarning(ex, "Sending {Kind} to hub clients failed", e.Kind);
        }
    }

    private void AttachRelay()
    {
        if (_relayAttached) return;
        lock (_subscribers)
        {
            if (_relayAttached) return;
            relay.Attach(DispatchLocalAsync, () => PublishAsync(LiveEventKind.Resync, null, null).AsTask());
            _relayAttached = true;
        }
    }

    public void Dispose() => _subscribers.Clear();

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
