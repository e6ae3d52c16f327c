using HanoiWorkbench.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd;

/// <summary>Issue 12, point 10: a walk-in is refused at reception with Form 3, and nothing is counted as received.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed class RefusalAtReceptionJourneyTests(WorkbenchServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Applications, int Sequences, int WorkItems, int Decisions)> CountsAsync()
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        return (await db.Applications.CountAsync(Ct), await db.DailySequences.SumAsync(s => s.Value, Ct), await db.WorkItems.CountAsync(Ct),
            await db.ReceptionDecisions.CountAsync(Ct));
    }

    private static async Task<(string Received, string Refused)> HomeCountsAsync(IPage page)
    {
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("reception-counts")).ToBeVisibleAsync();
        return ((await page.GetByTestId("count-received").InnerTextAsync()).Trim(), (await page.GetByTestId("count-refused").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task A_walk_in_is_refused_at_reception_with_Form_3_and_nothing_is_counted_as_received()
    {
        var page = await server.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);
        var (receivedBefore, refusedBefore) = await HomeCountsAsync(page);
        var before = await CountsAsync();

        await page.GotoAsync("/applications/new");
        await Assertions.Expect(page.GetByTestId("reception-form")).ToHaveAttributeAsync("data-interactive", "true");
        await page.Locator("#procedure-search").FillAsync("dang ky khai sinh");
        var best = page.GetByTestId("procedure-results").Locator(".mud-list-item").First;
        await Assertions.Expect(best).ToContainTextAsync("Đăng ký khai sinh");
        await best.ClickAsync();
        await FillAsync(page, "#applicant-name", "Lê Văn Tám");
        await FillAsync(page, "#applicant-cccd", "001088012345");
        await page.GetByTestId("doc-row-0").Locator("input[type=checkbox]").CheckAsync();
        await Assertions.Expect(page.GetByTestId("missing-documents-warning")).ToContainTextAsync("Mẫu 02");

        await page.GetByTestId("issue-refusal").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.Locator("#decision-reason")).ToBeVisibleAsync();
        await dialog.Locator("#decision-reason").FillAsync("Yêu cầu không thuộc phạm vi thủ tục đăng ký khai sinh");
        await dialog.GetByTestId("decision-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("decision-issued")).ToContainTextAsync("Mẫu 03");
        await WorkbenchServer.ScreenshotAsync(page, "refusal-at-reception");

        var href = await page.GetByTestId("decision-pdf").GetAttributeAsync("href");
        Assert.Matches(@"^/applications/decisions/\d+\.pdf$", href);
        var response = await page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        Assert.Contains("phieu-tu-choi-tiep-nhan-tai-quay-", response.Headers["content-disposition"], StringComparison.Ordinal);
        var text = ReceptionJourneyTests.PdfText(await response.BodyAsync());
        Assert.Contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", text, StringComparison.Ordinal);
        Assert.Contains("Lê Văn Tám", text, StringComparison.Ordinal);
        Assert.Contains("Yêu cầu không thuộc phạm vi thủ tục đăng ký khai sinh", text, StringComparison.Ordinal);

        // No application, no daily number, no pool item: only the decision, counted apart on the clerk's home.
        Assert.Equal(before with { Decisions = before.Decisions + 1 }, await CountsAsync());
        var (receivedAfter, refusedAfter) = await HomeCountsAsync(page);
        Assert.Equal(receivedBefore, receivedAfter);
        Assert.Equal(int.Parse(refusedBefore, System.Globalization.CultureInfo.InvariantCulture) + 1,
            int.Parse(refusedAfter, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task FillAsync(IPage page, string selector, string value)
    {
        await page.FillAsync(selector, value);
        await page.Locator(selector).BlurAsync();
    }
}
