namespace HanoiWorkbench.Workbench.Pdf;

public enum PdfAlign { Left, Center, Right }

public enum PdfOrientation { Portrait, Landscape }

/// <summary>Margins in PDF points (1/72 inch).</summary>
public sealed record PdfMargins(float Left, float Top, float Right, float Bottom)
{
    /// <summary>Decree 30/2020/ND-CP margins: left 30 mm, right 15 mm, top and bottom 20 mm.</summary>
    public static PdfMargins Administrative { get; } = new(85f, 57f, 43f, 57f);
}

public sealed record PdfTextStyle(
    float Size = 11f,
    bool Bold = false,
    bool Italic = false,
    PdfAlign Align = PdfAlign.Left,
    bool Underline = false)
{
    public static PdfTextStyle Body { get; } = new();

    public PdfTextStyle Centered() => this with { Align = PdfAlign.Center };

    public PdfTextStyle Emphasised() => this with { Bold = true };
}

/// <summary>Something that can sit in a column of <see cref="PdfDocumentBuilder.Columns"/>.</summary>
public abstract record PdfBlock;

public sealed record PdfTextBlock(string Text, PdfTextStyle Style, float SpaceAfter = 2f) : PdfBlock;

/// <summary>A PNG drawn at the given size in points.</summary>
public sealed record PdfImageBlock(byte[] Png, float Width, float Height, PdfAlign Align = PdfAlign.Left) : PdfBlock;

/// <summary>A short horizontal rule, centred, as wide as the given fraction of its column.</summary>
public sealed record PdfRuleBlock(float WidthFraction, float SpaceAfter = 4f) : PdfBlock;

public sealed record PdfSpaceBlock(float Height) : PdfBlock;

/// <summary>A column of blocks; <paramref name="Weight"/> shares the row width with its siblings.</summary>
public sealed record PdfColumn(float Weight, IReadOnlyList<PdfBlock> Blocks)
{
    public PdfColumn(float weight, params PdfBlock[] blocks) : this(weight, (IReadOnlyList<PdfBlock>)blocks) { }
}

public sealed record PdfTableColumn(string Header, float Weight, PdfAlign Align = PdfAlign.Left);

/// <summary>A bordered table; rows are cell texts in column order and wrap inside their cells.</summary>
public sealed record PdfTable(IReadOnlyList<PdfTableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public float FontSize { get; init; } = 10f;

    public float Padding { get; init; } = 3f;

    public float MinRowHeight { get; init; }

    /// <summary>Repeat the header row at the top of every page the table continues on.</summary>
    public bool RepeatHeader { get; init; } = true;
}

/// <summary>One bar of a chart: its label, its value (null: nothing measured, no bar) and the value as printed after it.</summary>
public sealed record PdfBar(string Label, double? Value, string Text);
