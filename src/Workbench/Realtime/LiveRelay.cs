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
/// numbering locally and serving its own circuits; when the connection is restored it publishes a Resync so every
/// client re-reads its state (it cannot know what it missed).
/// </summary>
public sealed class RedisLiveRelay(IConnectionMultiplexer redis, ILogger<RedisLiveRelay> logger) : ILiveRelay, ILiveSequenceSource
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("hw:live");
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly InMemoryLiveSequences _fallback = new();

    public void Attach(Func<LiveEvent, Task> deliverLocally, Func<Task> resync)
    {
        redis.GetSubscriber().Subscribe(Channel, (channel, message) =>
        {
            var envelope = JsonSerializer.Deserialize<Envelope>((string)message!);
            if (envelope is null || envelope.Instance == _instance) return;
            _ = deliverLocally(envelope.Event);
        });
        redis.ConnectionRestored += (_, args) =>
        {
            if (args.ConnectionType != ConnectionType.Interactive) return;
            logger.LogInformation("Redis is back: asking every client to re-read its state");
            _ = resync();
        };
    }

    public async ValueTask PublishAsync(LiveEvent e, CancellationToken ct)
    {
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
        try
        {
            var db = redis.GetDatabase();
            var city = db.StringIncrementAsync("hw:seq:city");
            var branch = branchId is int b ? db.StringIncrementAsync($"hw:seq:branch:{b}") : Task.FromResult(0L);
            return (await branch, await city);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            logger.LogWarning(ex, "Redis unavailable: numbering live events locally");
            return await _fallback.NextAsync(branchId, ct);
        }
    }

    private sealed record Envelope(string Instance, LiveEvent Event);
}
