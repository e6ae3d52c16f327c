using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Queue;
using HanoiWorkbench.Workbench.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd.ScaleOut;

/// <summary>
/// Two workbench processes, A and B, sharing one SQLite file and one redis-server, and a Chromium for pages on either.
/// A starts first (it migrates and seeds the shared file), then B.
/// </summary>
public sealed class ScaleOutCluster : IAsyncLifetime
{
    private readonly TempFolder _temp = new("scaleout");
    private IPlaywright? _playwright;

    public RedisServer Redis { get; private set; } = default!;
    public WorkbenchProcess A { get; private set; } = default!;
    public WorkbenchProcess B { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public string DatabaseFile => _temp.PathOf("workbench.db");

    public async ValueTask InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        A = await WorkbenchProcess.StartAsync("A", DatabaseFile, Redis.ConnectionString);
        B = await WorkbenchProcess.StartAsync("B", DatabaseFile, Redis.ConnectionString);
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    public Task<IPage> NewPageAsync(WorkbenchProcess instance) => Chromium.NewPageAsync(Browser, instance.BaseUrl);

    public async Task<IPage> SignInAsync(WorkbenchProcess instance, string email, string password)
    {
        var page = await NewPageAsync(instance);
        await Chromium.SignInAsync(page, email, password);
        return page;
    }

    public async Task<int> BranchIdAsync(string code)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Branches WHERE Code = $code";
        command.Parameters.AddWithValue("$code", code);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Everything both processes wrote, for a failure message.</summary>
    public string Logs() => A.Log() + B.Log() + Redis.Log();

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        if (Redis is not null) await Redis.DisposeAsync();
        _temp.Dispose();
    }
}

/// <summary>
/// The workbench's services without the web front (data, queue, live events), in the test process, on the shared
/// SQLite file and Redis: a third instance whose use cases a test calls directly and whose in-process subscribers (what
/// circuits use) it can observe.
/// </summary>
public sealed class InProcessInstance : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private InProcessInstance(ServiceProvider services) => _services = services;

    public LiveEventBus Bus => _services.GetRequiredService<LiveEventBus>();

    public QueueService Queue => _services.GetRequiredService<QueueService>();

    public IDbContextFactory<WorkbenchDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();

    public static async Task<InProcessInstance> StartAsync(string sqliteFile, string redis)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Workbench"] = $"Data Source={sqliteFile}",
                ["Redis:ConnectionString"] = redis,
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddWorkbenchData(configuration, Path.GetDirectoryName(sqliteFile)!)
            .AddWorkbenchRealtime(configuration)
            .BuildServiceProvider();
        foreach (var hosted in services.GetServices<IHostedService>())
            await hosted.StartAsync(CancellationToken.None);
        return new InProcessInstance(services);
    }

    /// <summary>Seats the branch's first clerk at the branch's first counter (serving all its groups) and issues one
    /// ticket in one of them: what a clerk and a kiosk do before a call.</summary>
    public async Task<(int StaffId, int CounterId, long TicketId, string Number)> OpenCounterWithOneTicketAsync(int branchId)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var counter = await db.Counters.Include(c => c.ServiceGroups).Where(c => c.BranchId == branchId).OrderBy(c => c.Number).FirstAsync();
        var clerk = await db.Staff.Where(s => s.HomeBranchId == branchId && s.Role == StaffRole.Clerk && s.IsActive)
            .OrderBy(s => s.Id).FirstAsync();
        var groups = counter.ServiceGroups.Select(g => g.Id).ToArray();
        await Queue.OpenCounterAsync(clerk.Id, counter.Id, groups);
        var issued = await Queue.IssueTicketAsync(branchId, groups[0], PriorityCategory.None);
        return (clerk.Id, counter.Id, issued.TicketId, issued.Number);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
