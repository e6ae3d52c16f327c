using System.Text;
using HanoiWorkbench.Data;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace HanoiWorkbench.EndToEnd;

[Collection(WorkbenchCollection.Name)]
public sealed class ReceptionJourneyTests(WorkbenchServer server)
{
    [Fact]
    public async Task A_Tay_Ho_clerk_receives_a_Hoan_Kiem_application_and_downloads_a_receipt_that_says_what_was_promised()
    {
        var page = await server.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);
        await page.GotoAsync("/applications/new");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tiếp nhận hồ sơ" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("reception-form")).ToHaveAttributeAsync("data-interactive", "true");

        // The procedure, typed without diacritics.
        await page.Locator("#procedure-search").FillAsync("dang ky khai sinh");
        var best = page.GetByTestId("procedure-results").Locator(".mud-list-item").First;
        await Assertions.Expect(best).ToContainTextAsync("Đăng ký khai sinh");
        await best.ClickAsync();
        await Assertions.Expect(page.GetByTestId("procedure-selected")).ToContainTextAsync("Đăng ký khai sinh");

        await FillAsync(page, "#applicant-name", "Trần Thị Hồng Nhung");
        await FillAsync(page, "#applicant-cccd", "001195012345");
        await FillAsync(page, "#applicant-phone", "0983 456 789");
        await FillAsync(page, "#applicant-address", "15 Hàng Bài, phường Hoàn Kiếm, Hà Nội");

        // Another area than the branch's own (Tây Hồ).
        await page.GetByTestId("area-select").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Hoàn Kiếm", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("reception-summary")).ToContainTextAsync("Hoàn Kiếm");

        await page.GetByTestId("doc-row-0").Locator("input[type=checkbox]").CheckAsync();
        await page.GetByTestId("doc-row-1").Locator("input[type=checkbox]").CheckAsync();
        await page.GetByTestId("doc-row-2").Locator("input[type=checkbox]").CheckAsync();

        var due = (await page.GetByTestId("due-preview").InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$", due);
        await WorkbenchServer.ScreenshotAsync(page, "reception-form");

        await WorkbenchServer.ConfirmReceptionAsync(page);
        var code = (await page.GetByTestId("application-code").InnerTextAsync()).Trim();
        Assert.Matches(@"^[0-9A-Za-z.]+-\d{6}-\d{4}$", code);
        await Assertions.Expect(page.GetByTestId("area-name")).ToContainTextAsync("Hoàn Kiếm");
        await Assertions.Expect(page.GetByTestId("status-chip")).ToContainTextAsync("Đã tiếp nhận");
        await WorkbenchServer.ScreenshotAsync(page, "application-page");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-receipt").ClickAsync());
        Assert.Equal($"giay-tiep-nhan-{code}.pdf", download.SuggestedFilename); // the name the page offers is the name it arrives with
        var path = Path.Combine(WorkbenchServer.ArtefactFolder, "receipt.pdf");
        await download.SaveAsAsync(path);
        var text = PdfText(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));

        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Hồng Nhung", text, StringComparison.Ordinal);
        Assert.Contains("Đăng ký khai sinh", text, StringComparison.Ordinal);
        Assert.Contains("Hoàn Kiếm", text, StringComparison.Ordinal);
        Assert.Contains($"Thời gian trả kết quả: {due}", text, StringComparison.Ordinal);
        Assert.Contains($"/tra-cuu?ma={code}", text, StringComparison.Ordinal);

        // The citizen follows the receipt's QR link (no sign-in) and sees the application with its due date.
        var citizen = await server.NewPageAsync();
        await citizen.GotoAsync($"/tra-cuu?ma={Uri.EscapeDataString(code)}");
        await Assertions.Expect(citizen.GetByTestId("lookup-code")).ToHaveValueAsync(code);
        await citizen.GetByTestId("lookup-phone").FillAsync("6789");
        await citizen.GetByTestId("lookup-submit").ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("lookup-status")).ToHaveTextAsync("Đã tiếp nhận");
        await Assertions.Expect(citizen.GetByTestId("lookup-due")).ToHaveTextAsync(due);
        await WorkbenchServer.ScreenshotAsync(citizen, "status-lookup-after-reception");
    }

    private static async Task FillAsync(IPage page, string selector, string value)
    {
        await page.FillAsync(selector, value);
        await page.Locator(selector).BlurAsync();
    }

    internal static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var words = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text);
        return string.Join(' ', string.Join(' ', words).Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
