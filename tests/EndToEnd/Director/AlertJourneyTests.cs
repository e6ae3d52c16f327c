using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Queue;
using HanoiWorkbench.Workbench.Realtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd.Director;

[Collection(WorkbenchCollection.Name)]
public sealed class AlertJourneyTests(WorkbenchServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_burst_of_walk_ins_at_one_branch_raises_an_alert_on_the_directors_screen_and_the_director_acknowledges_it()
    {
        var page = await server.SignInAsync(DemoAccounts.Director.Email, DemoAccounts.Password);
        var badge = page.GetByTestId("alert-badge");
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-live", "on", new() { Timeout = 20_000 });
        var before = await badge.GetAttributeAsync("data-count");

        var queue = server.Services.GetRequiredService<QueueService>();
        var (clerk, counter, groups) = await BranchThree.ClerkAtFreeCounterAsync(server);
        await queue.OpenCounterAsync(clerk, counter, groups, Ct);
        try
        {
            // Enough walk-ins at BR03 to pass the default 8 waiting per open counter, whatever the suite left there.
            var branch = await BranchThree.BranchIdAsync(server, "BR03");
            var city = server.Services.GetRequiredService<CityLive>().Projection.Current;
            var now = city.Figures(TimeProvider.System.GetUtcNow()).Single(r => r.BranchId == branch);
            for (var i = 0; i < Math.Max(1, 8 * Math.Max(1, now.CountersOpen) - now.Waiting + 1); i++)
                await queue.IssueTicketAsync(branch, groups[0], PriorityCategory.None, Ct);

            await Assertions.Expect(badge).Not.ToHaveAttributeAsync("data-count", before ?? "", new() { Timeout = 20_000 });
            await WorkbenchServer.ScreenshotAsync(page, "alert-raised");

            await badge.Locator("a").First.ClickAsync();
            var crowd = "td[data-branch=BR03][data-kind=WaitingPerCounterOverLimit]";
            var open = page.Locator($"tr:has({crowd}[data-state=Open])");
            await Assertions.Expect(open).ToHaveCountAsync(1, new() { Timeout = 20_000 });
            await open.GetByTestId("alert-acknowledge").ClickAsync();
            await page.FillAsync("#alert-note", "Đã mở thêm quầy và điều 2 cán bộ sang hỗ trợ");
            await page.GetByTestId("acknowledge-confirm").ClickAsync();

            var acknowledged = page.Locator($"tr:has({crowd}[data-state=Acknowledged])").First;
            await Assertions.Expect(acknowledged).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Assertions.Expect(acknowledged.GetByTestId("alert-acknowledgement")).ToBeVisibleAsync();
            await Assertions.Expect(acknowledged).ToContainTextAsync("Đã mở thêm quầy và điều 2 cán bộ sang hỗ trợ");
            await WorkbenchServer.ScreenshotAsync(page, "alert-acknowledged");
        }
        finally
        {
            await queue.CloseCounterAsync(clerk, Ct);
        }
    }
}
