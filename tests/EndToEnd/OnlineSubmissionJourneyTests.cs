using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using HanoiWorkbench.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd;

[Collection(WorkbenchCollection.Name)]
public sealed class OnlineSubmissionJourneyTests(WorkbenchServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What the national public service portal sends: a birth registration for Tây Hồ with two documents attached.</summary>
    private async Task<(long Id, string Code)> SubmitThroughThePortalAsync(string citizenId)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications")
        {
            Content = JsonContent.Create(new
            {
                procedureCode = "1.001193",
                areaCode = "003",
                applicant = new { fullName = "Lê Minh Khôi", citizenId, phone = "0904 112 233", address = "8 Xuân Diệu, Tây Hồ, Hà Nội" },
                documents = new[] { new { name = "Tờ khai đăng ký khai sinh", count = 1 }, new { name = "Giấy chứng sinh", count = 1 } },
            }),
        };
        request.Headers.Add("X-Api-Key", WorkbenchServer.IntakeApiKey);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (body.GetProperty("applicationId").GetInt64(), body.GetProperty("code").GetString()!);
    }

    [Fact]
    public async Task An_online_submission_is_checked_and_received_at_a_counter_and_its_receipt_downloaded()
    {
        var (id, code) = await SubmitThroughThePortalAsync("001096011223");
        var page = await server.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ trực tuyến chờ kiểm tra" })).ToHaveAttributeAsync("href", "/pool/submissions");
        await page.GotoAsync("/pool/submissions");
        // The circuit's first start on a busy two-core machine can take longer than Playwright's default five seconds.
        await Assertions.Expect(page.GetByTestId("submissions")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 20_000 });
        var row = page.GetByTestId($"submission-{id}");
        await Assertions.Expect(row).ToContainTextAsync(code);
        await Assertions.Expect(row).ToContainTextAsync("Đăng ký khai sinh");
        await WorkbenchServer.ScreenshotAsync(page, "online-submissions");

        await page.GetByTestId($"check-{id}").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/applications/{id}$"));
        await Assertions.Expect(page.GetByTestId("status-chip")).ToContainTextAsync("Mới đăng ký");
        await page.GetByTestId("action-Receive").ClickAsync();
        var dialog = page.GetByTestId("receive-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("Giấy chứng sinh");
        var due = (await dialog.GetByTestId("receive-due").InnerTextAsync()).Trim();
        await dialog.GetByTestId("doc-row-0").Locator("input[type=checkbox]").CheckAsync();
        await dialog.GetByTestId("doc-row-1").Locator("input[type=checkbox]").CheckAsync();
        await WorkbenchServer.ScreenshotAsync(page, "online-submission-check");

        await page.GetByTestId("receive-confirm").ClickAsync();
        await page.WaitForURLAsync(new Regex($@"/applications/{id}\?moi=1$"));
        await Assertions.Expect(page.GetByTestId("status-chip")).ToContainTextAsync("Đã tiếp nhận");
        Assert.Equal(code, (await page.GetByTestId("application-code").InnerTextAsync()).Trim());
        await WorkbenchServer.ScreenshotAsync(page, "online-submission-received");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-receipt").ClickAsync());
        var path = Path.Combine(WorkbenchServer.ArtefactFolder, "receipt-online.pdf");
        await download.SaveAsAsync(path);
        var text = ReceptionJourneyTests.PdfText(await File.ReadAllBytesAsync(path, Ct));
        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.Contains("Lê Minh Khôi", text, StringComparison.Ordinal);
        Assert.Contains($"Thời gian trả kết quả: {due}", text, StringComparison.Ordinal);
        Assert.Contains("Chi nhánh số 1", text, StringComparison.Ordinal);

        await page.GotoAsync("/pool/submissions");
        await Assertions.Expect(page.GetByTestId("submissions-branch").Or(page.GetByTestId("submissions-branch-empty"))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId($"submission-{id}")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_double_click_on_confirm_at_the_counter_creates_exactly_one_application()
    {
        const string citizenId = "001197066778";
        var page = await server.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);
        await page.GotoAsync("/applications/new");
        await Assertions.Expect(page.GetByTestId("reception-form")).ToHaveAttributeAsync("data-interactive", "true");
        await page.Locator("#procedure-search").FillAsync("dang ky khai sinh");
        var best = page.GetByTestId("procedure-results").Locator(".mud-list-item").First;
        await Assertions.Expect(best).ToContainTextAsync("Đăng ký khai sinh");
        await best.ClickAsync();
        foreach (var (selector, value) in new[]
        {
            ("#applicant-name", "Phạm Thu Trang"), ("#applicant-cccd", citizenId), ("#applicant-phone", "0913 222 444"),
            ("#applicant-address", "21 Yên Phụ, Tây Hồ, Hà Nội"),
        })
        {
            await page.FillAsync(selector, value);
            await page.Locator(selector).BlurAsync();
        }
        await page.GetByTestId("doc-row-0").Locator("input[type=checkbox]").CheckAsync();

        await WorkbenchServer.ConfirmReceptionAsync(page, doubleClick: true);
        await Assertions.Expect(page.GetByTestId("status-chip")).ToContainTextAsync("Đã tiếp nhận");
        var factory = server.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        var apps = await db.Applications.AsNoTracking().Where(a => a.Applicant.CitizenId == citizenId).Select(a => a.Id).ToListAsync(Ct);
        var only = Assert.Single(apps);
        Assert.Equal(1, await db.WorkItems.CountAsync(w => w.ApplicationId == only, Ct));
    }
}
