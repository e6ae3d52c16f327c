using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Pool;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Calendar;
using HanoiWorkbench.Data.Pool;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// dotnet run -c Release --project benchmarks/Workbench.PoolBenchmarks -- takenext|route|intake [options]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var mode = args.FirstOrDefault() ?? "route";
int Arg(string name, int fallback) =>
    args.SkipWhile(a => a != "--" + name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();

Console.WriteLine($"mode={mode} cores={Environment.ProcessorCount} load: {File.ReadAllText("/proc/loadavg").Trim()}");
switch (mode)
{
    case "route": Route(); break;
    case "takenext": await TakeNextAsync(Arg("items", 100_000), Arg("clerks", 200), Arg("takes", 10)); break;
    case "intake": await IntakeAsync(Arg("count", 3000), Arg("parallel", 8)); break;
    default: Console.Error.WriteLine("modes: route | takenext | intake"); return 1;
}
return 0;

static void Route()
{
    var rng = new Random(7);
    var branches = Enumerable.Range(1, 30).Select(i => new BranchCapacity(i, $"B{i}", new GeoPoint(20.9 + rng.NextDouble() * 0.3, 105.7 + rng.NextDouble() * 0.3),
        TimeSpan.FromMinutes(rng.Next(0, 3000)), TimeSpan.FromMinutes(rng.Next(0, 4000)), Enumerable.Range(1, 20).Where(_ => rng.Next(3) > 0).ToHashSet())).ToList();
    var policy = PoolPolicy.Default;
    var area = new GeoPoint(21.03, 105.85);
    var now = DateTimeOffset.UtcNow;
    var candidates = Enumerable.Range(1, 32).Select(i => new PoolCandidate(i, i % 20, i % 30, now.AddMinutes(rng.Next(-60, 600)), now.AddMinutes(-i), TimeSpan.FromMinutes(15), 0)).ToList();
    var claimer = new Claimer(1, 3, Enumerable.Range(1, 10).ToHashSet());
    var sink = 0L;
    double Measure(Action run, int n)
    {
        for (var i = 0; i < 2000; i++) run();
        var samples = new List<double>();
        for (var r = 0; r < 20; r++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < n; i++) run();
            samples.Add(sw.Elapsed.TotalMicroseconds / n);
        }
        samples.Sort();
        return samples[samples.Count / 2];
    }
    var branch = Measure(() => sink += RoutingRules.ChooseBranch(branches, 5, area, policy)?.BranchId ?? 0, 20_000);
    var next = Measure(() => sink += RoutingRules.ChooseNext(candidates, claimer, policy)?.Id ?? 0, 20_000);
    Console.WriteLine($"route: ChooseBranch over 30 branches median {branch:0.00} µs (target ≤ 1000 µs); ChooseNext over 32 candidates {next:0.00} µs; sink {sink % 10}");
    var (commitMean, _) = BareCommit(2000);
    Console.WriteLine($"bare single-row SQLite commit mean {commitMean * 1000:0.0} µs; routing decision / commit = {branch / (commitMean * 1000):0.000}");
}

