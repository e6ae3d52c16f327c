using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace HanoiWorkbench.EndToEnd.Reports;

[Collection(WorkbenchCollection.Name)]
public sealed class ProductivityReportJourneyTests(WorkbenchServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_manager_opens_this_months_report_sees_the_table_and_chart_and_downloads_PDF_and_Excel()
    {
        var official = await SeedServedTicketsAsync();
        var page = await server.SignInAsync(DemoAccounts.BranchManager.Email, DemoAccounts.Password);
        // The manager's home is the live board: follow the menu once it is interactive, as a person would after it loads.
        await Assertions.Expect(page.GetByTestId("branch-board")).ToHaveAttributeAsync("data-live", "on", new() { Timeout = 20_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo năng suất" }).ClickAsync();
        await page.WaitForURLAsync("**/reports/productivity");

        var officials = page.GetByTestId("report-officials");
        await Assertions.Expect(officials).ToContainTextAsync(official, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("report-total")).ToContainTextAsync("Tây Hồ");
        await Assertions.Expect(page.GetByTestId("chart-served").Locator("svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("chart-wait").Locator("svg")).ToBeVisibleAsync();
        await WorkbenchServer.ScreenshotAsync(page, "productivity-report");

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-pdf").ClickAsync());
        Assert.Matches(@"^bao-cao-nang-suat-chi-nhanh-\d+-\d{4}-\d{2}\.pdf$", pdf.SuggestedFilename);
        var pdfPath = Path.Combine(WorkbenchServer.ArtefactFolder, "productivity-report.pdf");
        await pdf.SaveAsAsync(pdfPath);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdfPath))
        {
            var text = string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).Normalize();
            Assert.Contains("BÁO CÁO NĂNG SUẤT", text, StringComparison.Ordinal);
            Assert.Contains(official, text, StringComparison.Ordinal);
        }

        var excel = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-xlsx").ClickAsync());
        Assert.Matches(@"^bao-cao-nang-suat-chi-nhanh-\d+-\d{4}-\d{2}\.xlsx$", excel.SuggestedFilename);
        var excelPath = Path.Combine(WorkbenchServer.ArtefactFolder, "productivity-report.xlsx");
        await excel.SaveAsAsync(excelPath);
        var rows = MiniExcel.Query(excelPath, useHeaderRow: true, sheetName: "Theo cán bộ").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => (string?)r["Cán bộ"] == official && Convert.ToDouble(r["Vé đã phục vụ"], System.Globalization.CultureInfo.InvariantCulture) >= 3);
    }

    /// <summary>
    /// Three tickets a Tây Hồ official served on the first day of this month (today when that is the first), in the
    /// afternoon after the queue tests' hours; returns the official's name.
    /// </summary>
    private async Task<string> SeedServedTicketsAsync()
    {
        var contexts = server.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(Ct);
        var branch = await db.Branches.Where(b => b.Code == DemoAccounts.BranchManager.BranchCode).Select(b => b.Id).SingleAsync(Ct);
        var clerk = await db.Staff.Where(s => s.HomeBranchId == branch && s.Role == StaffRole.Clerk && s.Email != DemoAccounts.Clerk.Email)
            .OrderBy(s => s.Id).FirstAsync(Ct);
        var counter = await db.Counters.Where(c => c.BranchId == branch).OrderByDescending(c => c.Number).Select(c => c.Id).FirstAsync(Ct);
        var group = await db.ServiceGroups.OrderBy(g => g.Id).FirstAsync(Ct);
        var today = HanoiTime.Today(TimeProvider.System);
        var day = new DateOnly(today.Year, today.Month, 1);
        for (var i = 0; i < 3; i++)
        {
            var issued = HanoiTime.StartOf(day).AddHours(16).AddMinutes(10 * i);
            var ticket = new Ticket(branch, group.Id, group.Letter, 9000 + i, day, PriorityCategory.None, issued);
            ticket.Call(counter, clerk.Id, issued.AddMinutes(4 + i));
            ticket.Start(issued.AddMinutes(5 + i));
            ticket.Finish(issued.AddMinutes(9 + i));
            db.Tickets.Add(ticket);
        }
        await db.SaveChangesAsync(Ct);
        return clerk.FullName;
    }
}
