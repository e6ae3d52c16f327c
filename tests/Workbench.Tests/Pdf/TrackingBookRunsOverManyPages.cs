using HanoiWorkbench.Workbench.Pdf;
using MiniExcelLibs;

namespace HanoiWorkbench.Workbench.Tests.Pdf;

public sealed class TrackingBookRunsOverManyPages
{
    private static readonly TrackingBookModel FiveHundred = SampleForms.TrackingBook(500);

    // Rendering 500 rows is the slow part; the assertions share one rendering.
    private static readonly Lazy<IReadOnlyList<string>> Pages = new(() => PdfText.Pages(Forms.TrackingBook(FiveHundred)));

    [Fact]
    public void Five_hundred_applications_fill_several_pages_numbered_out_of_the_total()
    {
        var pages = Pages.Value;

        Assert.True(pages.Count > 1, $"expected several pages, got {pages.Count}");
        Assert.Contains($"Trang 1/{pages.Count}", pages[0]);
        Assert.Contains($"Trang {pages.Count}/{pages.Count}", pages[^1]);
    }

    [Fact]
    public void The_first_page_has_the_header_title_and_period()
    {
        var first = Pages.Value[0];

        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", first);
        Assert.Contains("SỔ THEO DÕI HỒ SƠ", first);
        Assert.Contains("Từ ngày 01/11/2026 đến ngày 30/11/2026", first);
        Assert.Contains("000.A0.01.H26-261102-0001", first);
    }

    [Fact]
    public void The_header_row_is_repeated_on_the_next_page()
    {
        var second = Pages.Value[1];

        Assert.StartsWith("STT Mã hồ sơ Người nộp Thủ tục hành chính", second);
        Assert.Contains("Trạng thái Ghi chú", second);
    }

    [Fact]
    public void Every_application_appears_once_with_its_status()
    {
        var text = string.Join(' ', Pages.Value);

        foreach (var entry in FiveHundred.Entries)
        {
            Assert.Contains(entry.ApplicationCode, text);
        }
        Assert.Contains("Đã trả kết quả", text);
        Assert.Contains("Lê Thị Thu Hương", text);
    }

    [Fact]
    public void The_excel_copy_has_one_row_per_application_under_the_same_columns()
    {
        using var stream = new MemoryStream(TrackingBookExcel.Write(FiveHundred));

        var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .ToList();

        Assert.Equal(500, rows.Count);
        Assert.Equal(Forms.TrackingBookColumns, rows[0].Keys);
        Assert.Equal("000.A0.01.H26-261102-0001", rows[0]["Mã hồ sơ"]);
        Assert.Equal("Nguyễn Thị Hằng", rows[0]["Người nộp"]);
        Assert.Equal("Đăng ký khai sinh", rows[0]["Thủ tục hành chính"]);
        Assert.Equal("02/11/2026 08:00", rows[0]["Ngày tiếp nhận"]);
        Assert.Equal(500d, Convert.ToDouble(rows[^1]["STT"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_excel_sheet_is_named_for_the_tracking_book() =>
        Assert.Equal([TrackingBookExcel.SheetName], MiniExcel.GetSheetNames(new MemoryStream(TrackingBookExcel.Write(FiveHundred))));
}
