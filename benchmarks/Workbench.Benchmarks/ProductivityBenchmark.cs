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
        var steps = new StepClock();
        var warm = (await query.LoadAsync(null, year, steps))!;
        Console.WriteLine($"city, first run, per step: {steps.Finish()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"city: {warm.Total.Served:N0} served, {warm.Total.Received:N0} received, {warm.Total.Completed:N0} completed ({warm.Total.Late:N0} late), {warm.Total.Ratings.Total:N0} ratings, {warm.Officials.Count} officials"));

        var city = new List<(double Wall, double Cpu)>();
        for (var i = 0; i < runs; i++) city.Add(await TimeAsync(() => query.LoadAsync(null, year)));
        var perBranch = new List<(string Name, double Wall, double Cpu)>();
        foreach (var (id, name) in branches)
        {
            var (wall, cpu) = await TimeAsync(() => query.LoadAsync(id, year));
            perBranch.Add((name, wall, cpu));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"whole city, {runs} runs: wall p50 {Median(city.Select(c => c.Wall)):0} ms, max {city.Max(c => c.Wall):0} ms; CPU p50 {Median(city.Select(c => c.Cpu)):0} ms"));
        var slowest = perBranch.MaxBy(b => b.Wall);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"each of {perBranch.Count} branches once: wall p50 {Median(perBranch.Select(b => b.Wall)):0} ms, max {slowest.Wall:0} ms ({slowest.Name}); CPU p50 {Median(perBranch.Select(b => b.Cpu)):0} ms, max {perBranch.Max(b => b.Cpu):0} ms"));
        Console.WriteLine($"load average after: {Load()}");
    }

    /// <summary>Wall time, and the process's CPU time (user + system), which a loaded machine does not inflate.</summary>
    private static async Task<(double Wall, double Cpu)> TimeAsync(Func<Task<ProductivityReport?>> run)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        _ = await run();
        return (clock.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
    }

    /// <summary>Times the read's steps (reported synchronously, unlike Progress&lt;T&gt;).</summary>
    private sealed class StepClock : IProgress<ReportStep>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<(ReportStep Step, double At)> _marks = [];

        public void Report(ReportStep value) => _marks.Add((value, _clock.Elapsed.TotalMilliseconds));

        public string Finish()
        {
            var end = _clock.Elapsed.TotalMilliseconds;
            return string.Join(", ", _marks.Select((m, i) => string.Create(CultureInfo.InvariantCulture,
                $"{m.Step} {(i + 1 < _marks.Count ? _marks[i + 1].At : end) - m.At:0} ms")));
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
