using System.Diagnostics;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Monitoring;
using HanoiWorkbench.Data.Pool;
using HanoiWorkbench.Data.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace HanoiWorkbench.LiveBenchmarks;

/// <summary>
/// The director's city view on a given database (the 1M-application history), in one process and one run: the old ad-hoc
/// query (<see cref="HomeQueries.CityLoadAsync"/>, which every viewer ran on every event) beside the projection
/// (<see cref="CityLiveProjection"/>): first render, and the server time one event costs with 1, 10, 100 and 1,000 viewers.
/// </summary>
public static class CityDashboardBenchmark
{
    public static async Task RunAsync(TextWriter output, string databasePath, int rounds)
    {
        await output.WriteLineAsync($"city dashboard on {databasePath}; {Machine.Describe()}");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Workbench"] = $"Data Source={databasePath}",
        }).Build();
        var contexts = new WorkbenchDbContextFactory(DatabaseSettings.FromConfiguration(configuration, Path.GetDirectoryName(databasePath)!));
        var clock = TimeProvider.System;
        await using (var db = contexts.CreateDbContext())
            await output.WriteLineAsync($"applications: {await db.Applications.CountAsync():N0}");
        var old = new HomeQueries(contexts, clock);
        var projection = new CityLiveProjection(new CityRecount(contexts), new PoolPolicyStore(contexts, clock), clock,
            NullLogger<CityLiveProjection>.Instance);
        var branches = (await old.CityLoadAsync()).Select(b => b.Id).ToList();

        // First render. Old: the query. New: the projection is built once at start (timed apart); a page then renders from it.
        await old.CityLoadAsync(); // warm the page cache for both
        var oldFirst = Time(rounds, () => old.CityLoadAsync());
        var rebuild = Stopwatch.StartNew();
        await projection.RebuildAsync(CancellationToken.None);
        rebuild.Stop();
        var newFirst = Time(rounds, () => Task.FromResult(projection.Current.Figures(clock.GetUtcNow())));
        await output.WriteLineAsync($"first render, old query: {Percentiles.Of(await oldFirst)}");
        await output.WriteLineAsync($"first render, projection (built at start in {rebuild.Elapsed.TotalMilliseconds:0} ms): {Percentiles.Of(await newFirst)}");

        // One event, N viewers. Old: every viewer re-runs the query. New: the projection recounts the event's facets once,
        // then every viewer takes the snapshot's figures.
        var random = new Random(766);
        long sequence = 0;
        var kinds = new[] { LiveEventKind.TicketChanged, LiveEventKind.ApplicationChanged, LiveEventKind.CounterChanged, LiveEventKind.WorkItemChanged };
        foreach (var viewers in new[] { 1, 10, 100, 1000 })
        {
            var fresh = await Time(rounds, async () =>
            {
                var e = new LiveEvent(kinds[random.Next(kinds.Length)], branches[random.Next(branches.Count)], 1, 0, ++sequence, clock.GetUtcNow());
                await projection.ApplyAsync([e], CancellationToken.None);
                for (var v = 0; v < viewers; v++) _ = projection.Current.Figures(clock.GetUtcNow());
            });
            await output.WriteLineAsync($"server time per event, projection, {viewers} viewers: {Percentiles.Of(fresh)}");
            if (viewers > 100) continue; // 1,000 viewers × the old query takes minutes per event
            var ad = await Time(Math.Max(3, rounds / viewers), async () =>
            {
                for (var v = 0; v < viewers; v++) await old.CityLoadAsync();
            });
            await output.WriteLineAsync($"server time per event, old query per viewer, {viewers} viewers: {Percentiles.Of(ad)}");
        }
        await output.WriteLineAsync($"done; {Machine.Describe()}");
    }

    private static async Task<List<double>> Time(int rounds, Func<Task> work)
    {
        var samples = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        return samples;
    }
}
