using System.Diagnostics;
using System.Globalization;
using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Reports;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Reports;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Benchmarks;

/// <summary>
/// Times the productivity report over the last 366 days (the whole generated year) as the page and the downloads
/// run it: a new context per report, the city once per run, then every branch. Prints the machine's load average
/// before and after, since the figure depends on what else runs.
/// </summary>
internal static class ProductivityBenchmark
{
    public static async Task RunAsync(string path, int runs)
    {
        // Applies pending migrations (the report's indexes) once, then reads only.
        await using (var migrate = new WorkbenchDbContextFactory(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path}")).CreateDbContext())
            await migrate.Database.MigrateAsync();
        var factory = new WorkbenchDbContextFactory(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path};Mode=ReadOnly"));
        var query = new ProductivityReportQuery(factory);
        var today = HanoiTime.Today(TimeProvider.System);
        var year = new ReportPeriod(today.AddDays(1 - ReportPeriod.MaxDays), today);
        var branches = await query.BranchesAsync();

        Console.WriteLine($"load average before: {Load()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"period {year.From:dd/MM/yyyy} – {year.To:dd/MM/yyyy} ({year.Days} days), {path}"));
        var warm = (await query.LoadAsync(null, year))!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"city: {warm.Total.Served:N0} served, {warm.Total.Received:N0} received, {warm.Total.Completed:N0} completed ({warm.Total.Late:N0} late), {warm.Total.Ratings.Total:N0} ratings, {warm.Officials.Count} officials"));

        var city = new List<double>();
        for (var i = 0; i < runs; i++) city.Add(await TimeAsync(() => query.LoadAsync(null, year)));
        var perBranch = new List<(string Name, double Ms)>();
        foreach (var (id, name) in branches) perBranch.Add((name, await TimeAsync(() => query.LoadAsync(id, year))));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"whole city, {runs} runs: p50 {Median(city):0} ms, max {city.Max():0} ms"));
        var slowest = perBranch.MaxBy(b => b.Ms);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"each of {perBranch.Count} branches once: p50 {Median(perBranch.Select(b => b.Ms).ToList()):0} ms, max {slowest.Ms:0} ms ({slowest.Name})"));
        Console.WriteLine($"load average after: {Load()}");
    }

    private static async Task<double> TimeAsync(Func<Task<ProductivityReport?>> run)
    {
        var clock = Stopwatch.StartNew();
        _ = await run();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
