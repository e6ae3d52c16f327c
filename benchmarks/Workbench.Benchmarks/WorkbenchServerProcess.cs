using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HanoiWorkbench.Benchmarks;

/// <summary>
/// A real workbench process (<c>dotnet HanoiWorkbench.Workbench.dll</c>, Development, the build of this benchmark's
/// configuration) on a free loopback port, its database and Redis given through the environment; killed on dispose.
/// </summary>
internal sealed class WorkbenchServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private WorkbenchServerProcess(Process process, int port)
    {
        _process = process;
        BaseUrl = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
    }

    public string BaseUrl { get; }

    public static async Task<WorkbenchServerProcess> StartAsync(string name, IReadOnlyDictionary<string, string?> environment)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var dll = WorkbenchDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}" }) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var instance = new WorkbenchServerProcess(process, port);
        process.OutputDataReceived += (_, e) => instance.Append(name, e.Data);
        process.ErrorDataReceived += (_, e) => instance.Append(name, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"{name} exited: {instance.Log()}");
            try
            {
                if ((await http.GetAsync(new Uri($"{instance.BaseUrl}/health/ready"))).IsSuccessStatusCode) return instance;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (waited.Elapsed > TimeSpan.FromSeconds(120)) throw new TimeoutException($"{name} not ready after 120 s: {instance.Log()}");
            await Task.Delay(200);
        }
    }

    private void Append(string name, string? line)
    {
        if (line is null) return;
        lock (_log) _log.Append(name).Append(": ").AppendLine(line);
    }

    private string Log()
    {
        lock (_log) return _log.ToString();
    }

    /// <summary>src/Workbench/bin/&lt;this build's configuration&gt;/&lt;framework&gt;/HanoiWorkbench.Workbench.dll (building
    /// the benchmark builds it: the project is referenced).</summary>
    private static string WorkbenchDll()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = bin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HanoiWorkbench.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"HanoiWorkbench.sln not found above {AppContext.BaseDirectory}");
        var dll = Path.Combine(root.FullName, "src", "Workbench", "bin", bin.Parent!.Name, bin.Name, "HanoiWorkbench.Workbench.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Workbench first", dll);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
