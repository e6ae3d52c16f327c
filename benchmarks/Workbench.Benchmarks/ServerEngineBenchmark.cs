using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Pool;
using HanoiWorkbench.Data.Queue;
using HanoiWorkbench.LiveBenchmarks;
using HanoiWorkbench.Workbench.Endpoints;
using HanoiWorkbench.Workbench.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using StackExchange.Redis;

namespace HanoiWorkbench.Benchmarks;

/// <summary>The offered load, the same for every engine and number of instances (closed loop: so many workers, each
/// starting its next operation when the last one returned).</summary>
internal sealed record ServerEngineLoad(int Clerks, int Rounds, int Items, int Takes, int Submissions, int Senders)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"call-next {Clerks} clerks × {Rounds} calls; take-next {Clerks} clerks × {Takes} takes over {Items} items; intake {Submissions} submissions by {Senders} senders");
}

/// <summary>
/// Call-next, take-next and intake at one offered load on SQLite with one instance and on PostgreSQL with one and with
/// three (issue #15 pt 3). Call-next and take-next run in this process, one dependency-injection container per instance
/// (its own connection pool, caches, background jobs and live-event bus, the buses joined through Redis for PostgreSQL),
/// the clerks spread round-robin over the instances. Intake goes through the real HTTP API of real workbench processes
/// (<c>POST /api/applications</c>), a round-robin client in front of them. Everything created (SQLite folder, PostgreSQL
/// database, redis-server, processes) is removed at the end.
/// </summary>
internal static class ServerEngineBenchmark
{
    private const string ApiKey = "server-engine-benchmark";

    public static async Task RunAsync(string postgresServer, ServerEngineLoad load)
    {
        Console.WriteLine($"server-engine: {load}");
        await RunOneAsync("SQLite, 1 instance", Engine.Sqlite(), 1, load);
        await RunOneAsync("PostgreSQL, 1 instance", await Engine.PostgresAsync(postgresServer), 1, load);
        await RunOneAsync("PostgreSQL, 3 instances", await Engine.PostgresAsync(postgresServer), 3, load);
    }

    private static async Task RunOneAsync(string name, Engine engine, int instances, ServerEngineLoad load)
    {
        await using var _ = engine;
        // One instance on SQLite is the embedded default: no Redis. On PostgreSQL both runs use it, so one and three
        // instances pay the same live-event path and differ only in how many workbenches share the work.
        await using var redis = engine.Provider == DatabaseProvider.Postgres ? await LocalRedis.StartAsync() : null;
        Console.WriteLine($"--- {name}; before: {Machine.Describe()}");
        await using (var seeding = await Instance.StartAsync(engine, redis, "seed", hosted: false))
            await DemoData.SeedAsync(seeding.Services, CancellationToken.None);

        var cluster = new List<Instance>();
        try
        {
            for (var i = 0; i < instances; i++) cluster.Add(await Instance.StartAsync(engine, redis, $"bench-{i}", hosted: true));
            Report("call-next", await CallNextAsync(cluster, load));
            Report("take-next", await TakeNextAsync(cluster, load));
        }
        finally
        {
            foreach (var instance in cluster) await instance.DisposeAsync();
        }
        Report("intake (HTTP)", await IntakeAsync(engine, redis, instances, load));
        Console.WriteLine($"--- {name}; after: {Machine.Describe()}");
    }

    private sealed record Figures(Percentiles Latency, int Operations, TimeSpan Wall, string Note);

