using System.Globalization;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd;

[Collection(WorkbenchCollection.Name)]
public sealed class StatusLookupTests(WorkbenchServer server)
{
    private static readonly TimeSpan Hanoi = TimeSpan.FromHours(7);

    /// <summary>An application received at a counter, written through the domain like reception does.</summary>
    internal static async Task<Application> ReceiveOneAsync(WorkbenchServer server, string fullName = "Lê Thị Hồng Nhung", string phone = "0987654321")
    {
        var contexts = server.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var branch = await db.Branches.OrderBy(b => b.Code).FirstAsync(b => b.Code == DemoAccounts.Clerk.BranchCode);
        var staff = await db.Staff.FirstAsync(s => s.CurrentBranchId == branch.Id);
        var procedure = await db.Procedures.OrderBy(p => p.Id).FirstAsync();
        var area = await db.Areas.OrderBy(a => a.Id).FirstAsync(a => a.IsActive);
        var now = DateTimeOffset.UtcNow.ToOffset(Hanoi);
        var code = string.Create(CultureInfo.InvariantCulture, $"{branch.AgencyId}-{now:yyMMdd}-{Random.Shared.Next(9000, 9999)}");
        var app = Application.ReceiveAtCounter(code, new Applicant(fullName, "001190012345", phone, "Số 1 Lạc Long Quân, Tây Hồ, Hà Nội"),
            procedure, area.Id, branch.Id, staff.Id, [new ReceivedDocument("Tờ khai", 1)], now, now.AddDays(5).Date.AddHours(16) is var due ? new DateTimeOffset(due, Hanoi) : now);
        db.Applications.Add(app);
        await db.SaveChangesAsync();
        return app;
    }

    [Fact]
    public async Task A_citizen_opens_the_QR_link_types_the_phone_digits_and_sees_status_and_due_date()
    {
        var app = await ReceiveOneAsync(server);
        var page = await server.NewPageAsync();

        await page.GotoAsync($"/tra-cuu?ma={Uri.EscapeDataString(app.Code)}");
        await Assertions.Expect(page.GetByTestId("lookup-code")).ToHaveValueAsync(app.Code);
        await page.GetByTestId("lookup-phone").FillAsync("4321");
        await page.GetByTestId("lookup-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("lookup-status")).ToHaveTextAsync("Đã tiếp nhận");
        await Assertions.Expect(page.GetByTestId("lookup-due")).ToHaveTextAsync(app.DueAt!.Value.ToOffset(Hanoi).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Lê Thị Hồng Nhung");
        await WorkbenchServer.ScreenshotAsync(page, "status-lookup");

        var phone = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true });
        var small = await phone.NewPageAsync();
        await small.GotoAsync($"/tra-cuu?ma={Uri.EscapeDataString(app.Code)}");
        await small.GetByTestId("lookup-phone").FillAsync("0000");
        await small.GetByTestId("lookup-submit").ClickAsync();
        await Assertions.Expect(small.GetByTestId("lookup-message")).ToContainTextAsync("Không tìm thấy hồ sơ");
        await WorkbenchServer.ScreenshotAsync(small, "status-lookup-phone-wrong-digits");
    }
}

/// <summary>The search, book and calendar pages at 1366×768, kept as screenshots for review.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed class SearchPagesInChromium(WorkbenchServer server)
{
    [Fact]
    public async Task A_clerk_finds_an_application_by_name_without_diacritics_and_opens_the_book()
    {
        var app = await StatusLookupTests.ReceiveOneAsync(server, "Phạm Quốc Trường", "0912000111");
        var page = await server.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);
        await page.GotoAsync("/applications");
        // The table loads its first page once the circuit is live; typing before that would be lost with the prerendered box.
        await Assertions.Expect(page.GetByTestId("search-total")).ToContainTextAsync("hồ sơ");
        await page.Locator("input[data-testid=search-box], [data-testid=search-box] input").First.FillAsync("pham quoc truong");
        await Assertions.Expect(page.GetByTestId("search-total")).ToHaveTextAsync("1 hồ sơ");
        await Assertions.Expect(page.GetByTestId("search-results")).ToContainTextAsync(app.Code);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = app.Code })).ToHaveAttributeAsync("href", $"/applications/{app.Id}");
        await WorkbenchServer.ScreenshotAsync(page, "search-by-name");

        await page.GotoAsync("/applications/book");
        await Assertions.Expect(page.GetByTestId("book-table")).ToContainTextAsync(app.Code);
        await WorkbenchServer.ScreenshotAsync(page, "tracking-book");
    }

    [Fact]
    public async Task An_administrator_sees_the_calendar_of_the_year()
    {
        var page = await server.SignInAsync(DemoAccounts.Admin.Email, DemoAccounts.Password);
        await page.GotoAsync("/admin/calendar");
        await Assertions.Expect(page.GetByTestId("calendar-holidays")).ToContainTextAsync("Tết Nguyên đán");
        await WorkbenchServer.ScreenshotAsync(page, "admin-calendar");
    }
}
