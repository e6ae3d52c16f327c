using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd.ScaleOut;

/// <summary>
/// Workbench processes behind one redis-server, started one after another (the first migrates and seeds the shared
/// database), and a Chromium for pages on any of them. A subclass says which database they share.
/// </summary>
public abstract class InstanceCluster : IAsyncLifetime
{
    private readonly List<WorkbenchProcess> _instances = [];
    private IPlaywright? _playwright;

    public RedisServer Redis { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Creates the shared database (if the engine needs that) and starts the processes with <see cref="StartInstanceAsync"/>.</summary>
    protected abstract Task StartInstancesAsync();

    /// <summary>Removes the shared database, after every process has stopped.</summary>
    protected abstract ValueTask DisposeDatabaseAsync();

    protected async Task<WorkbenchProcess> StartInstanceAsync(string name, WorkbenchProcessOptions options)
    {
        var instance = await WorkbenchProcess.StartAsync(name, options);
        _instances.Add(instance);
        return instance;
    }

    public async ValueTask InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        await StartInstancesAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    public Task<IPage> NewPageAsync(WorkbenchProcess instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Chromium.NewPageAsync(Browser, instance.BaseUrl);
    }

    public async Task<IPage> SignInAsync(WorkbenchProcess instance, string email, string password)
    {
        var page = await NewPageAsync(instance);
        await Chromium.SignInAsync(page, email, password);
        return page;
    }

    /// <summary>Everything the processes and Redis wrote, for a failure message.</summary>
    public string Logs() => string.Concat(_instances.Select(i => i.Log())) + Redis?.Log();

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        // The last started stops first; Redis after every process that uses it, the database after everything.
        for (var i = _instances.Count - 1; i >= 0; i--) await _instances[i].DisposeAsync();
        if (Redis is not null) await Redis.DisposeAsync();
        await DisposeDatabaseAsync();
        GC.SuppressFinalize(this);
    }
}
