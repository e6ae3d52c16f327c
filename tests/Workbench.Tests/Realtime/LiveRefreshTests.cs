using System.Threading.Channels;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Workbench.Realtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace HanoiWorkbench.Workbench.Tests.Realtime;

/// <summary>
/// One page's live refresh against a fake feed and a read that waits until the test lets it finish. Each release runs
/// the rest of the refresh inline, so when it returns the refresh has either started its next read or stopped.
/// </summary>
public sealed class ALivePageReadsOncePerBurst : IDisposable
{
    private const int Branch = 3;
    private readonly FakeFeed _feed = new();
    private readonly Channel<TaskCompletionSource> _reads = Channel.CreateUnbounded<TaskCompletionSource>();
    private readonly LiveRefresh _refresh;
    private int _renders;

    public ALivePageReadsOncePerBurst()
    {
        _refresh = new LiveRefresh(_feed, LiveInterest.Queue(Branch), ReadAsync, work => work(), () => _renders++,
            NullLogger.Instance);
        _refresh.Start();
    }

    private async Task ReadAsync()
    {
        var gate = new TaskCompletionSource(); // continuations inline: releasing it runs the refresh on to its next step
        _reads.Writer.TryWrite(gate);
        await gate.Task.ConfigureAwait(false);
    }

    private static LiveEvent Event(long sequence, LiveEventKind kind = LiveEventKind.TicketChanged, int? branch = Branch) =>
        new(kind, branch, sequence, sequence, sequence, DateTimeOffset.UnixEpoch);

    private TaskCompletionSource NextRead()
    {
        Assert.True(_reads.Reader.TryRead(out var gate), "a read should have started");
        return gate;
    }

    private void AssertNoRead() => Assert.False(_reads.Reader.TryRead(out _), "no read should have started");

    [Fact]
    public async Task A_burst_while_a_read_is_blocked_costs_exactly_one_more_read()
    {
        await _feed.DeliverAsync(Event(1));
        var first = NextRead();
        for (var s = 2; s <= 31; s++) await _feed.DeliverAsync(Event(s));
        AssertNoRead();

        first.SetResult();
        var second = NextRead();
        second.SetResult();

        AssertNoRead();
        Assert.Equal(new LiveRefreshState(true, 31, 31, 2, true), _refresh.State);
        Assert.Equal(2, _renders);
    }

    [Fact]
    public async Task The_acting_page_reads_once_after_its_action_and_skips_the_events_the_action_published()
    {
        var acting = _refresh.ActAsync(() =>
        {
            _feed.Publish(Event(5));
            _feed.Publish(Event(6, LiveEventKind.CounterChanged));
            return Task.CompletedTask;
        });
        NextRead().SetResult();
        await acting;

        await _feed.DeliverHeldAsync(); // the bus hands the action's events to this page's pump afterwards
        AssertNoRead();
        Assert.Equal(6, _refresh.State.Applied);
        Assert.Equal(1, _refresh.State.Reads);
    }

    [Fact]
    public async Task Another_clerks_event_during_the_action_joins_its_read_and_a_later_one_costs_one_more()
    {
        var acting = _refresh.ActAsync(async () =>
        {
            await _feed.DeliverAsync(Event(4)); // someone else's call, numbered before ours
            AssertNoRead(); // nothing is read while the action runs: its own read will show it all
            _feed.Publish(Event(5));
            _feed.Publish(Event(6, LiveEventKind.CounterChanged));
        });
        NextRead().SetResult();
        await acting;
        await _feed.DeliverHeldAsync();
        AssertNoRead();

        await _feed.DeliverAsync(Event(7));
        NextRead().SetResult();
        AssertNoRead();
        Assert.Equal(new LiveRefreshState(true, 7, 4, 2, true), _refresh.State);
    }

    [Fact]
    public async Task A_failed_action_still_reads_and_reports_its_failure()
    {
        var acting = _refresh.ActAsync(() => throw new InvalidOperationException("refused"));
        NextRead().SetResult();
        await Assert.ThrowsAsync<InvalidOperationException>(() => acting);
        Assert.Equal(1, _refresh.State.Reads);
    }

