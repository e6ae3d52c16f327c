using System.Diagnostics;
using System.Globalization;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HanoiWorkbench.LiveBenchmarks;

/// <summary>
/// One call-next among 30 open counter pages of one branch (the Tây Hồ clerk's demo account, 30 tabs, one circuit each):
/// the first page presses "Gọi số tiếp theo"; latency = from just before the click to the moment each other page's waiting
/// queue shows one ticket fewer (MutationObserver in the page, shared clock); and the database work the whole click costs,
/// counted from EF Core's diagnostics until the server has been quiet for 300 ms: every command, and the counter-page
/// re-reads among them (one per <see cref="QueueQueries.DeskAsync"/>, recognised by its query of the seated staff).
/// </summary>
public static class CounterPagesBenchmark
{
    private const string Observer = """
        () => {
          window.__seen = {};
          const count = () => {
            const t = document.querySelector('[data-testid=waiting-queue] .mud-typography');
            const m = t && /\((\d+)\)/.exec(t.textContent);
            return m ? m[1] : null;
          };
          new MutationObserver(() => {
            const c = count();
            if (c !== null && !(c in window.__seen)) window.__seen[c] = Date.now();
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
          window.__count = count;
        }
        """;

    public static async Task RunAsync(TextWriter output, int pagesOpen, int rounds)
    {
        await output.WriteLineAsync($"counter pages, {Machine.Describe()}");
        await using var app = BenchmarkHost.Start();
        var queue = app.Services.GetRequiredService<QueueService>();
        const int warmUp = 3;
        await SeatTheClerkAsync(app.Services, queue, tickets: warmUp + rounds + 5);

        using var commands = new CommandCounter();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchmarkHost.LaunchChromiumAsync(playwright);
        var context = await app.SignedInAsync(browser, DemoAccounts.Clerk.Email);
        var pages = new List<IPage>();
        for (var i = 0; i < pagesOpen; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/counter");
            await page.Locator("h1[data-interactive=true]").WaitForAsync();
            await page.Locator("[data-testid=call-next]").WaitForAsync();
            await page.EvaluateAsync(Observer);
            pages.Add(page);
        }
        await output.WriteLineAsync($"{pagesOpen} counter pages of one branch open (one circuit each); {Machine.Describe()}");

        var actor = pages[0];
        var latencies = new List<double>();
        var perClick = new List<(long Commands, long Rereads)>();
        for (var round = 0; round < warmUp + rounds; round++)
        {
            await commands.QuietAsync();
            var before = int.Parse(await actor.EvaluateAsync<string>("() => window.__count()"), CultureInfo.InvariantCulture);
            var expected = (before - 1).ToString(CultureInfo.InvariantCulture);
            var (commandsBefore, rereadsBefore) = commands.Snapshot();
            var t0 = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await actor.ClickAsync("[data-testid=call-next]");
            foreach (var page in pages.Skip(1))
            {
                await page.WaitForFunctionAsync($"() => window.__seen['{expected}'] !== undefined", null, new() { PollingInterval = 20 });
                if (round >= warmUp) latencies.Add(await page.EvaluateAsync<double>($"() => window.__seen['{expected}']") - t0);
            }
            await commands.QuietAsync();
            var (commandsAfter, rereadsAfter) = commands.Snapshot();
            if (round >= warmUp) perClick.Add((commandsAfter - commandsBefore, rereadsAfter - rereadsBefore));

            // Not measured: the actor finishes the ticket so that call-next is offered again.
            await actor.ClickAsync("[data-testid=finish]");
            await actor.Locator("[data-testid=call-next]:not([disabled])").WaitForAsync();
        }
        await output.WriteLineAsync($"{pagesOpen - 1} other counter pages, click to DOM, {rounds} rounds: {Percentiles.Of(latencies)}");
        await output.WriteLineAsync(FormattableString.Invariant(
            $"per call-next: {perClick.Average(c => c.Commands):0.0} database commands, {perClick.Average(c => c.Rereads):0.0} counter-page re-reads (min {perClick.Min(c => c.Rereads)}, max {perClick.Max(c => c.Rereads)}) for {pagesOpen} pages"));
    }

    /// <summary>Opens the demo clerk's first counter of their branch for all its configured groups, and issues tickets in one of them.</summary>
    internal static async Task SeatTheClerkAsync(IServiceProvider services, QueueService queue, int tickets)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var clerk = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.Clerk.Email);
        var counter = await db.Counters.Include(c => c.ServiceGroups).Where(c => c.BranchId == clerk.CurrentBranchId).OrderBy(c => c.Number).FirstAsync();
        // The groups the branch manager configured the counter for (a clerk may serve no others).
        var groups = counter.ServiceGroups.Select(g => g.Id).ToList();
        await queue.OpenCounterAsync(clerk.Id, counter.Id, groups);
        for (var i = 0; i < tickets; i++)
            await queue.IssueTicketAsync(clerk.CurrentBranchId, groups[0], PriorityCategory.None);
    }

    /// <summary>Counts EF Core's executed commands in this process, and the counter pages' desk reads among them.</summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly IDisposable _all;
        private readonly List<IDisposable> _listeners = [];
        private long _commands;
        private long _rereads;

        public CommandCounter() => _all = DiagnosticListener.AllListeners.Subscribe(this);

        public (long Commands, long Rereads) Snapshot() => (Interlocked.Read(ref _commands), Interlocked.Read(ref _rereads));

        /// <summary>Waits until no command ran for 300 ms: the reads that a click set off have all finished.</summary>
        public async Task QuietAsync()
        {
            var last = Snapshot();
            for (var quiet = Stopwatch.StartNew(); quiet.ElapsedMilliseconds < 300; await Task.Delay(20))
            {
                var now = Snapshot();
                if (now != last) { last = now; quiet.Restart(); }
            }
        }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
                lock (_listeners) _listeners.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is not CommandExecutedEventData executed) return;
            Interlocked.Increment(ref _commands);
            // The desk's query of who sits at which counter; nothing else a counter page or call-next runs looks like it.
            if (executed.Command.CommandText.Contains("\"CurrentCounterId\" IS NOT NULL", StringComparison.Ordinal)) Interlocked.Increment(ref _rereads);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            _all.Dispose();
            lock (_listeners) _listeners.ForEach(l => l.Dispose());
        }
    }
}
