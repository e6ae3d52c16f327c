using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Queue;
using HanoiWorkbench.Workbench.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HanoiWorkbench.EndToEnd.ScaleOut;

/// <summary>Two workbench processes, A and B, sharing one SQLite file and one redis-server.</summary>
public sealed class ScaleOutCluster : InstanceCluster
{
    private readonly TempFolder _temp = new("scaleout");

    public WorkbenchProcess A { get; private set; } = default!;
    public WorkbenchProcess B { get; private set; } = default!;

    public string DatabaseFile => _temp.PathOf("workbench.db");

    protected override async Task StartInstancesAsync()
    {
        A = await StartInstanceAsync("A", new WorkbenchProcessOptions("Sqlite", $"Data Source={DatabaseFile}", Redis.ConnectionString));
        B = await StartInstanceAsync("B", new WorkbenchProcessOptions("Sqlite", $"Data Source={DatabaseFile}", Redis.ConnectionString));
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

    protected override ValueTask DisposeDatabaseAsync() => _temp.DisposeAsync();
}

/// <summary>
/// The workbench's services without the web front (data, queue, live events), in the test process, on the shared
/// database and Redis: an instance whose use cases a test calls directly and whose in-process subscribers (what
/// circuits use) it can observe.
/// </summary>
public sealed class InProcessInstance : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private InProcessInstance(ServiceProvider services) => _services = services;

    public LiveEventBus Bus => _services.GetRequiredService<LiveEventBus>();

    public QueueService Queue => _services.GetRequiredService<QueueService>();

    public HanoiWorkbench.Data.Pool.WorkPool Pool => _services.GetRequiredService<HanoiWorkbench.Data.Pool.WorkPool>();

    public IDbContextFactory<WorkbenchDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();

    public static Task<InProcessInstance> StartAsync(string sqliteFile, string redis) =>
        StartAsync(new WorkbenchProcessOptions("Sqlite", $"Data Source={sqliteFile}", redis), Path.GetDirectoryName(sqliteFile)!);

    public static async Task<InProcessInstance> StartAsync(WorkbenchProcessOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = options.Provider,
                ["ConnectionStrings:Workbench"] = options.ConnectionString,
                ["Redis:ConnectionString"] = options.Redis,
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddWorkbenchData(configuration, contentRoot)
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

    /// <summary>Stops the hosted services (the Redis relay among them) before the container disposes what they use.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>().Reverse())
            await hosted.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
