using System.Globalization;
using HanoiWorkbench.Core.Reports;
using MiniExcelLibs;

namespace HanoiWorkbench.Workbench.Pdf;

/// <summary>
/// The productivity report as PDF and Excel, with the same columns as the page: one table per branch, one per
/// official, and the wait distribution. Times in minutes (idle in hours), one decimal, Vietnamese number format.
/// </summary>
public static class ProductivityDocuments
{
    public const string Title = "BÁO CÁO NĂNG SUẤT";
    public const string NoData = "Không có dữ liệu trong kỳ báo cáo: chưa có vé được gọi, hồ sơ, phiếu hướng dẫn, từ chối hay đánh giá nào.";
    public const string BranchSheet = "Theo chi nhánh";
    public const string OfficialSheet = "Theo cán bộ";
    public const string WaitSheet = "Phân bố thời gian chờ";

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The figure columns after the name column(s), in the order every view shows them.</summary>
    public static readonly IReadOnlyList<string> FigureColumns =
    [
        "Vé đã phục vụ", "Vắng mặt", "Chờ TB (phút)", "Chờ P90 (phút)", "Phục vụ TB (phút)", "Thời gian rảnh (giờ)",
        "HS tiếp nhận", "Hướng dẫn (Mẫu 02)", "Từ chối (Mẫu 03)", "HS hoàn thành", "Đúng hạn", "Trễ hạn", "Rất hài lòng", "Hài lòng", "Không hài lòng",
    ];

    /// <summary>The figures as numbers (null where nothing was measured), in <see cref="FigureColumns"/> order.</summary>
    public static IReadOnlyList<double?> Values(ProductivityFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return
        [
            f.Served, f.NoShows, Minutes(f.MeanWait), Minutes(f.Wait90), Minutes(f.MeanService), Math.Round(f.Idle.TotalHours, 1),
            f.Received, f.Guided, f.RefusedAtReception, f.Completed, f.OnTime, f.Late, f.Ratings.VerySatisfied, f.Ratings.Satisfied, f.Ratings.Dissatisfied,
        ];
    }

    /// <summary>A figure as printed: "1.234", "12,5", or "—" when nothing was measured.</summary>
    public static string Text(double? value) => value is { } v ? v.ToString(v % 1 == 0 ? "#,##0" : "#,##0.0", Vi) : "—";

    public static string FileName(ProductivityReport report, string extension)
    {
        ArgumentNullException.ThrowIfNull(report);
        var scope = report.BranchId is { } id ? string.Create(CultureInfo.InvariantCulture, $"chi-nhanh-{id}-") : "";
        return $"bao-cao-nang-suat-{scope}{report.Period.FileStem()}.{extension}";
    }

    public static byte[] Pdf(ProductivityReport report, DateOnly issuedOn, ExportStamp? export = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var document = new PdfDocumentBuilder(PdfOrientation.Landscape, new PdfMargins(36f, 32f, 30f, 28f), "Báo cáo năng suất") { Footnote = export?.Text };
        document.NationalHeader(report.ScopeName, issuedOn);
        document.Title(Title, $"Kỳ báo cáo: {report.Period.Label()} · Phạm vi: {report.ScopeName}");
        if (report.IsEmpty)
        {
            document.Paragraph(NoData, PdfTextStyle.Body.Centered());
            return document.Build();
        }
        document.Paragraph("Tổng hợp", PdfTextStyle.Body.Emphasised(), 2f);
        document.Table(FigureTable(["Phạm vi"], [([report.ScopeName], report.Total)]));
        if (report.BranchId is null)
        {
            document.Paragraph("Theo chi nhánh", PdfTextStyle.Body.Emphasised(), 2f);
            document.Table(FigureTable(["Chi nhánh"], report.Branches.Select(b => ((IReadOnlyList<string>)[b.Name], b.Figures)).ToList()));
        }
        document.Paragraph("Theo cán bộ", PdfTextStyle.Body.Emphasised(), 2f);
        document.Table(FigureTable(["Cán bộ", "Chi nhánh"], report.Officials.Select(o => ((IReadOnlyList<string>)[o.Name, o.BranchName ?? ""], o.Figures)).ToList()));
        document.Paragraph("Phân bố thời gian chờ (vé đã gọi)", PdfTextStyle.Body.Emphasised(), 2f);
        document.Table(new PdfTable([new PdfTableColumn("Thời gian chờ", 2f), new PdfTableColumn("Số vé", 1f, PdfAlign.Right)],
            report.WaitDistribution.Select(b => (IReadOnlyList<string>)[b.Label, Text(b.Tickets)]).ToList()) { FontSize = 9f });
        return document.Build();
    }

    public static byte[] Excel(ProductivityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [BranchSheet] = Rows(report.Branches, withBranch: false, "Chi nhánh"),
            [OfficialSheet] = Rows(report.Officials, withBranch: true, "Cán bộ"),
            [WaitSheet] = report.WaitDistribution
                .Select(b => new Dictionary<string, object?>(StringComparer.Ordinal) { ["Thời gian chờ"] = b.Label, ["Số vé"] = b.Tickets })
                .ToList(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> Rows(IReadOnlyList<ProductivityLine> lines, bool withBranch, string nameHeader) =>
        lines.Select(line =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal) { [nameHeader] = line.Name };
            if (withBranch) row["Chi nhánh"] = line.BranchName;
            var values = Values(line.Figures);
            for (var i = 0; i < FigureColumns.Count; i++) row[FigureColumns[i]] = values[i];
            return row;
        }).ToList();

    private static PdfTable FigureTable(IReadOnlyList<string> nameHeaders, IReadOnlyList<(IReadOnlyList<string> Names, ProductivityFigures Figures)> rows) =>
        new(nameHeaders.Select(h => new PdfTableColumn(h, 7f)).Concat(FigureColumns.Select(c => new PdfTableColumn(c, 4.2f, PdfAlign.Right))).ToList(),
            rows.Select(r => (IReadOnlyList<string>)r.Names.Concat(Values(r.Figures).Select(Text)).ToList()).ToList())
        {
            FontSize = 7f,
            Padding = 1.5f,
        };

    private static double? Minutes(TimeSpan? span) => span is { } s ? Math.Round(s.TotalMinutes, 1) : null;
}
