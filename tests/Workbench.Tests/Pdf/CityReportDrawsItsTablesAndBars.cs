using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Core.Reports;
using HanoiWorkbench.Workbench.Pdf;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace HanoiWorkbench.Workbench.Tests.Pdf;

/// <summary>The monthly city report's files from a hand-made month: Ba Đình 3 of 4 on time, Hoàn Kiếm 1 of 2, Tây Hồ nothing.</summary>
public sealed class CityReportDrawsItsTablesAndBars
{
    private static readonly ReportPeriod November = ReportPeriod.MonthOf(new DateOnly(2026, 11, 1));

    private static CityMonthReport Month()
    {
        ProductivityFigures F(int received, int completed, int late, int very, int dissatisfied) =>
            new(0, 0, TimeSpan.FromMinutes(12.5), null, null, TimeSpan.Zero, received, completed, completed - late, late, new RatingTally(very, 0, dissatisfied));
        var (baDinh, hoanKiem) = (F(5, 4, 1, 3, 1), F(2, 2, 1, 0, 0));
        var total = F(7, 6, 2, 3, 1);
        var productivity = new ProductivityReport(November, null, "Toàn thành phố", total,
            [new ProductivityLine(1, "Chi nhánh Ba Đình", null, baDinh), new ProductivityLine(2, "Chi nhánh Hoàn Kiếm", null, hoanKiem)], [], []);
        var cards = Decision766.City(November, [(1, "Chi nhánh Ba Đình"), (2, "Chi nhánh Hoàn Kiếm"), (3, "Chi nhánh Tây Hồ")], "Toàn thành phố",
            [new CompletedCount(1, null, false, false, 3), new CompletedCount(1, null, true, true, 1),
                new CompletedCount(2, null, false, false, 1), new CompletedCount(2, null, false, true, 1)],
            [new ChannelCount(1, Channel.Online, 2), new ChannelCount(1, Channel.Counter, 3), new ChannelCount(2, Channel.Counter, 2)],
            [new RatingCount(1, null, RatingLevel.VerySatisfied, 3), new RatingCount(1, null, RatingLevel.Dissatisfied, 1)]);
        return new CityMonthReport(November, productivity, cards);
    }

    [Fact]
    public void The_PDF_has_the_branch_table_in_Vietnamese_a_bar_per_measured_branch_and_the_formulas()
    {
        var pdf = CityReportDocuments.Pdf(Month(), new DateOnly(2026, 12, 1));

        var pages = PdfText.Pages(pdf);
        Assert.Equal(3, pages.Count);
        Assert.Contains(CityReportDocuments.Title, pages[0], StringComparison.Ordinal);
        Assert.Contains("Tháng 11/2026", pages[0], StringComparison.Ordinal);
        Assert.Contains("Chi nhánh Hoàn Kiếm 2 2 1 1 50 12,5", pages[0], StringComparison.Ordinal);
        Assert.Contains("Chi nhánh Tây Hồ 0 0 0 0 — — 0 — — —", pages[0], StringComparison.Ordinal);
        Assert.Contains("Chi nhánh Ba Đình 75 %", pages[1], StringComparison.Ordinal);
        Assert.Contains("Chi nhánh Tây Hồ Chưa có dữ liệu", pages[1], StringComparison.Ordinal);
        Assert.Contains("điểm × hồ sơ giải quyết đúng hạn ÷ hồ sơ đã giải quyết", pages[2], StringComparison.Ordinal);

        // Page 2 is the charts: on-time bars for Ba Đình (75 %), Hoàn Kiếm (50 %) and the city (4 of 6), then score bars for
        // the two scored branches and the city; Tây Hồ has none. The bars are drawn, their lengths in proportion.
        using var document = PdfDocument.Open(pdf);
        var bars = document.GetPage(2).Paths.Where(p => p.IsFilled).Select(p => p.GetBoundingRectangle()!.Value.Width).ToList();
        Assert.Equal(6, bars.Count);
        Assert.Equal(0.75 / 0.5, bars[0] / bars[1], 2);
    }

    [Fact]
    public void The_Excel_file_has_a_row_per_branch_and_the_city_and_a_scorecard_line_per_group()
    {
        using var stream = new MemoryStream(CityReportDocuments.Excel(Month()));

        var rows = stream.Query(useHeaderRow: true, sheetName: CityReportDocuments.BranchSheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Chi nhánh Ba Đình", "Chi nhánh Hoàn Kiếm", "Chi nhánh Tây Hồ", "Toàn thành phố"], rows.Select(r => (string)r["Chi nhánh"]!));
        Assert.Equal(75d, Convert.ToDouble(rows[0]["Tỷ lệ đúng hạn (%)"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(75d, Convert.ToDouble(rows[0]["Hài lòng (%)"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(rows[2]["Điểm 766"]);
        var score = stream.Query(useHeaderRow: true, sheetName: CityReportDocuments.ScorecardSheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(4 * 6, score.Count);
        Assert.All(score.Where(r => (string)r["Phạm vi"]! == "Chi nhánh Tây Hồ"), r => Assert.Equal("Chưa có dữ liệu", r["Điểm"]));
        Assert.Equal("3/4", score.Single(r => (string)r["Phạm vi"]! == "Chi nhánh Ba Đình" && (string)r["Nhóm tiêu chí"]! == "Tiến độ giải quyết")["Số liệu"]);
    }
}
