using System.Globalization;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd.Director;

[Collection(WorkbenchCollection.Name)]
public sealed class CityDashboardJourneyTests(WorkbenchServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_clerks_call_changes_the_waiting_figure_on_the_directors_dashboard_and_map_within_a_second_without_a_reload()
    {
        var page = await server.SignInAsync(DemoAccounts.Director.Email, DemoAccounts.Password);
        // The map in a second tab of the same director (its own circuit).
        var mapPage = await page.Context.NewPageAsync();
        await mapPage.GotoAsync("/director/map");
        await Assertions.Expect(mapPage.GetByTestId("map-page")).ToHaveAttributeAsync("data-interactive", "on", new() { Timeout = 20_000 });
        await mapPage.EvaluateAsync("() => { window.__sameDocument = true; }");
        var dot = mapPage.GetByTestId("map-branch-BR03");
        var table = page.GetByTestId("branch-table");
        await Assertions.Expect(table).ToHaveAttributeAsync("data-live", "on", new() { Timeout = 20_000 });
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        var waiting = table.Locator("tbody tr[data-branch=BR03] td[data-col=waiting]");
        await page.Locator("[data-sort-key=waiting]").ClickAsync();
        await Assertions.Expect(table).ToHaveAttributeAsync("data-sort", "waiting");
        await WorkbenchServer.ScreenshotAsync(page, "director-dashboard");

        var queue = server.Services.GetRequiredService<QueueService>();
        var (clerk, counter, groups) = await BranchThree.ClerkAtFreeCounterAsync(server);
        await queue.OpenCounterAsync(clerk, counter, groups, Ct);
        try
        {
            var vi = CultureInfo.GetCultureInfo("vi-VN");
            var before = int.Parse(await waiting.InnerTextAsync(), NumberStyles.AllowThousands, vi);
            await queue.IssueTicketAsync(await BranchThree.BranchIdAsync(server, "BR03"), groups[0], PriorityCategory.None, Ct); // the kiosk
            await Assertions.Expect(waiting).ToHaveTextAsync((before + 1).ToString("N0", vi), new() { Timeout = 20_000 });

            await Assertions.Expect(dot).ToHaveAttributeAsync("data-waiting", (before + 1).ToString(CultureInfo.InvariantCulture), new() { Timeout = 20_000 });

            var called = await queue.CallNextAsync(clerk, counter, Ct);

            // Both follow within a second of the call (the distribution of that delay: docs/benchmarks.md).
            Assert.NotNull(called);
            await Assertions.Expect(waiting).ToHaveTextAsync(before.ToString("N0", vi), new() { Timeout = 1_000 });
            await Assertions.Expect(dot).ToHaveAttributeAsync("data-waiting", before.ToString(CultureInfo.InvariantCulture), new() { Timeout = 1_000 });
            await WorkbenchServer.ScreenshotAsync(mapPage, "director-map-after-call");
            Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the dashboard was reloaded");
            Assert.True(await mapPage.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the map was reloaded");
            await queue.FinishAsync(clerk, called.Id, Ct);
        }
        finally
        {
            await queue.CloseCounterAsync(clerk, Ct); // leave the clerk at no counter, as found
            await mapPage.CloseAsync();
        }
    }
}
