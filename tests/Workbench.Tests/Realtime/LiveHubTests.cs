using System.Threading.Channels;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Workbench.Realtime;
using HanoiWorkbench.Workbench.Tests.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Realtime;

/// <summary>The hub at /hubs/live through the .NET SignalR client: groups per branch and city, sequence numbers.</summary>
public sealed class LiveHubTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    // The branch and city groups need a staff member with that scope: the director has the whole city.
    private async Task<(HubConnection Connection, ChannelReader<LiveEvent> Events)> ConnectAsync(Func<HubConnection, Task> join)
    {
        var (connection, events) = await HubClients.ConnectAsync(factory, await HubClients.StaffCookieAsync(factory, Data.DemoAccounts.Director.Email));
        await join(connection);
        return (connection, events);
    }

    private static Task<LiveEvent?> NextOrNothingAsync(ChannelReader<LiveEvent> events, TimeSpan wait) => HubClients.NextOrNothingAsync(events, wait);

    [Fact]
    public async Task A_branch_screen_receives_its_branch_events_in_sequence_and_not_other_branches()
    {
        var (screen, events) = await ConnectAsync(c => c.InvokeAsync("JoinBranch", 7, TestContext.Current.CancellationToken));
        await using var _ = screen;
        var bus = factory.Services.GetRequiredService<ILiveEvents>();

        await bus.PublishAsync(LiveEventKind.TicketChanged, 7, 101, TestContext.Current.CancellationToken);
        await bus.PublishAsync(LiveEventKind.TicketChanged, 8, 102, TestContext.Current.CancellationToken);
        await bus.PublishAsync(LiveEventKind.CounterChanged, 7, 3, TestContext.Current.CancellationToken);

        var first = await NextOrNothingAsync(events, TimeSpan.FromSeconds(10));
        var second = await NextOrNothingAsync(events, TimeSpan.FromSeconds(10));
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal((LiveEventKind.TicketChanged, 7, 101L), (first.Kind, first.BranchId!.Value, first.EntityId!.Value));
        Assert.Equal((LiveEventKind.CounterChanged, 7, 3L), (second.Kind, second.BranchId!.Value, second.EntityId!.Value));
        Assert.Equal(first.BranchSequence + 1, second.BranchSequence);
        Assert.False(LiveSequence.MustReread(first.BranchSequence, second.BranchSequence, second.Kind));
        Assert.Null(await NextOrNothingAsync(events, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task A_city_dashboard_receives_every_branch_with_a_gapless_city_sequence()
    {
        var (dashboard, events) = await ConnectAsync(c => c.InvokeAsync("JoinCity", TestContext.Current.CancellationToken));
        await using var _ = dashboard;
        var bus = factory.Services.GetRequiredService<ILiveEvents>();

        foreach (var branch in new[] { 1, 2, 3 })
            await bus.PublishAsync(LiveEventKind.ApplicationChanged, branch, branch * 10, TestContext.Current.CancellationToken);

        var received = new List<LiveEvent>();
        for (var i = 0; i < 3; i++)
            received.Add((await NextOrNothingAsync(events, TimeSpan.FromSeconds(10)))!);
        Assert.Equal([1, 2, 3], received.Select(e => e.BranchId!.Value));
        Assert.Equal(received[0].CitySequence + 2, received[2].CitySequence);
    }

    [Fact]
    public async Task A_circuit_subscription_receives_events_in_process_until_disposed()
    {
        var bus = factory.Services.GetRequiredService<LiveEventBus>();
        var seen = Channel.CreateUnbounded<LiveEvent>();
        var subscription = bus.Subscribe(e => seen.Writer.WriteAsync(e).AsTask());

        await bus.PublishAsync(LiveEventKind.StaffAssigned, 4, 55, TestContext.Current.CancellationToken);
        Assert.Equal(55L, (await NextOrNothingAsync(seen.Reader, TimeSpan.FromSeconds(10)))?.EntityId);
        subscription.Dispose();
        await bus.PublishAsync(LiveEventKind.StaffAssigned, 4, 56, TestContext.Current.CancellationToken);

        // A later subscriber gets the next event: by then 56 would have been handed to the disposed one too.
        var later = Channel.CreateUnbounded<LiveEvent>();
        using var _ = bus.Subscribe(e => later.Writer.WriteAsync(e).AsTask());
        await bus.PublishAsync(LiveEventKind.StaffAssigned, 4, 57, TestContext.Current.CancellationToken);
        Assert.NotNull(await NextOrNothingAsync(later.Reader, TimeSpan.FromSeconds(10)));
        Assert.False(seen.Reader.TryRead(out var unexpected), $"received {unexpected} after disposing");
    }
}
