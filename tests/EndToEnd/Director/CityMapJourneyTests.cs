using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd.Director;

[Collection(WorkbenchCollection.Name)]
public sealed class CityMapJourneyTests(WorkbenchServer server)
{
    [Fact]
    public async Task The_director_sees_the_thirty_branches_on_the_map_and_opens_one()
    {
        var page = await server.SignInAsync(DemoAccounts.Director.Email, DemoAccounts.Password);
        // The menu is followed from the live home, not from its prerendered copy: a click before the circuit is up lets
        // the browser's enhanced navigation and the starting circuit disagree on which page is shown.
        await Assertions.Expect(page.GetByTestId("branch-table")).ToHaveAttributeAsync("data-live", "on", new() { Timeout = 20_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "Bản đồ tải các chi nhánh" }).ClickAsync();
        await page.WaitForURLAsync("**/director/map");

        var map = page.GetByTestId("city-map");
        await Assertions.Expect(map.Locator("g[role=button]")).ToHaveCountAsync(30);
        await Assertions.Expect(page.GetByTestId("map-page")).ToHaveAttributeAsync("data-interactive", "on", new() { Timeout = 20_000 });
        await page.GetByTestId("map-branch-BR03").ClickAsync();

        await Assertions.Expect(page.GetByTestId("map-branch-panel")).ToContainTextAsync("Tây Hồ");
        await WorkbenchServer.ScreenshotAsync(page, "director-map");

        // A citizen takes a ticket at Tây Hồ: the dot and the panel follow without a reload (how fast: docs/benchmarks.md).
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        var dot = page.GetByTestId("map-branch-BR03");
        var before = int.Parse(await dot.GetAttributeAsync("data-waiting") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var (branchId, groupId) = await BranchAndGroupAsync("BR03", "A");
        await server.Services.GetRequiredService<QueueService>().IssueTicketAsync(branchId, groupId, PriorityCategory.None, TestContext.Current.CancellationToken);
        await Assertions.Expect(dot).ToHaveAttributeAsync("data-waiting", (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("panel-waiting")).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the map was reloaded");
    }

    private async Task<(int BranchId, int GroupId)> BranchAndGroupAsync(string branchCode, string letter)
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var branch = await db.Branches.Where(b => b.Code == branchCode).Select(b => b.Id).SingleAsync(TestContext.Current.CancellationToken);
        var group = await db.ServiceGroups.Where(g => g.Letter == letter).Select(g => g.Id).SingleAsync(TestContext.Current.CancellationToken);
        return (branch, group);
    }
}
