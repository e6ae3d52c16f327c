using System.Collections.Concurrent;
using System.Text.Json;
using HanoiWorkbench.Core.Live;
using StackExchange.Redis;

namespace HanoiWorkbench.Workbench.Realtime;

/// <summary>Numbers events per branch and for the city; shared between instances when Redis is configured.</summary>
public interface ILiveSequenceSource
{
    ValueTask<(long Branch, long City)> NextAsync(int? branchId, CancellationToken ct);
}

/// <summary>Carries events to the other instances' circuits.</summary>
public interface ILiveRelay
{
    void Attach(Func<LiveEvent, Task> deliverLocally, Func<Task> resync);
    ValueTask PublishAsync(LiveEvent e, CancellationToken ct);
}

public sealed class InMemoryLiveSequences : ILiveSequenceSource
{
    private readonly ConcurrentDictionary<int, long> _branches = new();
    private long _city;

    public ValueTask<(long Branch, long City)> NextAsync(int? branchId, CancellationToken ct)
    {
        var city = Interlocked.Increment(ref _city);
        var branch = branchId is int b ? _branches.AddOrUpdate(b, 1, (_, v) => v + 1) : 0;
        return ValueTask.FromResult((branch, city));
    }
}

/// <summary>One process: nothing to relay.</summary>
public sealed class NoLiveRelay : ILiveRelay
{
    public void Attach(Func<LiveEvent, Task> deliverLocally, Func<Task> resync) { }
    public ValueTask PublishAsync(LiveEvent e, CancellationToken ct) => ValueTask.CompletedTask;
}

/// <summary>
/// Redis pub/sub between instances, and shared sequence numbers (INCR). When Redis goes away the instance keeps
/// numbering locally and serving its own circuits, without waiting for Redis (the multiplexer fails fast); when the
/// connection is restored it publishes a Resync so every client re-reads its state (it cannot know what it missed).
/// </summary>
public sealed class RedisLiveRelay(IConnectionMultiplexer redis, TimeProvider clock, ILogger<RedisLiveRelay> logger)
    : ILiveRelay, ILiveSequenceSource
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("hw:live");
    private static readonly RedisKey CityKey = "hw:seq:city";

    /// <summary>Time for the multiplexer to re-send SUBSCRIBE for every channel (ours and the hub backplane's) after a
    /// reconnect, so that the Resync is not published into channels nobody listens to yet.</summary>
    public static readonly TimeSpan ResubscribeGrace = TimeSpan.FromSeconds(1);

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly InMemoryLiveSequences _fallback = new();
    private Func<LiveEvent, Task> _deliverLocally = _ => Task.CompletedTask;
    private Func<Task> _resync = () => Task.CompletedTask;
    private int _subscribed;
    private int _lost;

    public void Attach(Func<LiveEvent, Task> deliverLocally, Func<Task> resync)
    {
        _deliverLocally = deliverLocally;
        _resync = resync;
        redis.ConnectionFailed += (_, _) => Interlocked.Exchange(ref _lost, 1);
        redis.ConnectionRestored += (_, _) => _ = OnRestoredAsync();
        if (redis.IsConnected) Subscribe();
        else Interlocked.Exchange(ref _lost, 1);
    }

    private void Subscribe()
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 1) return;
        try
        {
            // A message queue, not a handler: handlers run concurrently, a queue keeps the publishing order.
            redis.GetSubscriber().Subscribe(Channel).OnMessage(message =>
            {
                var envelope = JsonSerializer.Deserialize<Envelope>((string)message.Message!);
                return envelope is null || envelope.Instance == _instance ? Task.CompletedTask : _deliverLocally(envelope.Event);
            });
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Interlocked.Exchange(ref _subscribed, 0);
            logger.LogWarning(ex, "Redis unavailable: will subscribe to other instances' events when it returns");
        }
    }

    private async Task OnRestoredAsync()
    {
        try
        {
            // The multiplexer restores its interactive and subscription connections one after the other; act once
            // both are back, once per outage.
            if (!redis.IsConnected || !redis.GetSubscriber().IsConnected(Channel)) return;
            Subscribe();
            if (Interlocked.Exchange(ref _lost, 0) == 0) return;
            await Task.Delay(ResubscribeGrace, clock);
            logger.LogInformation("Redis is back: asking every client to re-read its state");
            await _resync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Resync after Redis came back failed");
        }
    }

    public async ValueTask PublishAsync(LiveEvent e, CancellationToken ct)
    {
        if (!redis.IsConnected) return;
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(new Envelope(_instance, e)));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            logger.LogWarning(ex, "Redis unavailable: {Kind} reached this instance's users only", e.Kind);
        }
    }

    public async ValueTask<(long Branch, long City)> NextAsync(int? branchId, CancellationToken ct)
    {
        if (redis.IsConnected)
        {
            try
            {
                var db = redis.GetDatabase();
                var city = db.StringIncrementAsync(CityKey);
                var branch = branchId is int b ? db.StringIncrementAsync($"hw:seq:branch:{b}") : Task.FromResult(0L);
                return (await branch, await city);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
            {
                logger.LogWarning(ex, "Redis unavailable: numbering live events locally");
            }
        }
        // Local numbers may repeat or jump against the shared ones: receivers re-read on the gap, and the Resync after
        // recovery makes every receiver re-read anyway.
        return await _fallback.NextAsync(branchId, ct);
    }

    private sealed record Envelope(string Instance, LiveEvent Event);
}
