using System.Diagnostics.Metrics;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data.Pool;
using HanoiWorkbench.Data.Tests.Pool;
using HanoiWorkbench.Data.Tests.Queue;

namespace HanoiWorkbench.Data.Tests.Monitoring;

/// <summary>The workbench's meter (exported over OTLP when configured) counts what really happened (issue 15, point 6).</summary>
public sealed class TheMeterCountsTheWork
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Other tests run at the same time: only measurements recorded on this test's own flow are kept.</summary>
    private sealed class Recorder : IDisposable
    {
        private static readonly AsyncLocal<Recorder?> Current = new();
        private readonly MeterListener _listener = new();
        private readonly List<(string Instrument, long Value, int? Branch)> _seen = [];

        public Recorder()
        {
            Current.Value = this;
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == WorkbenchMetrics.MeterName) l.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                if (Current.Value != this) return;
                int? branch = null;
                foreach (var t in tags) if (t.Key == "branch.id") branch = (int?)t.Value;
                lock (_seen) _seen.Add((instrument.Name, value, branch));
            });
            _listener.Start();
        }

        public IReadOnlyList<(string Instrument, long Value, int? Branch)> Of(string instrument)
        {
            lock (_seen) return _seen.Where(s => s.Instrument == instrument).ToList();
        }

        public void Dispose() => _listener.Dispose();
    }

    [Fact]
    public async Task Each_ticket_called_adds_one_to_tickets_called_for_its_branch()
    {
        await using var queue = await QueueFixture.CreateAsync();
        var clerk = await queue.SeatClerkAsync(0);
        var other = await queue.SeatClerkAsync(1);
        await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
        await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
        using var recorder = new Recorder();

        Assert.NotNull(await queue.Service.CallNextAsync(clerk.StaffId, clerk.CounterId, Ct));
        Assert.NotNull(await queue.Service.CallNextAsync(other.StaffId, other.CounterId, Ct));

        Assert.Equal([(1L, (int?)queue.BranchId), (1L, queue.BranchId)],
            recorder.Of("workbench.tickets.called").Select(s => (s.Value, s.Branch)));
    }

    [Fact]
    public async Task A_stored_submission_adds_one_to_applications_received_and_a_replay_or_an_invalid_one_adds_nothing()
    {
        await using var h = await PoolHarness.CreateAsync();
        using var recorder = new Recorder();

        var stored = await h.Intake.SubmitAsync(IntakeUnderLoad.Submission(1), "metric-key-1", Ct);
        var replayed = await h.Intake.SubmitAsync(IntakeUnderLoad.Submission(1), "metric-key-1", Ct);
        var invalid = await h.Intake.SubmitAsync(IntakeUnderLoad.Submission(2) with { AreaCode = "999" }, "metric-key-2", Ct);

        Assert.Equal(IntakeOutcome.Created, stored.Outcome);
        Assert.Equal(IntakeOutcome.Replayed, replayed.Outcome);
        Assert.Equal(IntakeOutcome.Invalid, invalid.Outcome);
        var received = recorder.Of("workbench.applications.received");
        Assert.Equal([(1L, (int?)stored.Accepted!.QueuedBranchId)], received.Select(s => (s.Value, s.Branch)));
    }
}
