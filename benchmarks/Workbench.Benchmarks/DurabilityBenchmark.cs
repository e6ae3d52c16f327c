using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Reception;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Applications;
using HanoiWorkbench.Data.Calendar;
using HanoiWorkbench.Data.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HanoiWorkbench.Benchmarks;

/// <summary>
/// What <c>PRAGMA synchronous=FULL</c> (the embedded default: a printed receipt survives a power cut) costs against NORMAL:
/// receptions at the counter, one after another as a clerk confirms them, on a freshly seeded SQLite file of its own
/// (deleted afterwards). The modes alternate in rounds so that a change in the machine's load falls on both. Prints the
/// machine's load average before and after.
/// </summary>
internal static class DurabilityBenchmark
{
    public static async Task RunAsync(int receptions, int rounds)
    {
        var folder = Directory.CreateTempSubdirectory("hw-durability-").FullName;
        try
        {
            var settings = DatabaseSettings.ForSqlite("Data Source=workbench.db", folder);
            await DemoData.SeedAsync(new WorkbenchDbContextFactory(settings), CancellationToken.None);
            Console.WriteLine($"load average before: {Load()}");
            var times = new Dictionary<string, List<double>> { ["FULL"] = [], ["NORMAL"] = [] };
            for (var round = 0; round < rounds; round++)
                foreach (var mode in round % 2 == 0 ? new[] { "FULL", "NORMAL" } : ["NORMAL", "FULL"])
                    times[mode].AddRange(await ReceiveAsync(settings, mode, receptions));
            Console.WriteLine($"load average after: {Load()}");
            foreach (var (mode, ms) in times)
            {
                ms.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"synchronous={mode}: {ms.Count} receptions, p50 {At(ms, 0.50):0.0} ms, p95 {At(ms, 0.95):0.0} ms, mean {ms.Average():0.0} ms, {1000 / ms.Average():0} per second"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<double>> ReceiveAsync(DatabaseSettings settings, string mode, int count)
    {
        var factory = new WorkbenchDbContextFactory(settings, [new Synchronous(mode)]);
        var calendar = new CalendarProvider(factory);
        var policies = new PoolPolicyStore(factory, TimeProvider.System);
        var pool = new WorkPool(factory, policies, new BranchCapacities(factory, calendar, TimeProvider.System), calendar, NoEvents.Instance, TimeProvider.System);
        var reception = new ReceptionService(factory, calendar, pool, NoEvents.Instance, TimeProvider.System);
        await using var db = factory.CreateDbContext();
        var clerk = await db.Staff.AsNoTracking().SingleAsync(s => s.Email == DemoAccounts.Clerk.Email);
        var procedure = await db.Procedures.AsNoTracking().FirstAsync(p => p.Name == "Đăng ký khai sinh");
        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Name == "Hoàn Kiếm");
        var actor = new Actor(clerk.Id, clerk.CurrentBranchId);
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var request = new ReceptionRequest(procedure.Id, area.Id, "Nguyễn Thị Mai", "001190012345", 1990, false, "0912 345 678",
                "12 Hàng Bông, Hoàn Kiếm, Hà Nội", procedure.RequiredDocuments.Select(d => new DocumentTick(d, true, 1)).ToList(), Guid.NewGuid());
            var clock = Stopwatch.StartNew();
            var result = await reception.ReceiveAsync(request, actor);
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Values));
        }
        return times;
    }

    private static double At(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    /// <summary>Sets the mode on every connection this run opens (after the workbench's own pragmas).</summary>
    private sealed class Synchronous(string mode) : DbConnectionInterceptor
    {
        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA synchronous={mode};";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA synchronous={mode};";
            command.ExecuteNonQuery();
        }
    }

    private sealed class NoEvents : ILiveEvents
    {
        public static readonly NoEvents Instance = new();
        public ValueTask PublishAsync(LiveEventKind kind, int? branchId, long? entityId, CancellationToken ct = default) => ValueTask.CompletedTask;
    }
}
