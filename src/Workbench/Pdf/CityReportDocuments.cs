using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Core.Reports;
using MiniExcelLibs;

namespace HanoiWorkbench.Workbench.Pdf;

/// <summary>
/// The monthly city report as PDF and Excel: one row per branch (received, completed, on time, late, mean wait,
/// satisfaction, Decision 766 score) and the city's, bar charts of the on-time rate and the score (drawn in the PDF), and
/// each group's score with its formula and inputs. Numbers as the productivity report writes them.
/// </summary>
public static class CityReportDocuments
{
    public const string Title = "BÁO CÁO THÁNG TOÀN THÀNH PHỐ";
    public const string BranchSheet = "Theo chi nhánh";
    public const string ScorecardSheet = "Bộ chỉ số 766";
    public const string WaitSheet = ProductivityDocuments.WaitSheet;
    private const string NoData = "Chưa có dữ liệu";

    public static readonly IReadOnlyList<string> Columns =
        ["HS tiếp nhận", "HS hoàn thành", "Đúng hạn", "Trễ hạn", "Tỷ lệ đúng hạn (%)", "Chờ TB (phút)", "Lượt đánh giá", "Hài lòng (%)", "Điểm 766", "Điểm tối đa"];

    /// <summary>A line's figures as numbers (null where nothing was measured), in <see cref="Columns"/> order.</summary>
    public static IReadOnlyList<double?> Values(CityMonthLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return
        [
            line.Received, line.Completed, line.OnTime, line.Late, Percent(line.OnTimeShare),
            line.MeanWait is { } w ? Math.Round(w.TotalMinutes, 1) : null, line.Ratings, Percent(line.SatisfiedShare), line.Score,
            line.Score is null ? null : line.OutOf,
        ];
    }

    /// <summary>The name a download is saved under, e.g. "bao-cao-thang-toan-thanh-pho-2026-11.pdf".</summary>
    public static string FileName(DateOnly month, string extension) => $"bao-cao-thang-toan-thanh-pho-{ReportPeriod.MonthOf(month).FileStem()}.{extension}";

    public static byte[] Pdf(CityMonthReport report, DateOnly issuedOn)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var document = new PdfDocumentBuilder(PdfOrientation.Landscape, new PdfMargins(36f, 32f, 30f, 28f), "Báo cáo tháng toàn thành phố");
        document.NationalHeader("Trung tâm Phục vụ hành chính công", issuedOn);
        document.Title(Title, $"Tháng {report.Period.Label()} · {report.Productivity.ScopeName}");
        if (report.IsEmpty)
        {
            document.Paragraph(ProductivityDocuments.NoData, PdfTextStyle.Body.Centered());
            return document.Build();
        }
        var lines = report.Branches;
        document.Paragraph("Số liệu theo chi nhánh", PdfTextStyle.Body.Emphasised(), 2f);
        document.Table(new PdfTable(
            [new PdfTableColumn("Chi nhánh", 9f), .. Columns.Select(c => new PdfTableColumn(c, 3.4f, PdfAlign.Right))],
            [.. lines.Append(report.City).Select(l => (IReadOnlyList<string>)[l.Name, .. Values(l).Select(ProductivityDocuments.Text)])])
        { FontSize = 7.5f, Padding = 2f });

        document.PageBreak();
        document.Paragraph("Tỷ lệ hồ sơ giải quyết đúng hạn (%)", PdfTextStyle.Body.Emphasised(), 2f);
        document.BarChart([.. lines.Append(report.City).Select(l => Bar(l.Name, Percent(l.OnTimeShare), "%"))], 100);
        document.Paragraph("Điểm Bộ chỉ số 766 (trên tổng điểm các nhóm có số liệu, %)", PdfTextStyle.Body.Emphasised(), 2f);
        document.BarChart([.. lines.Append(report.City).Select(l =>
            new PdfBar(l.Name, l.Score is { } s ? 100d * s / l.OutOf : null, l.Score is { } v ? $"{ScorecardFormat.Score(v)} / {l.OutOf}" : NoData))], 100);

        document.PageBreak();
        document.Paragraph("Bộ chỉ số Quyết định 766/QĐ-TTg: cách tính", PdfTextStyle.Body.Emphasised(), 2f);
        document.Table(new PdfTable(
            [new PdfTableColumn("Phạm vi", 6f), new PdfTableColumn("Nhóm tiêu chí", 5f), new PdfTableColumn("Điểm", 2.6f, PdfAlign.Right),
                new PdfTableColumn("Công thức", 9f), new PdfTableColumn("Số liệu", 2.4f, PdfAlign.Right)],
            [.. ScorecardRows(report).Select(r => (IReadOnlyList<string>)[r.Scope, r.Group, r.Score, r.Formula, r.Inputs])])
        { FontSize = 7.5f, Padding = 2f });
        return document.Build();
    }

    public static byte[] Excel(CityMonthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [BranchSheet] = report.Branches.Append(report.City).Select(line =>
            {
                var row = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Chi nhánh"] = line.Name };
                var values = Values(line);
                for (var i = 0; i < Columns.Count; i++) row[Columns[i]] = values[i];
                return row;
            }).ToList(),
            [ScorecardSheet] = ScorecardRows(report).Select(r => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["Phạm vi"] = r.Scope, ["Nhóm tiêu chí"] = r.Group, ["Điểm"] = r.Line.Score is { } s ? s : NoData, ["Điểm tối đa"] = r.Line.Points,
                ["Công thức"] = r.Formula, ["Số liệu"] = r.Inputs,
            }).ToList(),
            [WaitSheet] = report.Productivity.WaitDistribution
                .Select(b => new Dictionary<string, object?>(StringComparer.Ordinal) { ["Thời gian chờ"] = b.Label, ["Số vé"] = b.Tickets }).ToList(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private sealed record ScorecardRow(string Scope, string Group, string Score, string Formula, string Inputs, ScorecardLine Line);

    /// <summary>The city's groups first, then each branch's, with the groups that have no data saying so.</summary>
    private static IEnumerable<ScorecardRow> ScorecardRows(CityMonthReport report) =>
        report.Scorecards.Branches.Prepend(report.Scorecards.City).SelectMany(card => card.Lines.Select(l =>
            new ScorecardRow(card.Name, l.Name, $"{ScorecardFormat.Score(l.Score, NoData)} / {l.Points}", l.Formula, l.Inputs, l)));

    private static PdfBar Bar(string label, double? value, string unit) =>
        new(label, value, value is { } v ? ProductivityDocuments.Text(v) + " " + unit : NoData);

    private static double? Percent(double? share) => share is { } s ? Math.Round(100 * s, 1) : null;
}