    private static void Report(string what, Figures f) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what,-14} {f.Latency}  {f.Operations / f.Wall.TotalSeconds,7:0} per s  ({f.Operations} in {f.Wall.TotalSeconds:0.0} s; {f.Note})"));

    /// <summary>Every clerk calls once untimed (JIT, pools and caches of every instance warm), then
    /// <see cref="ServerEngineLoad.Rounds"/> times timed, finishing each ticket (not timed).</summary>
    private static async Task<Figures> CallNextAsync(List<Instance> cluster, ServerEngineLoad load)
    {
        var seats = await CallNextBenchmark.SeatClerksAsync(cluster[0].Contexts, cluster[0].Queue, load.Clerks);
        await CallNextBenchmark.IssueTicketsAsync(cluster[0].Queue, seats, load.Rounds + 1);
        var latencies = new ConcurrentBag<double>();
        var empty = 0;
        async Task CallAsync(int i, bool timed)
        {
            var (seat, queue) = (seats[i], cluster[i % cluster.Count].Queue);
            var started = Stopwatch.GetTimestamp();
            var ticket = await queue.CallNextAsync(seat.StaffId, seat.CounterId);
            if (timed) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (ticket is null) Interlocked.Increment(ref empty);
            else await queue.FinishAsync(seat.StaffId, ticket.Id);
        }
        await TogetherAsync(seats.Count, i => CallAsync(i, timed: false));
        empty = 0;
        var wall = await TogetherAsync(seats.Count, async i =>
        {
            for (var round = 0; round < load.Rounds; round++) await CallAsync(i, timed: true);
        });
        return new(Percentiles.Of(latencies), latencies.Count, wall, $"{empty} found no ticket; finishes in between");
    }

    /// <summary>Every clerk takes and completes one item untimed, then <see cref="ServerEngineLoad.Takes"/> timed; no item
    /// may be taken twice.</summary>
    private static async Task<Figures> TakeNextAsync(List<Instance> cluster, ServerEngineLoad load)
    {
        var clerks = await PoolSetup.AddClerksAndItemsAsync(cluster[0].Contexts, load.Clerks, load.Items);
        var latencies = new ConcurrentBag<double>();
        var taken = new ConcurrentDictionary<long, int>();
        async Task<bool> TakeAsync(int i, bool timed)
        {
            var pool = cluster[i % cluster.Count].Pool;
            var started = Stopwatch.GetTimestamp();
            var item = await pool.TakeNextAsync(clerks[i]);
            if (timed) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (item is null) return false;
            if (!taken.TryAdd(item.Id, clerks[i])) throw new InvalidOperationException($"item {item.Id} taken twice");
            await pool.CompleteAsync(item.Id, clerks[i]);
            return true;
        }
        await TogetherAsync(clerks.Count, i => TakeAsync(i, timed: false));
        var warm = taken.Count;
        var wall = await TogetherAsync(clerks.Count, async i =>
        {
            for (var n = 0; n < load.Takes && await TakeAsync(i, timed: true); n++) { }
        });
        return new(Percentiles.Of(latencies), latencies.Count, wall,
            $"each item once: {taken.Count - warm == latencies.Count}; completes in between");
    }

    /// <summary>Submissions through <c>POST /api/applications</c> of workbench processes, sent round-robin.</summary>
    private static async Task<Figures> IntakeAsync(Engine engine, LocalRedis? redis, int instances, ServerEngineLoad load)
    {
        var processes = new List<WorkbenchServerProcess>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                var environment = engine.Environment($"bench-http-{i}");
                if (redis is not null) environment["Redis__ConnectionString"] = redis.ConnectionString;
                environment["Intake__ApiKeys__0"] = ApiKey;
                processes.Add(await WorkbenchServerProcess.StartAsync($"http-{i}", environment));
            }
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Add(PoolApi.ApiKeyHeader, ApiKey);
            var next = -1;
            async Task<double> SubmitAsync(string key)
            {
                var i = Interlocked.Increment(ref next);
                using var request = new HttpRequestMessage(HttpMethod.Post, $"{processes[i % processes.Count].BaseUrl}/api/applications")
                {
                    Content = JsonContent.Create(PoolSetup.Submission(i)),
                };
                request.Headers.Add(PoolApi.IdempotencyHeader, key);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if ((int)response.StatusCode != 201)
                    throw new InvalidOperationException($"{key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return ms;
            }
            for (var i = 0; i < 20 * instances; i++) await SubmitAsync($"warm-{i}");
            var latencies = new ConcurrentBag<double>();
            var sent = 0;
            var wall = await TogetherAsync(load.Senders, async _ =>
            {
                int n;
                while ((n = Interlocked.Increment(ref sent)) <= load.Submissions) latencies.Add(await SubmitAsync($"bench-{n}"));
            });
            return new(Percentiles.Of(latencies), latencies.Count, wall, $"{load.Senders} senders, every answer 201");
        }
        finally
        {
            foreach (var p in processes) await p.DisposeAsync();
        }
    }

    /// <summary>Starts <paramref name="workers"/> workers behind one gate and returns the wall time from the gate to the last.</summary>
    private static async Task<TimeSpan> TogetherAsync(int workers, Func<int, Task> work)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, workers).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            await work(i);
        })).ToList();
        var wall = Stopwatch.StartNew();
        gate.SetResult();
        await Task.WhenAll(tasks);
        return wall.Elapsed;
    }

    /// <summary>The database of one run: a SQLite file in a temporary folder, or a throwaway database on the PostgreSQL
    /// cluster (dropped at the end).</summary>
    private sealed class Engine : IAsyncDisposable
    {
        private readonly string? _folder;
        private readonly string? _server;
        private readonly string? _database;

        private Engine(DatabaseProvider provider, string connectionString, string? folder, string? server, string? database)
        {
            (Provider, ConnectionString, _folder, _server, _database) = (provider, connectionString, folder, server, database);
        }

        public DatabaseProvider Provider { get; }

        public string ConnectionString { get; }

        public string Folder => _folder ?? Path.GetTempPath();

        public static Engine Sqlite()
        {
            var folder = Directory.CreateTempSubdirectory("hw-server-engine-").FullName;
            return new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "workbench.db")}", folder, null, null);
        }

        public static async Task<Engine> PostgresAsync(string server)
        {
            var database = $"hw_bench_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                await command.ExecuteNonQueryAsync();
            }
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
            return new(DatabaseProvider.Postgres, connectionString, null, server, database);
        }

        /// <summary>The connection string of one instance: on PostgreSQL its own application name, hence its own Npgsql
        /// pool (pools are per connection string, process-wide).</summary>
        public string ConnectionStringOf(string instance) => Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = instance }.ConnectionString
            : ConnectionString;

        public Dictionary<string, string?> Environment(string instance) => new()
        {
            ["Database__Provider"] = Provider.ToString(),
            ["ConnectionStrings__Workbench"] = ConnectionStringOf(instance),
        };

        public async ValueTask DisposeAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (_folder is not null)
                try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
            if (_server is not null)
            {
                await using var connection = new NpgsqlConnection(_server);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
            }
        }
    }

    /// <summary>One workbench without its web front: its own container, hence its own connection pool, caches (the intake
    /// and policy snapshots, the city projection), background jobs and live-event bus (joined to the others' through Redis).</summary>
    private sealed class Instance : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly List<IHostedService> _started = [];

        private Instance(ServiceProvider services) => _services = services;

        public IServiceProvider Services => _services;

        public QueueService Queue => _services.GetRequiredService<QueueService>();

        public WorkPool Pool => _services.GetRequiredService<WorkPool>();

        public IDbContextFactory<WorkbenchDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();

        public static async Task<Instance> StartAsync(Engine engine, LocalRedis? redis, string name, bool hosted)
        {
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = engine.Provider.ToString(),
                ["ConnectionStrings:Workbench"] = engine.ConnectionStringOf(name),
                ["Redis:ConnectionString"] = redis?.ConnectionString,
            };
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton<IConfiguration>(configuration)
                .AddSingleton(TimeProvider.System)
                .AddWorkbenchData(configuration, engine.Folder)
                .AddWorkbenchRealtime(configuration)
                .BuildServiceProvider();
            // Resolved first so that the container disposes it last: the hub backplane unsubscribes through it when disposed
            // (resolved later, it would find the connection already gone: ObjectDisposedException).
            if (redis is not null) services.GetRequiredService<IConnectionMultiplexer>();
            var instance = new Instance(services);
            if (hosted)
                foreach (var service in services.GetServices<IHostedService>())
                {
                    await service.StartAsync(CancellationToken.None);
                    instance._started.Add(service);
                }
            return instance;
        }

        public async ValueTask DisposeAsync()
        {
            // Background jobs stop before the container (and the Redis connection with it) goes.
            for (var i = _started.Count - 1; i >= 0; i--) await _started[i].StopAsync(CancellationToken.None);
            await _services.DisposeAsync();
        }
    }
}
