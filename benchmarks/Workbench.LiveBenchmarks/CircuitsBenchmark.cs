using System.Globalization;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Realtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HanoiWorkbench.LiveBenchmarks;

/// <summary>
/// Fan-out to real Blazor circuits: the whole workbench on Kestrel, N Chromium pages of the director's live city view
/// (each its own circuit), one event published per round; latency = from just before the publish to the moment the
/// page's DOM shows the new sequence (recorded in the page with a MutationObserver; browser and server share the clock).
/// Each circuit re-reads the city counts from the database before it renders, so this is the whole path a director sees.
/// </summary>
public static class CircuitsBenchmark
{
    private const string Observer = """
        () => {
          window.__seen = {};
          const t = document.querySelector('[data-testid=branch-table]');
          new MutationObserver(() => {
            const s = t.getAttribute('data-live-seq');
            if (!(s in window.__seen)) window.__seen[s] = Date.now();
          }).observe(t, { attributes: true, attributeFilter: ['data-live-seq'] });
        }
        """;

    public static async Task RunAsync(TextWriter output, int circuits, int rounds)
    {
        await output.WriteLineAsync($"circuits, {Machine.Describe()}");
        await using var app = BenchmarkHost.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchmarkHost.LaunchChromiumAsync(playwright);
        var context = await app.SignedInAsync(browser, DemoAccounts.Director.Email);

        var pages = new List<IPage>();
        for (var i = 0; i < circuits; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            await page.Locator("[data-testid=branch-table][data-live=on]").WaitForAsync();
            await page.EvaluateAsync(Observer);
            pages.Add(page);
        }
        await output.WriteLineAsync($"{circuits} director pages open (one circuit each); {Machine.Describe()}");

        var bus = app.Services.GetRequiredService<LiveEventBus>();
        var samples = new List<double>();
        const int warmUp = 3;
        for (var round = 0; round < warmUp + rounds; round++)
        {
            var t0 = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            string seq;
            // The number our event was given, from the publish itself (a subscriber read 50 ms later could lag behind).
            using (var published = bus.Track())
            {
                await bus.PublishAsync(LiveEventKind.ApplicationChanged, 1, round, CancellationToken.None);
                seq = published.HighestIn(LiveInterest.City).ToString(CultureInfo.InvariantCulture);
            }
            foreach (var page in pages)
            {
                // At least the number: a page shows the highest number its read covered, and an event published by the
                // workbench itself (the pool or staff-period jobs) right after ours makes it skip ours. Waiting for the
                // exact number is what once hung the benchmark for 120 s.
                await page.WaitForFunctionAsync($"() => Object.keys(window.__seen).some(s => Number(s) >= {seq})", null, new() { PollingInterval = 20 });
                if (round >= warmUp)
                    samples.Add(await page.EvaluateAsync<double>(
                        $"() => Math.min(...Object.entries(window.__seen).filter(([s]) => Number(s) >= {seq}).map(([, t]) => t))") - t0);
            }
        }
        await output.WriteLineAsync($"{circuits} Blazor circuits (Chromium pages), commit to DOM, {rounds} rounds: {Percentiles.Of(samples)}");
    }
}
