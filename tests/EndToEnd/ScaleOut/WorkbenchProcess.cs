using System.Diagnostics;
using System.Text;

namespace HanoiWorkbench.EndToEnd.ScaleOut;

/// <summary>
/// A real workbench process (<c>dotnet HanoiWorkbench.Workbench.dll</c>) on a loopback port, as it runs in production
/// behind a load balancer: its own memory, the shared database and Redis given through the environment.
/// </summary>
public sealed class WorkbenchProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private readonly string _name;
    private readonly ProcessStartInfo _start;
    private Process? _process;

    private WorkbenchProcess(string name, ProcessStartInfo start, int port)
    {
        _name = name;
        _start = start;
        Port = port;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public static Task<WorkbenchProcess> StartAsync(string name, string sqliteFile, string redis) =>
        StartAsync(name, new WorkbenchProcessOptions("Sqlite", $"Data Source={sqliteFile}", redis));

    /// <param name="redis">Null: no backplane, the single instance of the embedded default.</param>
    /// <param name="settings">More configuration, by environment variable name (<c>Intake__ApiKeys__0</c>).</param>
    public static Task<WorkbenchProcess> StartAsync(string name, string sqliteFile, string? redis, IReadOnlyDictionary<string, string> settings) =>
        StartAsync(name, new WorkbenchProcessOptions("Sqlite", $"Data Source={sqliteFile}", redis, Settings: settings));

    public static async Task<WorkbenchProcess> StartAsync(string name, WorkbenchProcessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var port = Loopback.FreePort();
        var dll = WorkbenchDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ConnectionStrings__Workbench"] = options.ConnectionString;
        start.Environment["Database__Provider"] = options.Provider;
        if (options.Redis is not null) start.Environment["Redis__ConnectionString"] = options.Redis;
        if (options.Home is not null) start.Environment["HOME"] = options.Home;
        // Development serves the static web assets (MudBlazor, the SignalR client) from the build output.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__HanoiWorkbench"] = "Information";
        foreach (var (key, value) in options.Settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var instance = new WorkbenchProcess(name, start, port);
        await instance.LaunchAsync();
        return instance;
    }

    private async Task LaunchAsync()
    {
        var process = Process.Start(_start) ?? throw new InvalidOperationException("dotnet did not start");
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Loopback.WaitUntilAsync(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"{_name} exited: {Log()}");
            try { return (await http.GetAsync($"{BaseUrl}/account/login")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
            catch (TaskCanceledException) { return false; }
        }, TimeSpan.FromSeconds(90), $"{_name} answering on {BaseUrl}", Log);
    }

    /// <summary>
    /// SIGKILL (what <see cref="Process.Kill(bool)"/> sends on Linux): no shutdown, no flush, no finally block runs, like a
    /// process the kernel's out-of-memory killer takes.
    /// </summary>
    public async Task KillAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
        Append("killed (SIGKILL)");
    }

    /// <summary>After <see cref="KillAsync"/>: the same command again, on the same port, database and settings.</summary>
    public Task RestartAsync() =>
        _process is null ? LaunchAsync() : throw new InvalidOperationException($"{_name} is still running");

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.Append(_name).Append(": ").AppendLine(line);
    }

    public string Log()
    {
        lock (_log) return _log.ToString();
    }

    /// <summary>src/Workbench/bin/&lt;configuration of this test build&gt;/net10.0/HanoiWorkbench.Workbench.dll.</summary>
    public static string WorkbenchDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HanoiWorkbench.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"HanoiWorkbench.sln not found above {AppContext.BaseDirectory}");
        var dll = Path.Combine(root.FullName, "src", "Workbench", "bin", configuration, framework, "HanoiWorkbench.Workbench.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Workbench first", dll);
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}

/// <summary>
/// The database and Redis a process works on (Redis null: no backplane), the user profile (HOME) it runs under (a profile
/// of its own is a data-protection key folder of its own, as on a separate server) and more settings by environment name.
/// </summary>
public sealed record WorkbenchProcessOptions(string Provider, string ConnectionString, string? Redis, string? Home = null,
    IReadOnlyDictionary<string, string>? Settings = null);
