using System.Reflection;
using SkiaSharp;

namespace HanoiWorkbench.Workbench.Pdf;

/// <summary>
/// DejaVu Sans shipped inside the assembly: servers rarely have a font with Vietnamese glyphs,
/// and a missing glyph would silently print a box instead of "ệ".
/// </summary>
internal static class PdfFonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));
    private static readonly Lazy<SKTypeface> ItalicFace = new(() => Load("DejaVuSans-Oblique.ttf"));

    public static SKTypeface Typeface(bool bold, bool italic) =>
        bold ? BoldFace.Value : italic ? ItalicFace.Value : RegularFace.Value;

    private static SKTypeface Load(string fileName)
    {
        var assembly = typeof(PdfFonts).Assembly;
        var resource = assembly.GetManifestResourceNames()
            .SingleOrDefault(name => name.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Embedded font {fileName} is missing from {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        using var data = SKData.CreateCopy(buffer.ToArray());
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"Embedded font {fileName} could not be read.");
    }
}
