using System.Threading.Channels;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Workbench.Realtime;
using HanoiWorkbench.Workbench.Tests.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Realtime;

/// <summary>The bus's promises to publishers and circuits: publishers never wait for circuits, order is kept per circuit.</summary>
public sealed class LiveEventBusTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_clerk_publishing_does_not_wait_for_a_slow_circuit_and_other_circuits_are_not_held_up()
    {
        var bus = factory.Services.GetRequiredService<LiveEventBus>();
        var release = new TaskCompletionSource();
        using var slow = bus.Subscribe(_ => release.Task);
        var quick = Channel.CreateUnbounded<LiveEvent>();
        using var fast = bus.Subscribe(e => quick.Writer.WriteAsync(e).AsTask());
        try
        {
            // The slow circuit's handler cannot finish before release (in finally): a publish that waited for it would never
            // return, and fails here after the guard's time instead of hanging the run.
            await bus.PublishAsync(LiveEventKind.TicketChanged, 21, 1, Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);
            await bus.PublishAsync(LiveEventKind.TicketChanged, 21, 2, Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            cts.CancelAfter(TimeSpan.FromSeconds(10));
            Assert.Equal(1L, (await ReadBranchAsync(quick.Reader, 21, cts.Token)).EntityId);
            Assert.Equal(2L, (await ReadBranchAsync(quick.Reader, 21, cts.Token)).EntityId);
        }
        finally
        {
            release.SetResult();
        }
    }

    [Fact]
    public async Task A_circuit_receives_events_in_the_order_they_were_published_with_a_gapless_branch_sequence()
    {
        var bus = factory.Services.GetRequiredService<LiveEventBus>();
        var received = Channel.CreateUnbounded<LiveEvent>();
        // Handlers that take varying time must still see events one after the other, in order.
        using var _ = bus.Subscribe(async e =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds((e.EntityId ?? 0) % 3));
            await received.Writer.WriteAsync(e);
        });

        for (var i = 1; i <= 50; i++)
            await bus.PublishAsync(LiveEventKind.CounterChanged, 22, i, Ct);

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(20));
        long? last = null;
        for (var i = 1; i <= 50; i++)
        {
            var e = await ReadBranchAsync(received.Reader, 22, cts.Token);
            Assert.Equal(i, e.EntityId);
            if (last is not null) Assert.False(LiveSequence.MustReread(last, e.BranchSequence, e.Kind));
            last = e.BranchSequence;
        }
    }

    [Fact]
    public async Task A_city_dashboard_receives_an_event_without_a_branch_once()
    {
        var (dashboard, reader) = await HubClients.ConnectAsync(factory, await HubClients.StaffCookieAsync(factory, Data.DemoAccounts.Director.Email));
        await using var _ = dashboard;
        await dashboard.InvokeAsync(nameof(LiveHub.JoinCity), Ct);
        var bus = factory.Services.GetRequiredService<ILiveEvents>();

        await bus.PublishAsync(LiveEventKind.Resync, null, null, Ct);
        await bus.PublishAsync(LiveEventKind.ApplicationChanged, 23, 7, Ct);

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(10));
        var first = await reader.ReadAsync(cts.Token);
        var second = await reader.ReadAsync(cts.Token);
        Assert.Equal([LiveEventKind.Resync, LiveEventKind.ApplicationChanged], [first.Kind, second.Kind]);
    }

    private static async Task<LiveEvent> ReadBranchAsync(ChannelReader<LiveEvent> reader, int branchId, CancellationToken ct)
    {
        while (true)
        {
            var e = await reader.ReadAsync(ct);
            if (e.BranchId == branchId) return e;
        }
    }
}
