using System.Diagnostics;
using System.Globalization;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Benchmarks;

/// <summary>
/// Times one search page (count + 20 rows) per query kind, as the page runs it: a new context per search, read-only
/// database, inputs drawn from the data so that every run finds something. Reports p50/p95/max in milliseconds.
/// </summary>
internal static class SearchBenchmark
{
    public static async Task RunAsync(string path, int runs)
    {
        // Read-only: the benchmark never writes to the shared 1M file.
        var factory = new WorkbenchDbContextFactory(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path};Mode=ReadOnly"));
        var search = new ApplicationSearch(factory, TimeProvider.System);
        var rng = new Random(7);

        await using var db = factory.CreateDbContext();
        var total = await db.Applications.CountAsync();
        var maxId = await db.Applications.MaxAsync(a => a.Id);
        var branch = await db.Applications.Where(a => a.Id == maxId / 2).Select(a => a.HandlingBranchId).FirstAsync();
        var samples = await SampleAsync(db, rng, maxId, runs);
        var clerkSamples = await SampleAsync(db, rng, maxId, runs, branch);

        var director = new SearchViewer(StaffRole.Director, branch);
        var clerk = new SearchViewer(StaffRole.Clerk, branch);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total:N0} applications in {path}; {runs} runs per kind; clerk at branch {branch}"));
        Console.WriteLine($"{"query",-44} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"avg total",12}");

        var cases = new (string Name, SearchViewer Viewer, Func<int, ApplicationSearchRequest> Request)[]
        {
            ("code (director)", director, i => new() { Text = samples[i].Code }),
            ("code (clerk)", clerk, i => new() { Text = clerkSamples[i].Code }),
            ("citizen ID (director)", director, i => new() { Text = samples[i].CitizenId }),
            ("phone, typed with +84 and spaces (director)", director, i => new() { Text = "+84 " + samples[i].Phone[1..4] + " " + samples[i].Phone[4..] }),
            ("name, full with diacritics (director)", director, i => new() { Text = samples[i].FullName }),
            ("name, family + middle prefix (director)", director, i => new() { Text = Prefix(samples[i].FullName, 2) }),
            ("name, given name only (director)", director, i => new() { Text = Given(samples[i].FullName) }),
            ("name, family name only (clerk)", clerk, i => new() { Text = Prefix(clerkSamples[i].FullName, 1) }),
            ("name, given name only (clerk)", clerk, i => new() { Text = Given(clerkSamples[i].FullName) }),
            ("status + handling branch (director)", director, i => new() { Status = StatusOf(i), HandlingBranchId = 1 + i % 30, Page = i % 5 }),
            ("status + handling branch (clerk)", clerk, i => new() { Status = StatusOf(i), HandlingBranchId = branch, Page = i % 5 }),
            ("overdue, all branches (director)", director, i => new() { Due = DueFilter.Overdue, Page = i % 5 }),
            ("overdue (clerk)", clerk, i => new() { Due = DueFilter.Overdue }),
            ("due today (clerk)", clerk, i => new() { Due = DueFilter.Today }),
            ("no filter, first page (clerk)", clerk, i => new() { Page = i % 3 }),
            ("no filter, first page (director)", director, i => new() { Page = i % 3 }),
            ("area + status (director)", director, i => new() { AreaId = 1 + i % 30, Status = ApplicationStatus.Returned, Page = i % 3 }),
        };

        foreach (var (name, viewer, request) in cases)
        {
            await search.SearchAsync(viewer, request(0)); // warm-up: compiles the query once
            var times = new double[runs];
            long found = 0;
            for (var i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                var page = await search.SearchAsync(viewer, request(i));
                times[i] = sw.Elapsed.TotalMilliseconds;
                found += page.Total;
            }
            Array.Sort(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-44} {Pct(times, 0.50),8:F1} {Pct(times, 0.95),8:F1} {times[^1],8:F1} {found / (double)runs,12:N1}"));
        }
    }

    private static ApplicationStatus StatusOf(int i) => (i % 3) switch
    {
        0 => ApplicationStatus.InProcessing,
        1 => ApplicationStatus.Returned,
        _ => ApplicationStatus.Received,
    };

    private static string Prefix(string name, int words) => string.Join(' ', name.Split(' ').Take(words));
    private static string Given(string name) => name.Split(' ')[^1];

    private static double Pct(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private sealed record Sample(string Code, string CitizenId, string Phone, string FullName);

    private static async Task<List<Sample>> SampleAsync(WorkbenchDbContext db, Random rng, long maxId, int count, int? branch = null)
    {
        var result = new List<Sample>(count);
        while (result.Count < count)
        {
            var id = rng.NextInt64(1, maxId + 1);
            var row = await db.Applications.AsNoTracking()
                .Where(a => a.Id >= id && (branch == null || a.ReceivingBranchId == branch || a.HandlingBranchId == branch))
                .OrderBy(a => a.Id)
                .Select(a => new Sample(a.Code, a.Applicant.CitizenId, a.Applicant.Phone, a.Applicant.FullName))
                .FirstOrDefaultAsync();
            if (row is not null) result.Add(row);
        }
        return result;
    }
}
