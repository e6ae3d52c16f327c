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
        long lastSequence = 0;
        using var _ = bus.Subscribe(e => { Interlocked.Exchange(ref lastSequence, e.CitySequence); return Task.CompletedTask; });
        var samples = new List<double>();
        const int warmUp = 3;
        for (var round = 0; round < warmUp + rounds; round++)
        {
            var t0 = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await bus.PublishAsync(LiveEventKind.ApplicationChanged, 1, round, CancellationToken.None);
            await Task.Delay(50);
            var seq = Interlocked.Read(ref lastSequence).ToString(CultureInfo.InvariantCulture);
            foreach (var page in pages)
            {
                await page.WaitForFunctionAsync($"() => window.__seen['{seq}'] !== undefined", null, new() { PollingInterval = 20 });
                if (round >= warmUp)
                    samples.Add(await page.EvaluateAsync<double>($"() => window.__seen['{seq}']") - t0);
            }
        }
        await output.WriteLineAsync($"{circuits} Blazor circuits (Chromium pages), commit to DOM, {rounds} rounds: {Percentiles.Of(samples)}");
    }
}
