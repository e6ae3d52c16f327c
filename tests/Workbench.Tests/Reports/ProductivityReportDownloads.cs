using System.Globalization;
using System.Net;
using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Reports;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Hosting;
using HanoiWorkbench.Workbench.Pdf;
using HanoiWorkbench.Workbench.Tests.Pdf;
using HanoiWorkbench.Workbench.Tests.Search;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using HanoiWorkbench.Workbench.Endpoints;

namespace HanoiWorkbench.Workbench.Tests.Reports;

/// <summary>The report's downloads on the real host with a generated year: names, headers, content, and the scope refused server-side.</summary>
public sealed class ProductivityReportDownloads(SearchHost host) : IClassFixture<SearchHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static ReportPeriod Year => ReportPeriod.Preset(PeriodPreset.ThisYear, HanoiTime.Today(TimeProvider.System));

    private Task<(int Own, int Other)> BranchesAsync() => host.QueryAsync(async db =>
    {
        var own = await db.Branches.Where(b => b.Code == DemoAccounts.BranchManager.BranchCode).Select(b => b.Id).FirstAsync(Ct);
        var other = await db.Branches.Where(b => b.Id != own).Select(b => b.Id).FirstAsync(Ct);
        return (own, other);
    });

    [Fact]
    public async Task The_manager_downloads_the_own_branch_report_as_PDF_with_its_Vietnamese_name_and_no_caching()
    {
        var (own, _) = await BranchesAsync();
        var manager = await host.Factory.SignInAsync(DemoAccounts.BranchManager.Email, DemoAccounts.Password);

        var response = await manager.GetAsync($"/reports/productivity.pdf?{ReportEndpoints.Query(own, Year)}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"bao-cao-nang-suat-chi-nhanh-{own.ToString(CultureInfo.InvariantCulture)}-{Year.FileStem()}.pdf",
            response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl?.NoStore);
        var text = PdfText.All(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("BÁO CÁO NĂNG SUẤT", text, StringComparison.Ordinal);
        Assert.Contains("Tây Hồ", text, StringComparison.Ordinal);
        Assert.Contains("Theo cán bộ", text, StringComparison.Ordinal);
        Assert.Contains("Đúng hạn Trễ hạn", text, StringComparison.Ordinal);
        Assert.Contains($"Kỳ báo cáo: {Year.Label()}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_director_downloads_the_city_as_Excel_with_a_sheet_per_table()
    {
        var director = await host.Factory.SignInAsync(DemoAccounts.Director.Email, DemoAccounts.Password);

        var response = await director.GetAsync($"/reports/productivity.xlsx?{ReportEndpoints.Query(null, Year)}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"bao-cao-nang-suat-{Year.FileStem()}.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal([ProductivityDocuments.BranchSheet, ProductivityDocuments.OfficialSheet, ProductivityDocuments.WaitSheet], stream.GetSheetNames());
        var branches = stream.Query(useHeaderRow: true, sheetName: ProductivityDocuments.BranchSheet, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().ToList();
        Assert.True(branches.Count > 1);
        Assert.Contains(branches, r => ((string)r["Chi nhánh"]!).Contains("Tây Hồ", StringComparison.Ordinal));
        Assert.True(branches.Sum(r => Convert.ToDouble(r["HS tiếp nhận"], CultureInfo.InvariantCulture)) > 0);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("xlsx")]
    public async Task A_manager_is_refused_another_branch_and_the_city_on_the_server(string kind)
    {
        var (_, other) = await BranchesAsync();
        var manager = await host.Factory.SignInAsync(DemoAccounts.BranchManager.Email, DemoAccounts.Password);
        var clerk = await host.Factory.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);

        var theirs = await manager.GetAsync($"/reports/productivity.{kind}?{ReportEndpoints.Query(other, Year)}", Ct);
        var city = await manager.GetAsync($"/reports/productivity.{kind}?{ReportEndpoints.Query(null, Year)}", Ct);
        var asClerk = await clerk.GetAsync($"/reports/productivity.{kind}?{ReportEndpoints.Query(null, Year)}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        Assert.Equal(ReportScope.Refused, await theirs.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, city.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, asClerk.StatusCode);
    }

    [Fact]
    public async Task A_bad_period_is_a_Vietnamese_bad_request()
    {
        var director = await host.Factory.SignInAsync(DemoAccounts.Director.Email, DemoAccounts.Password);

        var response = await director.GetAsync("/reports/productivity.pdf?branch=city&from=2026-02-01&to=2026-01-01", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
