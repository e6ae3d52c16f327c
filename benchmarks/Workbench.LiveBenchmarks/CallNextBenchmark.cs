using System.Collections.Concurrent;
using System.Diagnostics;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Queue;
using HanoiWorkbench.Data.Seed;
using HanoiWorkbench.Workbench.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.LiveBenchmarks;

/// <summary>
/// Call-next latency: 200 clerks in 30 branches, each at its own open counter, call the next ticket concurrently through
/// <see cref="QueueService.CallNextAsync"/> on a fresh, seeded SQLite file, finishing each ticket before calling again.
/// Publishing goes through the real LiveEventBus (one process, no Redis). Only CallNextAsync is timed.
/// </summary>
public static class CallNextBenchmark
{
    private const int Clerks = 200;
    private const int Branches = 30;
    private const int Rounds = 15;

    public static async Task RunAsync(TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("hw-callnext-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Workbench"] = $"Data Source={Path.Combine(folder, "workbench.db")}",
            }).Build();
            var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton(TimeProvider.System)
                .AddWorkbenchData(configuration, folder)
                .AddWorkbenchRealtime(configuration);
            services.AddSingleton<IConfiguration>(configuration);
            await using var provider = services.BuildServiceProvider();
            await DemoData.SeedAsync(provider, CancellationToken.None);
            var queue = provider.GetRequiredService<QueueService>();
            var contexts = provider.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();

            var seats = await SeatClerksAsync(contexts, queue);
            await IssueTicketsAsync(queue, seats);

            output.WriteLine($"call-next, {Machine.Describe()}");
            var latencies = new ConcurrentBag<double>();
            var empty = 0;
            var total = Stopwatch.StartNew();
            await Task.WhenAll(seats.Select(seat => Task.Run(async () =>
            {
                for (var round = 0; round < Rounds; round++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var ticket = await queue.CallNextAsync(seat.StaffId, seat.CounterId);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (ticket is null) { Interlocked.Increment(ref empty); continue; }
                    await queue.FinishAsync(seat.StaffId, ticket.Id);
                }
            })));
            total.Stop();
            output.WriteLine($"{seats.Count} clerks in {seats.Select(s => s.BranchId).Distinct().Count()} branches, {Rounds} calls each: "
                + $"{Percentiles.Of(latencies)}");
            output.WriteLine(FormattableString.Invariant(
                $"calls that found no ticket: {empty}; wall time {total.Elapsed.TotalSeconds:0.0} s, {latencies.Count / total.Elapsed.TotalSeconds:0} calls/s (with the finishes in between)"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    internal sealed record Seat(int StaffId, int CounterId, int BranchId, int[] GroupIds);

    /// <summary>Spreads 200 seeded clerks (or <paramref name="count"/>) over 30 branches, adds counters where a branch has fewer
    /// than its clerks, opens one per clerk. Also the seating of the server-engine benchmark (Workbench.Benchmarks).</summary>
    internal static async Task<List<Seat>> SeatClerksAsync(IDbContextFactory<WorkbenchDbContext> contexts, QueueService queue, int count = Clerks)
    {
        List<(int StaffId, int BranchId)> clerks;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var byBranch = (await db.Staff.Where(s => s.Role == StaffRole.Clerk && s.IsActive).ToListAsync())
                .GroupBy(s => s.HomeBranchId).OrderBy(g => g.Key).Take(Branches)
                .Select(g => new Queue<Staff>(g.OrderBy(s => s.Id))).ToList();
            clerks = [];
            for (var i = 0; clerks.Count < count && byBranch.Any(q => q.Count > 0); i++)
                if (byBranch[i % byBranch.Count].TryDequeue(out var s)) clerks.Add((s.Id, s.HomeBranchId));
            if (clerks.Count < count) throw new InvalidOperationException($"The seed has only {clerks.Count} clerks in {Branches} branches.");

            var groups = await db.ServiceGroups.ToListAsync();
            foreach (var branch in clerks.GroupBy(c => c.BranchId))
            {
                var counters = await db.Counters.Where(c => c.BranchId == branch.Key).ToListAsync();
                for (var n = counters.Count == 0 ? 1 : counters.Max(c => c.Number) + 1; counters.Count < branch.Count(); n++)
                {
                    var counter = new Counter(branch.Key, n);
                    counter.ServeGroups(groups);
                    db.Counters.Add(counter);
                    counters.Add(counter);
                }
            }
            await db.SaveChangesAsync();
        }

        var seats = new List<Seat>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            foreach (var branch in clerks.GroupBy(c => c.BranchId))
            {
                var counters = await db.Counters.Include(c => c.ServiceGroups).Where(c => c.BranchId == branch.Key)
                    .OrderBy(c => c.Number).ToListAsync();
                seats.AddRange(branch.Zip(counters, (clerk, counter) =>
                    new Seat(clerk.StaffId, counter.Id, branch.Key, counter.ServiceGroups.Select(g => g.Id).ToArray())));
            }
        }
        foreach (var seat in seats)
            await queue.OpenCounterAsync(seat.StaffId, seat.CounterId, seat.GroupIds);
        return seats;
    }

    /// <summary>A few more tickets per counter than calls (neighbours share groups), in the counter's groups, one in ten for a priority category.</summary>
    internal static async Task IssueTicketsAsync(QueueService queue, List<Seat> seats, int rounds = Rounds)
    {
        var rng = new Random(42);
        var plan = seats.SelectMany(seat => Enumerable.Range(0, rounds + 3).Select(i => (seat.BranchId,
            Group: seat.GroupIds[rng.Next(seat.GroupIds.Length)],
            Priority: i % 10 == 0 ? PriorityCategory.Elderly : PriorityCategory.None))).ToList();
        await Parallel.ForEachAsync(plan.GroupBy(p => p.BranchId), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (branch, ct) =>
        {
            foreach (var t in branch)
                await queue.IssueTicketAsync(t.BranchId, t.Group, t.Priority, ct);
        });
    }
}
