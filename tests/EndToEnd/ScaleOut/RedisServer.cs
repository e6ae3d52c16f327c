using System.Diagnostics;
using System.Text;

namespace HanoiWorkbench.EndToEnd.ScaleOut;

/// <summary>
/// Debian's redis-server on a free loopback port, in a temporary folder, without persistence. A test can stop it and
/// start it again on the same port to see what the workbench does while Redis is away and when it comes back.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hw-redis-").FullName;
    private readonly StringBuilder _log = new();
    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static string Executable => Environment.GetEnvironmentVariable("REDIS_SERVER_PATH") ?? "redis-server";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(Loopback.FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts Redis (again) on the same port, empty: what a restarted Redis without persistence looks like.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is { HasExited: false }) return;
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--save", "", "--appendonly", "no", "--dir", _folder })
            start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Loopback.WaitUntilAsync(() => Loopback.AcceptsAsync(Port), TimeSpan.FromSeconds(15), $"redis-server listening on {Port}", Log);
    }

    /// <summary>Kills Redis: connections drop at once, like a crash or a network cut.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
        await Loopback.WaitUntilAsync(async () => !await Loopback.AcceptsAsync(Port), TimeSpan.FromSeconds(10), $"port {Port} closed");
    }

    public string Log()
    {
        lock (_log) return _log.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
