using SkiaSharp;

namespace HanoiWorkbench.Workbench.Pdf;

/// <summary>
/// A flowing A4 layout drawn with SkiaSharp's PDF backend. Content is laid out top to bottom and
/// breaks onto new pages by itself; drawing is recorded per page and replayed in <see cref="Build"/>
/// so the footer can say "Trang x/y" once the page count is known.
/// </summary>
public sealed class PdfDocumentBuilder : IDisposable
{
    private const float A4Short = 595.28f;
    private const float A4Long = 841.89f;
    private const float LineSpacing = 1.3f;
    private const float FooterHeight = 18f;
    private const float ColumnGutter = 8f;

    private readonly List<List<Action<SKCanvas>>> pages = [];
    private readonly Dictionary<(bool Bold, bool Italic, float Size), SKFont> fonts = [];
    private readonly List<IDisposable> owned = [];
    private readonly SKPaint ink = new() { Color = SKColors.Black, IsAntialias = true };
    private readonly SKPaint hairline = new() { Color = SKColors.Black, IsStroke = true, StrokeWidth = 0.6f, IsAntialias = true };
    private readonly SKPaint headerFill = new() { Color = new SKColor(0xE8, 0xE8, 0xE8), IsStroke = false };
    private readonly SKPaint barFill = new() { Color = new SKColor(0x1F, 0x5F, 0xA8), IsStroke = false, IsAntialias = true };
    private readonly PdfMargins margins;
    private readonly string title;
    private float y;

    public PdfDocumentBuilder(PdfOrientation orientation = PdfOrientation.Portrait, PdfMargins? margins = null, string title = "")
    {
        PageWidth = orientation == PdfOrientation.Portrait ? A4Short : A4Long;
        PageHeight = orientation == PdfOrientation.Portrait ? A4Long : A4Short;
        this.margins = margins ?? PdfMargins.Administrative;
        this.title = title;
        owned.Add(ink);
        owned.Add(hairline);
        owned.Add(headerFill);
        owned.Add(barFill);
        NewPage();
    }

    public float PageWidth { get; }

    public float PageHeight { get; }

    public float ContentWidth => PageWidth - margins.Left - margins.Right;

    public int PageCount => pages.Count;

    /// <summary>A line printed at the left of every page's footer (who exported the document and when); the page number moves right.</summary>
    public string? Footnote { get; set; }

    private float Bottom => PageHeight - margins.Bottom - FooterHeight;

    private List<Action<SKCanvas>> Page => pages[^1];

    public PdfDocumentBuilder PageBreak()
    {
        NewPage();
        return this;
    }

    public PdfDocumentBuilder Space(float height)
    {
        y += height;
        return this;
    }

    /// <summary>A wrapped paragraph; lines flow onto the next page when this one is full.</summary>
    public PdfDocumentBuilder Paragraph(string text, PdfTextStyle? style = null, float spaceAfter = 4f)
    {
        style ??= PdfTextStyle.Body;
        var font = Font(style);
        var lineHeight = style.Size * LineSpacing;
        foreach (var line in Wrap(text, font, ContentWidth))
        {
            EnsureSpace(lineHeight);
            DrawLine(line, font, style, margins.Left, y, ContentWidth);
            y += lineHeight;
        }
        y += spaceAfter;
        return this;
    }

    /// <summary>A label and its value on one row; the value wraps beside the label.</summary>
    public PdfDocumentBuilder KeyValue(string key, string value, float keyWidth = 150f, PdfTextStyle? valueStyle = null)
    {
        var keyColumn = new PdfColumn(keyWidth, new PdfTextBlock(key, PdfTextStyle.Body, 0f));
        var valueColumn = new PdfColumn(ContentWidth - keyWidth, new PdfTextBlock(value, valueStyle ?? PdfTextStyle.Body with { Bold = true }, 0f));
        return Columns(2f, keyColumn, valueColumn);
    }

