using System.Threading.Channels;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Workbench.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace HanoiWorkbench.EndToEnd.ScaleOut;

/// <summary>A .NET SignalR client of /hubs/live over WebSockets, like a lobby display, that records what it receives.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<LiveEvent> _events = Channel.CreateUnbounded<LiveEvent>();

    private LiveClient(HubConnection connection) => _connection = connection;

    public static async Task<LiveClient> ConnectToBranchAsync(string baseUrl, int branchId, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(baseUrl), LiveHub.Path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        var client = new LiveClient(connection);
        connection.On<LiveEvent>(nameof(ILiveClient.Live), e => client._events.Writer.TryWrite(e));
        await connection.StartAsync(ct);
        await connection.InvokeAsync(nameof(LiveHub.JoinLobby), branchId, ct);
        return client;
    }

    /// <summary>The next event that satisfies <paramref name="match"/>, skipping others; null after <paramref name="wait"/>.</summary>
    public async Task<LiveEvent?> NextAsync(Func<LiveEvent, bool> match, TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            while (true)
            {
                var e = await _events.Reader.ReadAsync(cts.Token);
                if (match(e)) return e;
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Forgets what has been received so far, so the next read sees only what follows an action.</summary>
    public void Drain()
    {
        while (_events.Reader.TryRead(out _)) { }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
