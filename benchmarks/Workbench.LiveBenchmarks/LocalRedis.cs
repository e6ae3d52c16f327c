using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HanoiWorkbench.LiveBenchmarks;

/// <summary>Debian's redis-server on a free loopback port, without persistence, for the backplane variant.</summary>
public sealed class LocalRedis : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private LocalRedis(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        ConnectionString = $"127.0.0.1:{port}";
    }

    public string ConnectionString { get; }

    public static async Task<LocalRedis> StartAsync()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var folder = Directory.CreateTempSubdirectory("hw-bench-redis-").FullName;
        var start = new ProcessStartInfo("redis-server") { WorkingDirectory = folder, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        for (var attempt = 0; ; attempt++)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (attempt < 100)
            {
                await Task.Delay(100);
            }
        }
        return new LocalRedis(process, folder, port);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