static async Task TakeNextAsync(int itemCount, int clerkCount, int takesPerClerk)
{
    await using var h = await Harness.CreateAsync();
    var (fieldId, clerks) = await h.AddClerksAsync(clerkCount);
    var sw = Stopwatch.StartNew();
    await h.AddItemsAsync(fieldId, itemCount);
    Console.WriteLine($"seeded {itemCount} items, {clerkCount} clerks in {sw.Elapsed.TotalSeconds:0.0} s");
    var latencies = new ConcurrentBag<double>();
    var taken = new ConcurrentDictionary<long, int>();
    var start = new TaskCompletionSource();
    var tasks = clerks.Select(c => Task.Run(async () =>
    {
        await start.Task;
        for (var i = 0; i < takesPerClerk; i++)
        {
            var t = Stopwatch.StartNew();
            var item = await h.Pool.TakeNextAsync(c);
            latencies.Add(t.Elapsed.TotalMilliseconds);
            if (item is null) break;
            if (!taken.TryAdd(item.Id, c)) throw new InvalidOperationException($"item {item.Id} taken twice");
            await h.Pool.CompleteAsync(item.Id, c);
        }
    })).ToList();
    sw.Restart();
    start.SetResult();
    await Task.WhenAll(tasks);
    var wall = sw.Elapsed;
    var sorted = latencies.Order().ToList();
    double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    Console.WriteLine($"takenext: {sorted.Count} takes by {clerkCount} concurrent clerks over a {itemCount}-item pool in {wall.TotalSeconds:0.0} s; " +
        $"p50 {P(0.5):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms, max {sorted[^1]:0.0} ms (target p95 ≤ 50 ms); each item once: {taken.Count == sorted.Count}");
    var (commitMean, commitP95) = BareCommit(2000);
    Console.WriteLine($"bare single-row SQLite commit mean {commitMean:0.000} ms, p95 {commitP95:0.000} ms; take-next p95 / commit p95 = {P(0.95) / commitP95:0.0}");
}

static async Task IntakeAsync(int count, int parallel)
{
    await using var h = await Harness.CreateAsync();
    await using (var db = h.Factory.CreateDbContext())
    {
        // Staff present everywhere with the skill, so routing spreads the submissions over the branches.
        var code = "1.001193";
        var procedure = await db.Procedures.FirstAsync(p => p.NationalCode == code);
        Console.WriteLine($"procedure {code} field {procedure.FieldId}");
    }
    var submission = (int i) => new IntakeSubmission("1.001193", "003",
        new IntakeApplicant("Nguyễn Thị Hoa", "001099" + (100000 + i).ToString(CultureInfo.InvariantCulture), "0912345678", "12 Xuân Diệu, Tây Hồ"),
        [new IntakeDocument("Tờ khai đăng ký khai sinh", 1), new IntakeDocument("Giấy chứng sinh", 1)]);
    for (var i = 0; i < 50; i++) await h.Intake.SubmitAsync(submission(i), $"warm-{i}");
    var next = 0;
    var sw = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) <= count)
        {
            var r = await h.Intake.SubmitAsync(submission(i), $"bench-{i}");
            if (r.Outcome != IntakeOutcome.Created) throw new InvalidOperationException(string.Join("; ", r.Errors.SelectMany(e => e.Value)));
        }
    })));
    var rate = count / sw.Elapsed.TotalSeconds;
    Console.WriteLine($"intake: {count} applications ({parallel} senders) in {sw.Elapsed.TotalSeconds:0.00} s = {rate:0} applications/s (target ≥ 500)");
    var (commitMean, _) = BareCommit(2000);
    var commitRate = 1000 / commitMean;
    Console.WriteLine($"bare single-row SQLite commit {commitRate:0} commits/s; intake / bare = {rate / commitRate:0.00}");
}

/// <summary>The floor: one-row INSERT commits on a fresh SQLite file with the workbench's pragmas (WAL, synchronous=NORMAL).</summary>
static (double MeanMs, double P95Ms) BareCommit(int n)
{
    var folder = Directory.CreateTempSubdirectory("hw-bare-").FullName;
    try
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(folder, "bare.db")};Pooling=False");
        c.Open();
        using (var p = c.CreateCommand())
        {
            p.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);";
            p.ExecuteNonQuery();
        }
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO t (v) VALUES ($v)";
        var v = cmd.Parameters.Add("$v", SqliteType.Text);
        var times = new List<double>(n);
        for (var i = 0; i < n + 200; i++)
        {
            v.Value = "row " + i.ToString(CultureInfo.InvariantCulture);
            var sw = Stopwatch.StartNew();
            using (var tx = c.BeginTransaction())
            {
                cmd.Transaction = tx;
                cmd.ExecuteNonQuery();
                tx.Commit();
            }
            if (i >= 200) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times.Average(), times[(int)(times.Count * 0.95)]);
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, true);
    }
}

