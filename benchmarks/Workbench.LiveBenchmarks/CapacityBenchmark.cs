using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HanoiWorkbench.LiveBenchmarks;

/// <summary>
/// How many circuits one workbench process holds: the whole workbench on Kestrel, Chromium pages opened in steps up to
/// each N (by default half the director's live city page, half the Tây Hồ clerk's counter page with the counter open; or
/// only one of them; one circuit each). At each N, after a forced, compacting, blocking full collection: the server process's managed heap and working
/// set, as a delta over the idle baseline (the server warmed by one page of each kind, then closed), divided by N.
/// Then interaction latency under city traffic: a ticket is issued at a random branch every 250 ms (each one an event to
/// every director circuit, and to the counter circuits when it is at Tây Hồ) while 40 sort clicks on director pages
/// spread over all that are open are each timed in the page, from just before <c>click()</c> to the table's sort
/// attribute changing (event to the server over the circuit's WebSocket, handler, render, diff back, DOM patched).
/// </summary>
public static class CapacityBenchmark
{
    private const int Clicks = 40;

    private const string SortObserver = """
        () => {
          const t = document.querySelector('[data-testid=branch-table]');
          window.__sorted = null;
          new MutationObserver(() => { if (window.__sorted === null) window.__sorted = performance.now(); })
            .observe(t, { attributes: true, attributeFilter: ['data-sort', 'data-sort-dir'] });
        }
        """;

    // The click and its clock in the page itself: Playwright's own round trip is not part of what a director waits for.
    private const string Click = """
        key => {
          window.__sorted = null;
          window.__clicked = performance.now();
          document.querySelector(`[data-sort-key=${key}]`).click();
        }
        """;

    public static async Task RunAsync(TextWriter output, IReadOnlyList<int> steps, string pages)
    {
        await output.WriteLineAsync($"capacity ({pages} pages), {Machine.Describe()}, server GC {GCSettings.IsServerGC}");
        await using var app = BenchmarkHost.Start();
        var queue = app.Services.GetRequiredService<QueueService>();
        await CounterPagesBenchmark.SeatTheClerkAsync(app.Services, queue, tickets: 20);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchmarkHost.LaunchChromiumAsync(playwright);
        var director = await app.SignedInAsync(browser, DemoAccounts.Director.Email);
        var clerk = await app.SignedInAsync(browser, DemoAccounts.Clerk.Email);

        // Warm up: every code path of both pages has run once (JIT, caches, the projection built) before the baseline.
        var warm = new[] { await OpenDirectorAsync(director), await OpenCounterAsync(clerk) };
        await warm[0].EvaluateAsync(Click, "waiting");
        await warm[0].WaitForFunctionAsync("() => window.__sorted !== null");
        foreach (var page in warm) await page.CloseAsync();
        await SettleAsync();
        var baseline = Measure();
        await output.WriteLineAsync(FormattableString.Invariant(
            $"idle baseline: managed heap {Mb(baseline.Heap):0.0} MB, working set {Mb(baseline.WorkingSet):0.0} MB"));
        await output.WriteLineAsync("| circuits | director / counter | managed heap Δ (MB) | per circuit (KB) | working set Δ (MB) | per circuit (KB) | sort click p50 / p95 / max (ms) | live director pages |");
        await output.WriteLineAsync("|---:|---:|---:|---:|---:|---:|---:|---:|");

        var directors = new List<IPage>();
        var counters = new List<IPage>();
        foreach (var n in steps)
        {
            while (directors.Count + counters.Count < n)
            {
                if (pages == "director" || (pages == "both" && directors.Count <= counters.Count)) directors.Add(await OpenDirectorAsync(director));
                else counters.Add(await OpenCounterAsync(clerk));
            }
            await SettleAsync();
            var now = Measure();
            var heap = now.Heap - baseline.Heap;
            var workingSet = now.WorkingSet - baseline.WorkingSet;
            var clicks = directors.Count == 0 ? Percentiles.Of([]) : await ClickUnderTrafficAsync(app.Services, queue, directors);
            var live = 0;
            foreach (var page in directors)
                if (await page.Locator("[data-testid=branch-table][data-live=on]").CountAsync() == 1) live++;
            await output.WriteLineAsync(FormattableString.Invariant(
                $"| {n} | {directors.Count} / {counters.Count} | {Mb(heap):0.0} | {heap / 1024.0 / n:0} | {Mb(workingSet):0.0} | {workingSet / 1024.0 / n:0} | {clicks.P50:0} / {clicks.P95:0} / {clicks.Max:0} | {live} of {directors.Count} |"));
        }
        await output.WriteLineAsync($"done; {Machine.Describe()}");
    }

    private static async Task<IPage> OpenDirectorAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("[data-testid=branch-table][data-live=on]").WaitForAsync();
        await page.EvaluateAsync(SortObserver);
        return page;
    }

    private static async Task<IPage> OpenCounterAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/counter");
        await page.Locator("h1[data-interactive=true]").WaitForAsync();
        await page.Locator("[data-testid=waiting-queue]").WaitForAsync();
        return page;
    }

    /// <summary>Sort clicks spread over the open director pages while tickets are issued across the city.</summary>
    private static async Task<Percentiles> ClickUnderTrafficAsync(IServiceProvider services, QueueService queue, IReadOnlyList<IPage> directors)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();
        int[] branches, groups;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            branches = await db.Branches.Select(b => b.Id).ToArrayAsync();
            groups = await db.ServiceGroups.Select(g => g.Id).ToArrayAsync();
        }
        using var stop = new CancellationTokenSource();
        var random = new Random(11);
        var traffic = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
                await queue.IssueTicketAsync(branches[random.Next(branches.Length)], groups[random.Next(groups.Length)], PriorityCategory.None, null, stop.Token)
                    .ConfigureAwait(false);
        });
        var samples = new List<double>();
        string[] keys = ["waiting", "pool", "code"];
        for (var i = 0; i < Clicks; i++)
        {
            var page = directors[i * 7 % directors.Count];
            await page.EvaluateAsync(Click, keys[i % keys.Length]);
            await page.WaitForFunctionAsync("() => window.__sorted !== null", null, new() { PollingInterval = 10 });
            samples.Add(await page.EvaluateAsync<double>("() => window.__sorted - window.__clicked"));
        }
        await stop.CancelAsync();
        try { await traffic; } catch (OperationCanceledException) { }
        return Percentiles.Of(samples);
    }

    /// <summary>Lets the pages' first renders and reads finish, so the measure sees circuits at rest.</summary>
    private static Task SettleAsync() => Task.Delay(TimeSpan.FromSeconds(3));

    private static (long Heap, long WorkingSet) Measure()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64);
    }

    private static double Mb(long bytes) => bytes / (1024.0 * 1024);

    /// <summary><c>--steps 50,100,200</c> (the default) and <c>--pages both|director|counter</c> (default both).</summary>
    public static (IReadOnlyList<int> Steps, string Pages) ParseArguments(IReadOnlyList<string> args)
    {
        string? After(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var steps = After("--steps") is { } list ? list.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [50, 100, 200];
        var pages = After("--pages") ?? "both";
        if (pages is not ("both" or "director" or "counter")) throw new ArgumentException($"--pages {pages}: both, director or counter");
        return (steps, pages);
    }
}
