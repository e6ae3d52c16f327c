using HanoiWorkbench.Core.Live;

namespace HanoiWorkbench.Workbench.Realtime;

/// <summary>Where a live page gets its events, and the numbers its own action's events were given.</summary>
public interface ILiveFeed
{
    /// <summary>Events in batches, in publishing order; the events of one tracked action come as one batch.</summary>
    IDisposable SubscribeBatches(Func<IReadOnlyList<LiveEvent>, Task> handler);

    /// <summary>Records, for the calling flow only, every event published until disposed.</summary>
    LivePublications Track();

    /// <summary>How many batches this feed has handed to its subscribers so far.</summary>
    long Delivered => 0;
}

/// <summary>The events published by one flow (a page's action), so that the page does not re-read them again.</summary>
public sealed class LivePublications(Action<IReadOnlyList<LiveEvent>> ended) : IDisposable
{
    private readonly List<LiveEvent> _events = [];
    private int _ended;

    public void Add(LiveEvent e)
    {
        lock (_events) _events.Add(e);
    }

    /// <summary>The highest number these events have in the sequence <paramref name="interest"/> follows; 0 when none.</summary>
    public long HighestIn(LiveInterest interest)
    {
        ArgumentNullException.ThrowIfNull(interest);
        lock (_events) return _events.Select(interest.SequenceOf).Max() ?? 0;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 1) return;
        LiveEvent[] events;
        lock (_events) events = [.. _events];
        ended(events);
    }
}

/// <summary>What a live page's refresh has done so far (for the page's markers and for tests).</summary>
public sealed record LiveRefreshState(bool Live, long? Applied, int Received, int Reads, bool Idle);

/// <summary>
/// One live page's re-reads. Events raise a target; one read runs at a time (through the component's
/// <c>InvokeAsync</c>, awaited) and covers everything received before it began, so a burst costs one read in flight
/// plus one pending. The page's own action runs through <see cref="ActAsync"/>: one read after it, and the events the
/// action published are then skipped. What to skip or read is <see cref="LiveSequence.Decide"/>'s call.
/// </summary>
/// <remarks>
/// The bus hands events to <see cref="OnEventsAsync"/>, which only decides and returns: if it waited for the read, the
/// next events would queue behind it in the bus and cost a read each.
/// </remarks>
public sealed class LiveRefresh : IDisposable
{
    private readonly ILiveFeed _feed;
    private readonly LiveInterest _interest;
    private readonly Func<Task> _read;
    private readonly Func<Func<Task>, Task> _invoke;
    private readonly Action _render;
    private readonly ILogger _logger;
    private readonly long _deliveredAtCreation;
    private readonly Lock _gate = new();
    private readonly List<(long Request, TaskCompletionSource Done)> _waiters = [];
    private IDisposable? _subscription;
    private long? _applied;
    private long? _lastSeen;
    private long _target;
    private long _requested;
    private long _served;
    private int _epoch;
    private int _acting;
    private bool _reading;
    private bool _inRead;
    private bool _disposed;
    private int _received;
    private int _reads;

    /// <param name="read">Re-reads what the page shows.</param>
    /// <param name="invoke">The component's InvokeAsync.</param>
    /// <param name="render">The component's StateHasChanged.</param>
    public LiveRefresh(ILiveFeed feed, LiveInterest interest, Func<Task> read, Func<Func<Task>, Task> invoke, Action render, ILogger logger)
    {
        _feed = feed;
        _interest = interest;
        _read = read;
        _invoke = invoke;
        _render = render;
        _logger = logger;
        _deliveredAtCreation = feed.Delivered;
    }

    public LiveInterest Interest => _interest;

    public LiveRefreshState State
    {
        get
        {
            lock (_gate)
                return new(_subscription is not null && !_disposed, _applied, _received, _reads, !_inRead && !Due);
        }
    }

    /// <summary>Subscribes, once; call from every OnAfterRender (not only the first: a page's first interactive render
    /// may come while it is still loading, before it has made its refresh). Create the refresh before the page's first
    /// read: if the feed delivered anything between then and now, the page did not receive it and reads once more. True
    /// when this call subscribed, so the page renders its live marker.</summary>
    public bool Start()
    {
        lock (_gate)
        {
            if (_disposed || _subscription is not null) return false;
            _subscription = _feed.SubscribeBatches(OnEventsAsync);
            if (_feed.Delivered != _deliveredAtCreation) _requested++;
        }
        BeginReadingIfDue();
        return true;
    }

