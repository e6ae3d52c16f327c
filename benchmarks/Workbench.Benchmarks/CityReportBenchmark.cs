using System.Diagnostics;
using System.Globalization;
using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Reports;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Reports;
using HanoiWorkbench.Workbench.Reports;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Benchmarks;

/// <summary>
/// Times the monthly city report as the background worker generates it (<see cref="CityReportWorker.RenderAsync"/>: the
/// productivity read, the scorecards, the PDF and the Excel file) for the last whole month of the database, with the
/// time of each step. Prints the machine's load average before and after, since the figure depends on what else runs.
/// </summary>
internal static class CityReportBenchmark
{
    public static async Task RunAsync(string path, int runs)
    {
        await using (var migrate = new WorkbenchDbContextFactory(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path}")).CreateDbContext())
            await migrate.Database.MigrateAsync();
        var factory = new WorkbenchDbContextFactory(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path};Mode=ReadOnly"));
        var (productivity, scorecards) = (new ProductivityReportQuery(factory), new ScorecardQuery(factory));
        var today = HanoiTime.Today(TimeProvider.System);
        var month = ReportPeriod.Preset(PeriodPreset.LastMonth, today);

        Console.WriteLine($"load average before: {Load()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"month {month.Label()}, {path}"));
        var walls = new List<double>();
        var cpus = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var marks = new List<(int Step, string Text, double At)>();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var (pdf, excel) = await CityReportWorker.RenderAsync(productivity, scorecards, month, today,
                (step, text) => marks.Add((step, text, clock.Elapsed.TotalMilliseconds)), CancellationToken.None);
            var wall = clock.Elapsed.TotalMilliseconds;
            walls.Add(wall);
            cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {i + 1}: {wall:0} ms wall, {cpus[^1]:0} ms CPU; PDF {pdf.Length / 1024.0:0} KiB, Excel {excel.Length / 1024.0:0} KiB; steps: ")
                + string.Join(", ", marks.Select((m, k) => string.Create(CultureInfo.InvariantCulture,
                    $"{m.Step} {(k + 1 < marks.Count ? marks[k + 1].At : wall) - m.At:0} ms"))));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{runs} runs: wall p50 {Median(walls):0} ms, max {walls.Max():0} ms; CPU p50 {Median(cpus):0} ms"));
        Console.WriteLine($"load average after: {Load()}");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
