using System.Collections.Concurrent;
using System.Diagnostics;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Workbench.Realtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HanoiWorkbench.LiveBenchmarks;

/// <summary>
/// Latency from publish to receipt. The hub (LiveHub, LiveEventBus, AddWorkbenchRealtime without Redis) runs on
/// Kestrel on a loopback port; 100, 500, then 1,000 .NET SignalR clients over WebSockets join one branch group. Each
/// round publishes through our bus (numbering, circuits, hub groups, relay) and, alternately, sends the same event
/// straight through IHubContext to the same group (the bare SignalR broadcast). The 100 "circuits" are in-process
/// subscribers of the same bus, measured in the same rounds. With <c>--redis</c>, the same run with a local redis-server
/// as backplane and relay (one instance: every send goes out to Redis and back).
/// </summary>
public static class FanOutBenchmark
{
    private const int BranchId = 1;
    private const int Rounds = 100;
    private const int Circuits = 100;

    public static async Task RunAsync(TextWriter output, string? redis)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (redis is not null) builder.Configuration["Redis:ConnectionString"] = redis;
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddWorkbenchRealtime(builder.Configuration);
        await using var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<LiveHub>(LiveHub.Path);
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var bus = app.Services.GetRequiredService<LiveEventBus>();
        var hub = app.Services.GetRequiredService<IHubContext<LiveHub, ILiveClient>>();

        output.WriteLine($"fan-out{(redis is null ? "" : " through the Redis backplane and relay")}, {Machine.Describe()}");
        var receipts = new ConcurrentDictionary<long, ConcurrentBag<long>>();
        var circuitReceipts = new ConcurrentDictionary<long, ConcurrentBag<long>>();
        var subscriptions = Enumerable.Range(0, Circuits).Select(_ => bus.Subscribe(e =>
        {
            if (e.EntityId is long id) circuitReceipts.GetOrAdd(id, _ => []).Add(Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        })).ToList();

        var clients = new List<HubConnection>();
        var messageId = 0L;
        try
        {
            foreach (var size in new[] { 100, 500, 1000 })
            {
                await ConnectAsync(clients, size, url, receipts);
                var ours = new List<double>();
                var bare = new List<double>();
                var circuits = new List<double>();
                // Warm-up rounds are not counted.
                for (var round = -5; round < Rounds; round++)
                {
                    foreach (var viaBus in new[] { true, false })
                    {
                        var id = ++messageId;
                        var bag = receipts.GetOrAdd(id, _ => []);
                        var started = Stopwatch.GetTimestamp();
                        if (viaBus)
                            await bus.PublishAsync(LiveEventKind.TicketChanged, BranchId, id);
                        else
                            await hub.Clients.Group(LiveHub.BranchGroup(BranchId)).Live(
                                new LiveEvent(LiveEventKind.TicketChanged, BranchId, id, 0, 0, TimeProvider.System.GetUtcNow()));
                        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 10;
                        while ((bag.Count < clients.Count || (viaBus && circuitReceipts.GetOrAdd(id, _ => []).Count < Circuits))
                               && Stopwatch.GetTimestamp() < deadline)
                            await Task.Delay(5);
                        if (round < 0) continue;
                        var target = viaBus ? ours : bare;
                        target.AddRange(bag.Select(t => Stopwatch.GetElapsedTime(started, t).TotalMilliseconds));
                        target.AddRange(Enumerable.Repeat(double.PositiveInfinity, clients.Count - bag.Count)); // lost = worst
                        if (viaBus)
                            circuits.AddRange(circuitReceipts[id].Select(t => Stopwatch.GetElapsedTime(started, t).TotalMilliseconds));
                        await Task.Delay(50);
                    }
                }
                var o = Percentiles.Of(ours);
                var b = Percentiles.Of(bare);
                output.WriteLine($"{size,5} hub clients, our bus : {o}");
                output.WriteLine($"{size,5} hub clients, bare    : {b}");
                output.WriteLine(FormattableString.Invariant(
                    $"{size,5} hub clients, ratio ours/bare: p50 {o.P50 / b.P50:0.00}  p95 {o.P95 / b.P95:0.00}  p99 {o.P99 / b.P99:0.00}"));
                output.WriteLine($"{Circuits,5} circuits (in-process subscribers, same rounds): {Percentiles.Of(circuits)}");
            }
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
            foreach (var s in subscriptions) s.Dispose();
            await app.StopAsync();
        }
    }

    private static async Task ConnectAsync(List<HubConnection> clients, int size, string url,
        ConcurrentDictionary<long, ConcurrentBag<long>> receipts)
    {
        while (clients.Count < size)
        {
            var batch = Enumerable.Range(0, Math.Min(50, size - clients.Count)).Select(async _ =>
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(new Uri(url), LiveHub.Path), o =>
                    {
                        o.Transports = HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                    })
                    .Build();
                connection.On<LiveEvent>(nameof(ILiveClient.Live), e =>
                {
                    if (e.EntityId is long id) receipts.GetOrAdd(id, _ => []).Add(Stopwatch.GetTimestamp());
                });
                await connection.StartAsync();
                await connection.InvokeAsync(nameof(LiveHub.JoinBranch), BranchId);
                return connection;
            }).ToList();
            clients.AddRange(await Task.WhenAll(batch));
        }
    }
}
