using HanoiWorkbench.Workbench.Pdf;
using UglyToad.PdfPig;

namespace HanoiWorkbench.Workbench.Tests.Pdf;

public sealed class LayoutKeepsContentInsideThePage
{
    private const string Sentence = "Trung tâm Phục vụ hành chính công Thành phố Hà Nội tiếp nhận hồ sơ không phụ thuộc địa giới hành chính.";

    [Fact]
    public void A_long_paragraph_wraps_inside_the_margins_without_losing_a_word()
    {
        using var builder = new PdfDocumentBuilder();
        var text = string.Join(' ', Enumerable.Repeat(Sentence, 6));
        builder.Paragraph(text);

        using var document = PdfDocument.Open(builder.Build());
        var page = document.GetPage(1);
        var words = page.GetWords().ToList();

        Assert.All(words, w => Assert.InRange(w.BoundingBox.Right, 0, page.Width - PdfMargins.Administrative.Right + 0.5));
        Assert.All(words, w => Assert.InRange(w.BoundingBox.Left, PdfMargins.Administrative.Left - 0.5, page.Width));
        Assert.Contains(PdfText.Normalise(text), PdfText.Normalise(string.Join(' ', words.Select(w => w.Text))));
    }

    [Fact]
    public void A_word_longer_than_the_line_is_split_rather_than_clipped()
    {
        using var font = new SkiaSharp.SKFont(SkiaSharp.SKTypeface.Default, 11f);

        var lines = PdfDocumentBuilder.Wrap(new string('x', 200), font, 100f);

        Assert.True(lines.Count > 1);
        Assert.All(lines, line => Assert.True(font.MeasureText(line) <= 100f));
        Assert.Equal(200, lines.Sum(l => l.Length));
    }

    [Fact]
    public void Hard_line_breaks_start_new_lines()
    {
        using var font = new SkiaSharp.SKFont(SkiaSharp.SKTypeface.Default, 11f);

        Assert.Equal(["một", "hai"], PdfDocumentBuilder.Wrap("một\nhai", font, 500f));
    }

    [Fact]
    public void A_table_that_outgrows_a_page_repeats_its_header_and_every_page_is_numbered()
    {
        using var builder = new PdfDocumentBuilder();
        var rows = Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string>)[$"{i}", $"Hồ sơ số {i}", "Đúng hạn"]).ToList();
        builder.Table(new PdfTable([new("STT", 10f), new("Nội dung", 60f), new("Tiến độ", 30f)], rows));

        var pages = PdfText.Pages(builder.Build());

        Assert.True(pages.Count >= 3);
        Assert.All(pages, (page, i) =>
        {
            Assert.StartsWith("STT Nội dung Tiến độ", page);
            Assert.EndsWith($"Trang {i + 1}/{pages.Count}", page);
        });
        Assert.Contains("120 Hồ sơ số 120 Đúng hạn", pages[^1]);
    }
}
