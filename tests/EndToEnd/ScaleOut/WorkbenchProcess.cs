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
    private readonly Process _process;

    private WorkbenchProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public static Task<WorkbenchProcess> StartAsync(string name, string sqliteFile, string redis) =>
        StartAsync(name, new WorkbenchProcessOptions("Sqlite", $"Data Source={sqliteFile}", redis));

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
        start.Environment["Redis__ConnectionString"] = options.Redis;
        if (options.Home is not null) start.Environment["HOME"] = options.Home;
        // Development serves the static web assets (MudBlazor, the SignalR client) from the build output.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__HanoiWorkbench"] = "Information";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var instance = new WorkbenchProcess(process, port);
        process.OutputDataReceived += (_, e) => instance.Append(name, e.Data);
        process.ErrorDataReceived += (_, e) => instance.Append(name, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Loopback.WaitUntilAsync(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"{name} exited: {instance.Log()}");
            try { return (await http.GetAsync($"{instance.BaseUrl}/account/login")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
            catch (TaskCanceledException) { return false; }
        }, TimeSpan.FromSeconds(90), $"{name} answering on {instance.BaseUrl}", instance.Log);
        return instance;
    }

    private void Append(string name, string? line)
    {
        if (line is null) return;
        lock (_log) _log.Append(name).Append(": ").AppendLine(line);
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

/// <summary>
/// The database and Redis a process works on, and the user profile (HOME) it runs under: a profile of its own is a
/// data-protection key folder of its own, as on a separate server.
/// </summary>
public sealed record WorkbenchProcessOptions(string Provider, string ConnectionString, string Redis, string? Home = null);
