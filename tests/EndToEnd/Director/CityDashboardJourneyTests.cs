using System.Globalization;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd.Director;

[Collection(WorkbenchCollection.Name)]
public sealed class CityDashboardJourneyTests(WorkbenchServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_clerks_call_changes_the_waiting_figure_on_the_directors_dashboard_without_a_reload()
    {
        var page = await server.SignInAsync(DemoAccounts.Director.Email, DemoAccounts.Password);
        var table = page.GetByTestId("branch-table");
        await Assertions.Expect(table).ToHaveAttributeAsync("data-live", "on", new() { Timeout = 20_000 });
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        var waiting = table.Locator("tbody tr[data-branch=BR03] td[data-col=waiting]");
        await page.Locator("[data-sort-key=waiting]").ClickAsync();
        await Assertions.Expect(table).ToHaveAttributeAsync("data-sort", "waiting");
        await WorkbenchServer.ScreenshotAsync(page, "director-dashboard");

        var queue = server.Services.GetRequiredService<QueueService>();
        var (clerk, counter, groups) = await ClerkAtFreeCounterAsync();
        await queue.OpenCounterAsync(clerk, counter, groups, Ct);
        try
        {
            var vi = CultureInfo.GetCultureInfo("vi-VN");
            var before = int.Parse(await waiting.InnerTextAsync(), NumberStyles.AllowThousands, vi);
            await queue.IssueTicketAsync(await BranchIdAsync("BR03"), groups[0], PriorityCategory.None, Ct); // the kiosk
            await Assertions.Expect(waiting).ToHaveTextAsync((before + 1).ToString("N0", vi), new() { Timeout = 20_000 });

            var called = await queue.CallNextAsync(clerk, counter, Ct);

            Assert.NotNull(called);
            await Assertions.Expect(waiting).ToHaveTextAsync(before.ToString("N0", vi), new() { Timeout = 20_000 });
            Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the dashboard was reloaded");
            await queue.FinishAsync(clerk, called.Id, Ct);
        }
        finally
        {
            await queue.CloseCounterAsync(clerk, Ct); // leave the clerk at no counter, as found
        }
    }

    private async Task<int> BranchIdAsync(string code)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        return await db.Branches.Where(b => b.Code == code).Select(b => b.Id).SingleAsync(Ct);
    }

    /// <summary>The demo clerk of BR03 and a counter of BR03 nobody sits at, with the groups it is configured for.</summary>
    private async Task<(int Clerk, int Counter, IReadOnlyList<int> Groups)> ClerkAtFreeCounterAsync()
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        var clerk = await db.Staff.Where(s => s.Email == DemoAccounts.Clerk.Email).Select(s => new { s.Id, s.CurrentBranchId }).SingleAsync(Ct);
        var seated = await db.Staff.Where(s => s.CurrentCounterId != null).Select(s => s.CurrentCounterId!.Value).ToListAsync(Ct);
        var counter = await db.Counters.Where(c => c.BranchId == clerk.CurrentBranchId && !seated.Contains(c.Id) && c.ServiceGroups.Any())
            .OrderBy(c => c.Number).Select(c => new { c.Id, Groups = c.ServiceGroups.OrderBy(g => g.Letter).Select(g => g.Id).ToList() }).FirstAsync(Ct);
        return (clerk.Id, counter.Id, counter.Groups);
    }
}
