using System.Collections.Concurrent;
using System.Threading.Channels;
using HanoiWorkbench.Core.Live;

namespace HanoiWorkbench.Workbench.Realtime;

/// <summary>
/// In-process subscribers to batches of events, each with its own queue and pump: whoever posts never waits for them,
/// one slow or failing subscriber cannot hold up the others, and each still sees batches in the order they were posted.
/// </summary>
internal sealed class LiveSubscribers(ILogger logger) : IDisposable
{
    private readonly ILogger _logger = logger;
    private readonly ConcurrentDictionary<Subscription, byte> _subscribers = new();
    private long _posted;

    public int Count => _subscribers.Count;

    /// <summary>How many batches have been posted so far (a page compares it before and after subscribing).</summary>
    public long Posted => Interlocked.Read(ref _posted);

    public IDisposable Add(Func<IReadOnlyList<LiveEvent>, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, handler);
        _subscribers[subscription] = 0;
        return subscription;
    }

    public void Post(IReadOnlyList<LiveEvent> events)
    {
        if (events.Count == 0) return;
        Interlocked.Increment(ref _posted);
        foreach (var subscription in _subscribers.Keys)
            subscription.Post(events);
    }

    public void Dispose()
    {
        foreach (var subscription in _subscribers.Keys)
            subscription.Dispose();
    }

    private sealed class Subscription : IDisposable
    {
        private readonly LiveSubscribers _owner;
        private readonly Func<IReadOnlyList<LiveEvent>, Task> _handler;
        private readonly Channel<IReadOnlyList<LiveEvent>> _queue =
            Channel.CreateUnbounded<IReadOnlyList<LiveEvent>>(new UnboundedChannelOptions { SingleReader = true });

        public Subscription(LiveSubscribers owner, Func<IReadOnlyList<LiveEvent>, Task> handler)
        {
            _owner = owner;
            _handler = handler;
            _ = Task.Run(PumpAsync);
        }

        public void Post(IReadOnlyList<LiveEvent> events) => _queue.Writer.TryWrite(events);

        private async Task PumpAsync()
        {
            await foreach (var batch in _queue.Reader.ReadAllAsync())
            {
                try { await _handler(batch); }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    _owner._logger.LogWarning(ex, "A live-event subscriber failed on {Kind}", batch[0].Kind);
                }
            }
        }

        public void Dispose()
        {
            if (_owner._subscribers.TryRemove(this, out _))
                _queue.Writer.TryComplete();
        }
    }
}