    [Fact]
    public async Task A_gap_in_events_it_does_not_show_forces_a_read_and_a_resync_always_does()
    {
        await _feed.DeliverAsync(Event(1));
        NextRead().SetResult();

        await _feed.DeliverAsync(Event(2, LiveEventKind.ApplicationChanged)); // not shown, nothing missed
        AssertNoRead();
        await _feed.DeliverAsync(Event(4, LiveEventKind.ApplicationChanged)); // not shown, but 3 was missed
        NextRead().SetResult();
        Assert.Equal(4, _refresh.State.Applied);

        await _feed.DeliverAsync(Event(0, LiveEventKind.Resync, branch: null));
        NextRead().SetResult();
        AssertNoRead();
        Assert.Equal(3, _refresh.State.Reads);
    }

    [Fact]
    public async Task Other_branches_are_not_read_for()
    {
        await _feed.DeliverAsync(Event(9, branch: Branch + 1));
        AssertNoRead();
        Assert.True(_refresh.State.Idle);
    }

    [Fact]
    public async Task After_dispose_no_read_starts_and_the_subscription_is_gone()
    {
        await _feed.DeliverAsync(Event(1));
        var inFlight = NextRead();
        _refresh.Dispose();
        await _feed.DeliverAsync(Event(2));

        inFlight.SetResult();
        AssertNoRead();
        Assert.Equal(0, _feed.Subscribers);
        Assert.False(_refresh.State.Live);
        Assert.Equal(1, _refresh.State.Reads);
    }

    // Why a benchmark page "never saw" an event for 120 s: it waited for one exact number, and a page shows the highest
    // number its read covered; two events before a read begins show only the second.
    [Fact]
    public async Task A_page_shows_only_the_highest_number_its_read_covered_so_a_waiter_must_wait_for_at_least_a_number()
    {
        await _feed.DeliverAsync(Event(1));
        var first = NextRead();
        await _feed.DeliverAsync(Event(2));
        await _feed.DeliverAsync(Event(3));

        first.SetResult();
        Assert.Equal(1, _refresh.State.Applied);
        NextRead().SetResult();

        Assert.Equal(3, _refresh.State.Applied); // 2 was applied, and never shown as such
    }

    [Fact]
    public async Task An_event_delivered_between_the_first_read_and_the_subscription_is_read_at_start()
    {
        var feed = new FakeFeed();
        using var page = new LiveRefresh(feed, LiveInterest.Queue(Branch), ReadAsync, work => work(), () => _renders++, NullLogger.Instance);
        await feed.DeliverAsync(Event(1)); // the page has read, but has not subscribed yet: it would never hear of this

        page.Start();
        NextRead().SetResult();

        Assert.Equal(new LiveRefreshState(true, 0, 0, 1, true), page.State);
    }

    [Fact]
    public async Task A_read_that_throws_does_not_spin_and_the_next_event_reads_again()
    {
        await _feed.DeliverAsync(Event(1));
        NextRead().SetException(new InvalidOperationException("database unavailable"));

        AssertNoRead();
        Assert.False(_refresh.State.Idle); // the event is still due
        await _feed.DeliverAsync(Event(2));
        NextRead().SetResult();

        Assert.Equal(new LiveRefreshState(true, 2, 2, 2, true), _refresh.State);
    }

    public void Dispose() => _refresh.Dispose();

    /// <summary>Delivers when the test says so; an action's publications are held and delivered as one batch, as the bus does.</summary>
    private sealed class FakeFeed : ILiveFeed
    {
        private readonly List<Func<IReadOnlyList<LiveEvent>, Task>> _handlers = [];
        private readonly List<IReadOnlyList<LiveEvent>> _held = [];
        private LivePublications? _tracking;

        public int Subscribers => _handlers.Count;

        public IDisposable SubscribeBatches(Func<IReadOnlyList<LiveEvent>, Task> handler)
        {
            _handlers.Add(handler);
            return new Unsubscribe(() => _handlers.Remove(handler));
        }

        public LivePublications Track() => _tracking = new LivePublications(events =>
        {
            _tracking = null;
            _held.Add(events);
        });

        public void Publish(LiveEvent e) => (_tracking ?? throw new InvalidOperationException("not in an action")).Add(e);

        public long Delivered { get; private set; }

        public async Task DeliverAsync(params LiveEvent[] batch)
        {
            Delivered++;
            foreach (var handler in _handlers.ToList()) await handler(batch);
        }

        public async Task DeliverHeldAsync()
        {
            foreach (var batch in _held) await DeliverAsync([.. batch]);
            _held.Clear();
        }

        private sealed class Unsubscribe(Action action) : IDisposable
        {
            public void Dispose() => action();
        }
    }
}
