using System.Diagnostics.Metrics;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.LivePages;

/// <summary>
/// The queue-length gauge (issue #15 pt 6): tickets waiting per branch, tagged with the branch code, read from the city
/// projection at each collection, so issuing a ticket raises it and calling one lowers it once the projection has the event.
/// </summary>
public sealed class TheQueueGaugeFollowsTheProjection : LiveBranchContext
{
    /// <summary>Collects this test's gauge only: other tests' containers have meters of the same name.</summary>
    private sealed class GaugeReader : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, int> _last = [];

        public GaugeReader(IMeterFactory ours)
        {
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == WorkbenchMetrics.QueueLength && instrument.Meter.Scope == ours) l.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
            {
                foreach (var t in tags)
                    if (t.Key == "branch.code") _last[(string)t.Value!] = value;
            });
            _listener.Start();
        }

        /// <summary>One collection, as an exporter's scrape does it.</summary>
        public IReadOnlyDictionary<string, int> Collect()
        {
            _last.Clear();
            _listener.RecordObservableInstruments();
            return new Dictionary<string, int>(_last);
        }

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>Runs the action and returns once the projection has applied a batch with a ticket change of the branch
    /// (viewers get a batch only after the projection has it).</summary>
    private static async Task UntilProjectedAsync(CityLive city, int branchId, Func<Task> action)
    {
        var applied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = city.SubscribeBatches(batch =>
        {
            if (batch.Any(e => e.Kind == LiveEventKind.TicketChanged && e.BranchId == branchId)) applied.TrySetResult();
            return Task.CompletedTask;
        });
        await action();
        await applied.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    [Fact]
    public async Task Issuing_a_ticket_raises_its_branchs_queue_length_and_calling_it_lowers_it()
    {
        var city = Services.GetRequiredService<CityLive>();
        await city.StartAsync(Ct);
        using var gauge = new GaugeReader(Services.GetRequiredService<IMeterFactory>());
        var before = gauge.Collect();
        Assert.Equal(1, before[BranchCode]);
        var branches = before.Count;

        await UntilProjectedAsync(city, Clerk.CurrentBranchId, () => Queue.IssueTicketAsync(Clerk.CurrentBranchId, GroupId, PriorityCategory.None, Ct));
        var afterIssue = gauge.Collect();
        await UntilProjectedAsync(city, Clerk.CurrentBranchId, async () => Assert.NotNull(await Queue.CallNextAsync(Clerk.Id, CounterId, Ct)));
        var afterCall = gauge.Collect();

        Assert.Equal((2, 1), (afterIssue[BranchCode], afterCall[BranchCode]));
        Assert.True(branches > 1, "every branch of the projection is reported");
        Assert.All(afterCall.Where(b => b.Key != BranchCode), b => Assert.Equal(before[b.Key], b.Value));
    }
}
