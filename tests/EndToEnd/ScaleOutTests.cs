using System.Diagnostics;
using System.Threading.Channels;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Data;
using HanoiWorkbench.EndToEnd.ScaleOut;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd;

/// <summary>Several workbench processes behind one Redis: live events cross instances, and survive Redis going away.</summary>
public sealed class ScaleOutTests(ScaleOutCluster cluster) : IClassFixture<ScaleOutCluster>
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(15);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_ticket_called_at_a_counter_on_instance_A_reaches_a_hub_client_and_the_lobby_display_on_instance_B()
    {
        var branchId = await cluster.BranchIdAsync(DemoAccounts.Clerk.BranchCode);
        await using var screenOnB = await LiveClient.ConnectToBranchAsync(cluster.B.BaseUrl, branchId, Ct);
        var display = await cluster.NewPageAsync(cluster.B);
        await display.GotoAsync($"/display/{DemoAccounts.Clerk.BranchCode}");
        await Assertions.Expect(display.Locator("#branch-name")).ToContainTextAsync("Tây Hồ");
        await Assertions.Expect(display.Locator("#link.on")).ToBeVisibleAsync();

        // A citizen takes a ticket at the kiosk served by A; the display on B counts it without a reload.
        var kiosk = await cluster.NewPageAsync(cluster.A);
        await kiosk.GotoAsync($"/kiosk/{DemoAccounts.Clerk.BranchCode}");
        await kiosk.Locator("h1[data-interactive=true]").WaitForAsync();
        await kiosk.GetByTestId("group-A").ClickAsync();
        await kiosk.GetByTestId("take-ticket").ClickAsync();
        var number = (await kiosk.GetByTestId("ticket-number").InnerTextAsync()).Trim();
        await Assertions.Expect(display.GetByTestId("groups")).ToContainTextAsync("1 người chờ");

        // The clerk, signed in on A, opens a counter and calls next.
        var counter = await cluster.SignInAsync(cluster.A, DemoAccounts.Clerk.Email, DemoAccounts.Password);
        await counter.GotoAsync("/counter");
        await counter.Locator("h1[data-interactive=true]").WaitForAsync();
        await counter.GetByTestId("open-counter").ClickAsync();
        await Assertions.Expect(counter.GetByTestId("call-next")).ToBeEnabledAsync();
        screenOnB.Drain();
        await counter.GetByTestId("call-next").ClickAsync();
        await Assertions.Expect(counter.GetByTestId("current-number")).ToHaveTextAsync(number);

        var called = await screenOnB.NextAsync(e => e.Kind == LiveEventKind.TicketChanged, Delivery);
        Assert.True(called is not null, "the .NET client on B heard nothing\n" + cluster.Logs());
        Assert.Equal(branchId, called.BranchId);
        Assert.True(called.BranchSequence > 0, "numbered by Redis");
        await Assertions.Expect(display.GetByTestId("current-call")).ToContainTextAsync($"Mời số {number}");
        await WorkbenchServer.ScreenshotAsync(display, "scaleout-display-on-b");
    }

    [Fact]
    public async Task When_Redis_goes_away_instances_serve_their_own_users_and_everyone_resyncs_when_it_returns()
    {
        var branchId = await cluster.BranchIdAsync("BR09");
        await using var screenOnB = await LiveClient.ConnectToBranchAsync(cluster.B.BaseUrl, branchId, Ct);
        await using var instance = await InProcessInstance.StartAsync(cluster.DatabaseFile, cluster.Redis.ConnectionString);
        var (clerk, counter, ticketId, number) = await instance.OpenCounterWithOneTicketAsync(branchId);
        var display = await cluster.NewPageAsync(cluster.B);
        await display.GotoAsync("/display/BR09");
        await Assertions.Expect(display.Locator("#link.on")).ToBeVisibleAsync();
        var circuit = Channel.CreateUnbounded<LiveEvent>();
        using var subscription = instance.Bus.Subscribe(e => circuit.Writer.WriteAsync(e).AsTask());

        await cluster.Redis.StopAsync();
        try
        {
            // A clerk can still call: the instance's own circuits get the event, and nothing waits for Redis.
            var calling = Stopwatch.StartNew();
            var called = await instance.Queue.CallNextAsync(clerk, counter, Ct);
            calling.Stop();
            Assert.Equal(ticketId, called?.Id);
            Assert.True(calling.Elapsed < TimeSpan.FromSeconds(2), $"call-next took {calling.Elapsed} while Redis was away");
            Assert.NotNull(await ReadAsync(circuit.Reader, e => e.Kind == LiveEventKind.TicketChanged && e.EntityId == ticketId));

            // A clerk can still sign in on A, and the interactive page gets a running circuit: a render batch (binary
            // frame) arrives on Blazor's own hub connection, which must not depend on Redis.
            var page = await cluster.SignInAsync(cluster.A, DemoAccounts.Clerk.Email, DemoAccounts.Password);
            var rendered = new TaskCompletionSource();
            page.WebSocket += (_, socket) =>
            {
                if (socket.Url.Contains("/_blazor", StringComparison.Ordinal))
                    socket.FrameReceived += (_, frame) => { if (frame.Binary is { Length: > 0 }) rendered.TrySetResult(); };
            };
            await page.ReloadAsync();
            await rendered.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct);
            await Assertions.Expect(page.GetByTestId("branch-header")).ToContainTextAsync("Tây Hồ");
            await WorkbenchServer.ScreenshotAsync(page, "scaleout-a-without-redis");
        }
        finally
        {
            await cluster.Redis.StartAgainAsync();
        }

        // Everyone re-reads: the hub client on B and the circuits of the in-process instance.
        Assert.True(await screenOnB.NextAsync(e => e.Kind == LiveEventKind.Resync, TimeSpan.FromSeconds(30)) is not null,
            "no Resync on B\n" + cluster.Logs());
        Assert.NotNull(await ReadAsync(circuit.Reader, e => e.Kind == LiveEventKind.Resync));
        // The lobby display on B missed the call made while Redis was away; the Resync makes it re-read and catch up.
        await Assertions.Expect(display.GetByTestId("current-call")).ToContainTextAsync($"Mời số {number}");

        // And events cross instances again: the clerk finishes the ticket, the screen on B hears of it.
        await instance.Queue.FinishAsync(clerk, ticketId, Ct);
        Assert.True(await screenOnB.NextAsync(e => e.Kind == LiveEventKind.TicketChanged && e.EntityId == ticketId, Delivery) is not null,
            cluster.Logs());
    }

    private static async Task<LiveEvent?> ReadAsync(ChannelReader<LiveEvent> reader, Func<LiveEvent, bool> match)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                var e = await reader.ReadAsync(cts.Token);
                if (match(e)) return e;
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
