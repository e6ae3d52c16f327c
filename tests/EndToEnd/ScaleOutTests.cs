using System.Diagnostics;
using System.Threading.Channels;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Data;
using HanoiWorkbench.EndToEnd.ScaleOut;

namespace HanoiWorkbench.EndToEnd;

/// <summary>Several workbench processes behind one Redis: live events cross instances, and survive Redis going away.</summary>
public sealed class ScaleOutTests(ScaleOutCluster cluster) : IClassFixture<ScaleOutCluster>
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(15);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_published_on_one_instance_reaches_a_hub_client_on_another()
    {
        var branchId = await cluster.BranchIdAsync(DemoAccounts.Clerk.BranchCode);
        await using var screenOnB = await LiveClient.ConnectToBranchAsync(cluster.B.BaseUrl, branchId, Ct);
        await using var instance = await InProcessInstance.StartAsync(cluster.Redis.ConnectionString);

        await instance.Bus.PublishAsync(LiveEventKind.TicketChanged, branchId, 4242, Ct);

        var received = await screenOnB.NextAsync(e => e.EntityId == 4242, Delivery);
        Assert.True(received is not null, cluster.Logs());
        Assert.Equal((LiveEventKind.TicketChanged, branchId), (received.Kind, received.BranchId!.Value));
    }

    [Fact]
    public async Task When_Redis_goes_away_instances_serve_their_own_users_and_everyone_resyncs_when_it_returns()
    {
        var branchId = await cluster.BranchIdAsync(DemoAccounts.Clerk.BranchCode);
        await using var screenOnB = await LiveClient.ConnectToBranchAsync(cluster.B.BaseUrl, branchId, Ct);
        await using var instance = await InProcessInstance.StartAsync(cluster.Redis.ConnectionString);
        var circuit = Channel.CreateUnbounded<LiveEvent>();
        using var subscription = instance.Bus.Subscribe(e => circuit.Writer.WriteAsync(e).AsTask());

        await cluster.Redis.StopAsync();
        try
        {
            // The instance's own circuits still get its events, and publishing does not wait for Redis.
            var publishing = Stopwatch.StartNew();
            await instance.Bus.PublishAsync(LiveEventKind.TicketChanged, branchId, 5001, Ct);
            publishing.Stop();
            Assert.True(publishing.Elapsed < TimeSpan.FromSeconds(1), $"publishing took {publishing.Elapsed} while Redis was away");
            Assert.Equal(5001, (await ReadAsync(circuit.Reader, e => e.EntityId == 5001))?.EntityId);

            // Pages still load and a clerk can still sign in on A.
            var page = await cluster.SignInAsync(cluster.A, DemoAccounts.Clerk.Email, DemoAccounts.Password);
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

        // And events cross instances again.
        await instance.Bus.PublishAsync(LiveEventKind.TicketChanged, branchId, 5002, Ct);
        Assert.True(await screenOnB.NextAsync(e => e.EntityId == 5002, Delivery) is not null, cluster.Logs());
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