    /// <summary>Side-by-side columns kept together on one page (header blocks, signature blocks).</summary>
    public PdfDocumentBuilder Columns(float spaceAfter, params PdfColumn[] columns)
    {
        var totalWeight = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => ContentWidth * c.Weight / totalWeight).ToArray();
        // Every column but the last gives up a gutter so neighbours never touch.
        var inner = widths.Select((w, i) => i < widths.Length - 1 ? w - ColumnGutter : w).ToArray();
        var height = columns.Select((c, i) => c.Blocks.Sum(b => Measure(b, inner[i]))).DefaultIfEmpty(0f).Max();
        EnsureSpace(height);
        var x = margins.Left;
        for (var i = 0; i < columns.Length; i++)
        {
            var top = y;
            foreach (var block in columns[i].Blocks)
            {
                top += Draw(block, x, top, inner[i]);
            }
            x += widths[i];
        }
        y += height + spaceAfter;
        return this;
    }

    public PdfDocumentBuilder Image(byte[] png, float width, float height, PdfAlign align = PdfAlign.Left)
    {
        EnsureSpace(height);
        y += Draw(new PdfImageBlock(png, width, height, align), margins.Left, y, ContentWidth);
        return this;
    }

    /// <summary>A bordered table whose rows break across pages, repeating the header row.</summary>
    public PdfDocumentBuilder Table(PdfTable table, float spaceAfter = 6f)
    {
        var totalWeight = table.Columns.Sum(c => c.Weight);
        var widths = table.Columns.Select(c => ContentWidth * c.Weight / totalWeight).ToArray();
        var headerStyle = new PdfTextStyle(table.FontSize, Bold: true, Align: PdfAlign.Center);
        var headerCells = table.Columns.Select(c => c.Header).ToArray();
        var headerHeight = RowHeight(table, headerCells, widths, headerStyle);
        var headerAligns = table.Columns.Select(_ => PdfAlign.Center).ToArray();
        var cellAligns = table.Columns.Select(c => c.Align).ToArray();

        EnsureSpace(headerHeight + (table.Rows.Count > 0 ? RowHeight(table, table.Rows[0], widths, Cell(table)) : 0f));
        DrawRow(table, headerCells, widths, headerAligns, headerStyle, headerHeight, filled: true);
        foreach (var row in table.Rows)
        {
            var height = RowHeight(table, row, widths, Cell(table));
            if (y + height > Bottom)
            {
                NewPage();
                if (table.RepeatHeader)
                {
                    DrawRow(table, headerCells, widths, headerAligns, headerStyle, headerHeight, filled: true);
                }
            }
            DrawRow(table, row, widths, cellAligns, Cell(table), height, filled: false);
        }
        y += spaceAfter;
        return this;
    }

    /// <summary>
    /// A horizontal bar chart drawn as vectors: one row per bar (label, bar scaled to <paramref name="max"/>, the printed
    /// value), rows flowing onto the next page like a table's. A bar without a value draws nothing and prints its text.
    /// </summary>
    public PdfDocumentBuilder BarChart(IReadOnlyList<PdfBar> bars, double max, float fontSize = 8f, float spaceAfter = 6f)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var style = new PdfTextStyle(fontSize);
        var font = Font(style);
        var rowHeight = fontSize * LineSpacing + 3f;
        var labelWidth = ContentWidth * 0.3f;
        var valueWidth = ContentWidth * 0.12f;
        var barWidth = ContentWidth - labelWidth - valueWidth - 2f * ColumnGutter;
        var axis = margins.Left + labelWidth + ColumnGutter;
        foreach (var bar in bars)
        {
            EnsureSpace(rowHeight);
            var top = y;
            DrawLine(bar.Label, font, style with { Align = PdfAlign.Right }, margins.Left, top + 1.5f, labelWidth);
            if (bar.Value is { } value && value > 0)
            {
                var length = (float)(Math.Min(value / max, 1d) * barWidth);
                var rect = SKRect.Create(axis, top + 2f, length, rowHeight - 4f);
                Page.Add(canvas => canvas.DrawRect(rect, barFill));
            }
            Page.Add(canvas => canvas.DrawLine(axis, top, axis, top + rowHeight, hairline));
            DrawLine(bar.Text, font, style, axis + barWidth + ColumnGutter, top + 1.5f, valueWidth);
            y += rowHeight;
        }
        y += spaceAfter;
        return this;
    }

    /// <summary>Lays out the recorded pages into a PDF, each with "Trang x/y" at the foot.</summary>
    public byte[] Build()
    {
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title,
            Creator = "HanoiWorkbench",
            Producer = "HanoiWorkbench (SkiaSharp)",
            RasterDpi = 300f,
            EncodingQuality = 101,
        };
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var footerStyle = new PdfTextStyle(9f, Align: PdfAlign.Center);
            var footerFont = Font(footerStyle);
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = document.BeginPage(PageWidth, PageHeight);
                foreach (var draw in pages[i])
                {
                    draw(canvas);
                }
                var footerTop = PageHeight - margins.Bottom - footerStyle.Size;
                var baseline = footerTop + Ascent(footerFont);
                if (string.IsNullOrEmpty(Footnote))
                {
                    canvas.DrawText($"Trang {i + 1}/{pages.Count}", margins.Left + ContentWidth / 2f, baseline, SKTextAlign.Center, footerFont, ink);
                }
                else
                {
                    canvas.DrawText(Footnote, margins.Left, baseline, SKTextAlign.Left, footerFont, ink);
                    canvas.DrawText($"Trang {i + 1}/{pages.Count}", margins.Left + ContentWidth, baseline, SKTextAlign.Right, footerFont, ink);
                }
                document.EndPage();
            }
            document.Close();
        }
        return stream.ToArray();
    }

    public void Dispose()
    {
        foreach (var font in fonts.Values)
        {
            font.Dispose();
        }
        foreach (var item in owned)
        {
            item.Dispose();
        }
        fonts.Clear();
        owned.Clear();
    }

    /// <summary>Greedy word wrap measured with the font; hard line breaks are kept, over-long words are split.</summary>
    internal static IReadOnlyList<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (font.MeasureText(candidate) <= width)
                {
                    current = candidate;
                    continue;
                }
                if (current.Length > 0)
                {
                    lines.Add(current);
                }
                current = word;
                while (font.MeasureText(current) > width && current.Length > 1)
                {
                    var fit = Math.Max(1, (int)font.BreakText(current, width));
                    lines.Add(current[..fit]);
                    current = current[fit..];
                }
            }
            lines.Add(current);
        }
        return lines;
    }

    private static PdfTextStyle Cell(PdfTable table) => new(table.FontSize);

    private static float Ascent(SKFont font)
    {
        font.GetFontMetrics(out var metrics);
        return -metrics.Ascent;
    }

    private void NewPage()
    {
        pages.Add([]);
        y = margins.Top;
    }

    private void EnsureSpace(float height)
    {
        if (y + height > Bottom && y > margins.Top)
        {
            NewPage();
        }
    }

    private SKFont Font(PdfTextStyle style)
    {
        var key = (style.Bold, style.Italic, style.Size);
        if (!fonts.TryGetValue(key, out var font))
        {
            font = new SKFont(PdfFonts.Typeface(style.Bold, style.Italic), style.Size)
            {
                LinearMetrics = true,
                Subpixel = true,
            };
            fonts[key] = font;
        }
        return font;
    }

    private float Measure(PdfBlock block, float width) => block switch
    {
        PdfTextBlock text => Wrap(text.Text, Font(text.Style), width).Count * text.Style.Size * LineSpacing + text.SpaceAfter,
        PdfImageBlock image => image.Height,
        PdfRuleBlock rule => rule.SpaceAfter,
        PdfSpaceBlock space => space.Height,
        _ => throw new ArgumentOutOfRangeException(nameof(block), block, "Unknown block."),
    };

    /// <summary>Records the block at (x, top) and returns the height it took.</summary>
    private float Draw(PdfBlock block, float x, float top, float width)
    {
        switch (block)
        {
            case PdfTextBlock text:
                var font = Font(text.Style);
                var lineTop = top;
                foreach (var line in Wrap(text.Text, font, width))
                {
                    DrawLine(line, font, text.Style, x, lineTop, width);
                    lineTop += text.Style.Size * LineSpacing;
                }
                return lineTop - top + text.SpaceAfter;
            case PdfImageBlock picture:
                var image = SKImage.FromEncodedData(picture.Png)
                    ?? throw new ArgumentException("The image is not a PNG or JPEG Skia can decode.", nameof(block));
                owned.Add(image);
                var left = picture.Align switch
                {
                    PdfAlign.Center => x + (width - picture.Width) / 2f,
                    PdfAlign.Right => x + width - picture.Width,
                    _ => x,
                };
                var destination = SKRect.Create(left, top, picture.Width, picture.Height);
                // Nearest-neighbour keeps QR modules crisp instead of blurred.
                Page.Add(canvas => canvas.DrawImage(image, destination, new SKSamplingOptions(SKFilterMode.Nearest), null));
                return picture.Height;
            case PdfRuleBlock rule:
                var ruleWidth = width * rule.WidthFraction;
                var start = x + (width - ruleWidth) / 2f;
                Page.Add(canvas => canvas.DrawLine(start, top, start + ruleWidth, top, hairline));
                return rule.SpaceAfter;
            case PdfSpaceBlock space:
                return space.Height;
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block, "Unknown block.");
        }
    }

    private void DrawLine(string line, SKFont font, PdfTextStyle style, float x, float top, float width)
    {
        if (line.Length == 0)
        {
            return;
        }
        var (anchor, align) = style.Align switch
        {
            PdfAlign.Center => (x + width / 2f, SKTextAlign.Center),
            PdfAlign.Right => (x + width, SKTextAlign.Right),
            _ => (x, SKTextAlign.Left),
        };
        var baseline = top + Ascent(font);
        Page.Add(canvas => canvas.DrawText(line, anchor, baseline, align, font, ink));
        if (style.Underline)
        {
            var textWidth = font.MeasureText(line);
            var start = align switch
            {
                SKTextAlign.Center => anchor - textWidth / 2f,
                SKTextAlign.Right => anchor - textWidth,
                _ => anchor,
            };
            var underlineY = baseline + style.Size * 0.18f;
            Page.Add(canvas => canvas.DrawLine(start, underlineY, start + textWidth, underlineY, hairline));
        }
    }

    private float RowHeight(PdfTable table, IReadOnlyList<string> cells, float[] widths, PdfTextStyle style)
    {
        var font = Font(style);
        var lines = cells.Select((cell, i) => Wrap(cell, font, widths[i] - 2f * table.Padding).Count).DefaultIfEmpty(1).Max();
        return Math.Max(table.MinRowHeight, lines * style.Size * LineSpacing + 2f * table.Padding);
    }

    private void DrawRow(PdfTable table, IReadOnlyList<string> cells, float[] widths, PdfAlign[] aligns, PdfTextStyle style, float height, bool filled)
    {
        var font = Font(style);
        var x = margins.Left;
        var top = y;
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = SKRect.Create(x, top, widths[i], height);
            if (filled)
            {
                Page.Add(canvas => canvas.DrawRect(cell, headerFill));
            }
            Page.Add(canvas => canvas.DrawRect(cell, hairline));
            var text = i < cells.Count ? cells[i] : "";
            var lineTop = top + table.Padding;
            var cellStyle = style with { Align = aligns[i] };
            foreach (var line in Wrap(text, font, widths[i] - 2f * table.Padding))
            {
                DrawLine(line, font, cellStyle, x + table.Padding, lineTop, widths[i] - 2f * table.Padding);
                lineTop += style.Size * LineSpacing;
            }
            x += widths[i];
        }
        y += height;
    }
}