    /// <summary>Runs the page's action, then one read that includes it, and returns when that read is done. A failed action
    /// still gets its read (something may have changed) but its exception is thrown at once.</summary>
    public async Task ActAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate) _acting++;
        var published = _feed.Track();
        TaskCompletionSource done;
        try
        {
            await action();
        }
        finally
        {
            published.Dispose();
            lock (_gate)
            {
                _acting--;
                _target = Math.Max(_target, published.HighestIn(_interest));
                done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((++_requested, done));
                if (_disposed) done.TrySetResult();
            }
            BeginReadingIfDue();
        }
        await done.Task;
    }

    private Task OnEventsAsync(IReadOnlyList<LiveEvent> batch)
    {
        lock (_gate)
        {
            if (_disposed) return Task.CompletedTask;
            foreach (var e in batch) Take(e);
            return BeginReadingIfDueLocked();
        }
    }

    private void Take(LiveEvent e)
    {
        _received++;
        var sequence = _interest.SequenceOf(e);
        switch (LiveSequence.Decide(_interest, _applied, _lastSeen, e))
        {
            case LiveStep.Resync:
                // Numbers from before the outage mean nothing now: the next read proves nothing about them.
                _epoch++;
                (_applied, _lastSeen, _target) = (null, null, 0);
                _requested++;
                return;
            case LiveStep.Reread when sequence is { } s:
                _target = Math.Max(_target, s);
                break;
            case LiveStep.Reread:
                _requested++;
                break;
        }
        if (sequence is { } seen) _lastSeen = seen;
    }

    private bool Due => _requested > _served || _target > (_applied ?? 0);

    private void BeginReadingIfDue()
    {
        lock (_gate) BeginReadingIfDueLocked();
    }

    private Task BeginReadingIfDueLocked()
    {
        if (_reading || _acting > 0 || _disposed || !Due) return Task.CompletedTask;
        _reading = true;
        _ = ReadWhileDueAsync();
        return Task.CompletedTask;
    }

    private bool CanRead => _acting == 0 && !_disposed && Due;

    private async Task ReadWhileDueAsync()
    {
        while (true)
        {
            int receivedBefore;
            long requestedBefore;
            lock (_gate)
            {
                if (!CanRead)
                {
                    _reading = false;
                    if (_disposed) CompleteWaiters(long.MaxValue, null);
                    return;
                }
                (receivedBefore, requestedBefore) = (_received, _requested);
            }
            long? request = null;
            Exception? failure = null;
            try
            {
                await _invoke(async () =>
                {
                    long target;
                    int epoch;
                    // What is due is taken when the read begins, not when it was asked for: events that arrive while the
                    // call waits for the circuit's turn join this read instead of costing the next one.
                    lock (_gate)
                    {
                        if (!CanRead) return;
                        (target, request, epoch) = (_target, _requested, _epoch);
                        _reads++;
                        _inRead = true;
                    }
                    await _read();
                    lock (_gate)
                    {
                        _inRead = false;
                        if (epoch == _epoch) _applied = Math.Max(_applied ?? 0, target);
                        _served = Math.Max(_served, request!.Value);
                    }
                    _render();
                });
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failure = ex;
                if (!_disposed) _logger.LogWarning(ex, "A live page failed to re-read its state");
            }
            lock (_gate)
            {
                _inRead = false;
                if (request is { } served) _served = Math.Max(_served, served);
                CompleteWaiters(request ?? _served, failure);
                // A failed read leaves its events unapplied (still due) but does not spin: retrying at once against a
                // database that is down would hold a thread of a 2-core server. The next event or request reads again.
                if (failure is not null && _received == receivedBefore && _requested == requestedBefore)
                {
                    _served = Math.Max(_served, _requested);
                    _reading = false;
                    return;
                }
            }
        }
    }

    private void CompleteWaiters(long upTo, Exception? failure)
    {
        foreach (var waiter in _waiters.Where(w => w.Request <= upTo).ToList())
        {
            if (failure is null) waiter.Done.TrySetResult();
            else waiter.Done.TrySetException(failure);
            _waiters.Remove(waiter);
        }
    }

    public void Dispose()
    {
        IDisposable? subscription;
        lock (_gate)
        {
            _disposed = true;
            (subscription, _subscription) = (_subscription, null);
            CompleteWaiters(long.MaxValue, null);
        }
        subscription?.Dispose();
    }
}
