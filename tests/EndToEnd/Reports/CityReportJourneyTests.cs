using HanoiWorkbench.Core.Ratings;
using System.Globalization;
using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Reports;
using HanoiWorkbench.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace HanoiWorkbench.EndToEnd.Reports;

[Collection(WorkbenchCollection.Name)]
public sealed class CityReportJourneyTests(WorkbenchServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_director_reads_the_scorecard_requests_the_months_report_sees_its_progress_and_downloads_PDF_and_Excel()
    {
        var lastMonth = await SeedLastMonthAsync();
        var page = await server.SignInAsync(DemoAccounts.Director.Email, DemoAccounts.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Bộ chỉ số Quyết định 766" }).ClickAsync();
        await page.WaitForURLAsync("**/director/scorecard");
        await Assertions.Expect(page.GetByTestId("scorecard-page")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("scorecard-branch")).ToHaveCountAsync(30);
        await page.GetByTestId("scorecard-page").Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = lastMonth.Label() }).First.ClickAsync();
        // 3 of the 4 completed at Tây Hồ were on time: 15,0 of 20 for progress, shown with its inputs.
        await Assertions.Expect(page.Locator("[data-testid=scorecard-card][data-scope=city] [data-group=ProcessingProgress]"))
            .ToContainTextAsync("/ 20", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("scorecard-branch").Filter(new() { HasText = "Tây Hồ" })).ToContainTextAsync("15,0");
        await Assertions.Expect(page.Locator("[data-testid=scorecard-card][data-scope=city]")).ToContainTextAsync("Tiến độ giải quyết");
        await Assertions.Expect(page.Locator("[data-scope=city] [data-group=OnlinePayment]")).ToContainTextAsync("Chưa có dữ liệu");
        await page.GetByTestId("scorecard-branch").Filter(new() { HasText = "Tây Hồ" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=scorecard-card]:not([data-scope=city])")).ToBeVisibleAsync();
        await WorkbenchServer.ScreenshotAsync(page, "scorecard");

        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo tháng toàn thành phố" }).ClickAsync();
        await page.WaitForURLAsync("**/reports/city");
        await Assertions.Expect(page.GetByTestId("city-reports")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 20_000 });
        var before = await page.GetByTestId("city-report-row").CountAsync();
        await page.GetByTestId("city-reports").Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = lastMonth.Label() }).First.ClickAsync();
        // Every progress bar the page draws is recorded, however quickly the worker moves on.
        await page.EvaluateAsync("""
            () => {
              window.__steps = [];
              new MutationObserver(() => document.querySelectorAll('[data-testid=city-report-progress]')
                .forEach(p => window.__steps.push(Number(p.dataset.step)))).observe(document.body, { subtree: true, childList: true, attributes: true });
            }
            """);
        await page.GetByTestId("request-city-report").ClickAsync();

        var row = page.GetByTestId("city-report-row").First;
        await Assertions.Expect(page.GetByTestId("city-report-row")).ToHaveCountAsync(before + 1);
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Ready", new() { Timeout = 60_000 });
        var steps = await page.EvaluateAsync<int[]>("() => window.__steps");
        Assert.NotEmpty(steps);
        Assert.Equal(steps.Order(), steps);
        await Assertions.Expect(row).ToContainTextAsync("Đã lập xong");
        var contexts = server.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();
        await using (var read = await contexts.CreateDbContextAsync(Ct))
            await Assertions.Expect(row).ToContainTextAsync(await read.Staff.Where(s => s.Email == DemoAccounts.Director.Email).Select(s => s.FullName).SingleAsync(Ct));

        var pdf = await page.RunAndWaitForDownloadAsync(() => row.GetByTestId("city-report-pdf").ClickAsync());
        Assert.Matches(@"^bao-cao-thang-toan-thanh-pho-\d{4}-\d{2}\.pdf$", pdf.SuggestedFilename);
        var pdfPath = Path.Combine(WorkbenchServer.ArtefactFolder, "city-report.pdf");
        await pdf.SaveAsAsync(pdfPath);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdfPath))
        {
            var text = string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).Normalize();
            Assert.Contains("BÁO CÁO THÁNG TOÀN THÀNH PHỐ", text, StringComparison.Ordinal);
        }

        var excel = await page.RunAndWaitForDownloadAsync(() => row.GetByTestId("city-report-xlsx").ClickAsync());
        Assert.Matches(@"^bao-cao-thang-toan-thanh-pho-\d{4}-\d{2}\.xlsx$", excel.SuggestedFilename);
        var excelPath = Path.Combine(WorkbenchServer.ArtefactFolder, "city-report.xlsx");
        await excel.SaveAsAsync(excelPath);
        var rows = MiniExcel.Query(excelPath, useHeaderRow: true, sheetName: "Theo chi nhánh").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(31, rows.Count);
        Assert.Equal("Toàn thành phố", rows[^1]["Chi nhánh"]);
        var tayHo = rows.Single(r => ((string)r["Chi nhánh"]!).Contains("Tây Hồ", StringComparison.Ordinal));
        Assert.True(Convert.ToDouble(tayHo["HS hoàn thành"], CultureInfo.InvariantCulture) >= 4);

        // Leave the shared server as found: the report kept by this journey goes (its audit entries stay, as audits do).
        await using var db = await contexts.CreateDbContextAsync(Ct);
        var newest = await db.CityReports.OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync(Ct);
        await db.CityReports.Where(r => r.Id == newest).ExecuteDeleteAsync(Ct);
    }

    /// <summary>
    /// Last month at Tây Hồ (BR03) and Ba Đình (BR01), beside whatever other journeys left there: at Tây Hồ four counter
    /// applications completed, one of them late, and two online ones received; ratings at both. Last month, so no "today" or
    /// "this month" figure another journey reads moves.
    /// </summary>
    private async Task<ReportPeriod> SeedLastMonthAsync()
    {
        var month = ReportPeriod.Preset(PeriodPreset.LastMonth, HanoiTime.Today(TimeProvider.System));
        var contexts = server.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(Ct);
        var procedure = await db.Procedures.Where(p => p.IsActive).OrderBy(p => p.Id).FirstAsync(Ct);
        var n = 0;
        foreach (var (code, late) in new[] { ("BR03", 1), ("BR01", 0) })
        {
            var branch = await db.Branches.SingleAsync(b => b.Code == code, Ct);
            var clerk = await db.Staff.Where(s => s.HomeBranchId == branch.Id && s.Role == StaffRole.Clerk).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Ct);
            var at = HanoiTime.StartOf(month.From.AddDays(2)).AddHours(9);
            var apps = new List<Application>();
            Applicant Someone() => new($"Người dân báo cáo tháng {++n}", "001090012345", "0912345678", "Hà Nội");
            string Code() => string.Create(CultureInfo.InvariantCulture, $"{branch.AgencyId}-{at:yyMMdd}-{9700 + n}");
            for (var i = 0; i < 4; i++)
            {
                var app = Application.ReceiveAtCounter(Code(), Someone(), procedure, branch.HomeAreaId!.Value, branch.Id, clerk,
                    [new ReceivedDocument("Tờ khai", 1)], at.AddMinutes(i), at.AddDays(3));
                app.StartProcessing(clerk, branch.Id, at.AddHours(1));
                app.Complete(clerk, branch.Id, i < late ? at.AddDays(4) : at.AddDays(1));
                apps.Add(app);
            }
            for (var i = 0; i < (code == "BR03" ? 2 : 0); i++)
            {
                var app = Application.Submit(Code(), Someone(), procedure, branch.HomeAreaId!.Value, branch.Id, Channel.Online,
                    [new ReceivedDocument("Tờ khai", 1)], at.AddMinutes(-30));
                app.ReceiveSubmission(clerk, branch.Id, at.AddMinutes(10 + i), at.AddDays(5), [new ReceivedDocument("Tờ khai", 1)]);
                apps.Add(app);
            }
            db.Applications.AddRange(apps);
            await db.SaveChangesAsync(Ct);
            db.Ratings.AddRange(new Rating(RatingLevel.VerySatisfied, null, null, RatingChannel.QrCode, branch.Id, clerk, apps[0].Id, null, at.AddDays(1)),
                new Rating(code == "BR03" ? RatingLevel.Dissatisfied : RatingLevel.Satisfied, code == "BR03" ? DissatisfactionReason.LongWait : null, null, RatingChannel.QrCode, branch.Id, clerk, apps[1].Id, null, at.AddDays(1)));
            await db.SaveChangesAsync(Ct);
        }
        return month;
    }
}