sealed class NoLiveEvents : ILiveEvents
{
    public ValueTask PublishAsync(LiveEventKind kind, int? branchId, long? entityId, CancellationToken ct = default) => ValueTask.CompletedTask;
}

/// <summary>A seeded SQLite file with the pool's services, as the app wires them.</summary>
sealed class Harness : IAsyncDisposable
{
    private readonly string _folder;

    private Harness(string folder)
    {
        _folder = folder;
        Factory = new WorkbenchDbContextFactory(DatabaseSettings.ForSqlite("Data Source=pool.db", folder));
        var clock = TimeProvider.System;
        var calendar = new CalendarProvider(Factory);
        var policies = new PoolPolicyStore(Factory, clock);
        var capacities = new BranchCapacities(Factory, calendar, clock);
        Pool = new WorkPool(Factory, policies, capacities, calendar, new NoLiveEvents(), clock);
        Intake = new OnlineIntake(Factory, Pool, policies, capacities, new NoLiveEvents(), clock);
    }

    public WorkbenchDbContextFactory Factory { get; }
    public WorkPool Pool { get; }
    public OnlineIntake Intake { get; }

    public static async Task<Harness> CreateAsync()
    {
        var h = new Harness(Directory.CreateTempSubdirectory("hw-pool-bench-").FullName);
        await DatabaseInitializer.InitializeAsync(h.Factory, CancellationToken.None);
        return h;
    }

    public async Task<(int FieldId, List<int> StaffIds)> AddClerksAsync(int count)
    {
        await using var db = Factory.CreateDbContext();
        var procedure = await db.Procedures.OrderBy(p => p.Id).FirstAsync();
        var field = await db.ProcedureFields.FirstAsync(f => f.Id == procedure.FieldId);
        var branches = await db.Branches.OrderBy(b => b.Id).Select(b => b.Id).ToListAsync();
        var staff = Enumerable.Range(0, count).Select(i =>
        {
            var s = new Staff($"Cán bộ {i}", $"bench{i}@hcc.hanoi.gov.vn", StaffRole.Clerk, branches[i % branches.Count]);
            s.SetSkills([field]);
            return s;
        }).ToList();
        db.Staff.AddRange(staff);
        await db.SaveChangesAsync();
        return (field.Id, staff.Select(s => s.Id).ToList());
    }

    public async Task AddItemsAsync(int fieldId, int count)
    {
        await using var db = Factory.CreateDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var fields = await db.ProcedureFields.Select(f => f.Id).ToListAsync();
        var procedure = await db.Procedures.FirstAsync(p => p.FieldId == fieldId);
        var area = await db.Areas.FirstAsync(a => a.IsActive);
        var branches = await db.Branches.OrderBy(b => b.Id).Select(b => b.Id).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        var app = Application.Submit("BENCH-0001", new Applicant("Nguyễn Văn A", "001099012345", "0912345678", "Hà Nội"),
            procedure, area.Id, branches[0], Channel.Online, [new ReceivedDocument("Tờ khai", 1)], now);
        db.Applications.Add(app);
        await db.SaveChangesAsync();
        var rng = new Random(1);
        for (var done = 0; done < count; done += 10_000)
        {
            // a third of the pool is of the clerks' skill; the rest of other fields, as in a real citywide pool
            db.WorkItems.AddRange(Enumerable.Range(done, Math.Min(10_000, count - done)).Select(i => new WorkItem(app.Id, WorkKind.Process,
                i % 3 == 0 ? fieldId : fields[rng.Next(fields.Count)], area.Id, branches[i % branches.Count],
                now.AddMinutes(rng.Next(-120, 7 * 24 * 60)), TimeSpan.FromMinutes(15 + rng.Next(0, 60)), now.AddMinutes(-rng.Next(0, 10_000)))));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
