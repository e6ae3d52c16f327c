using System.Text;
using UglyToad.PdfPig;

namespace HanoiWorkbench.Workbench.Tests.Pdf;

/// <summary>Reads a PDF back the way a reader would: words joined by single spaces, in NFC.</summary>
internal static class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(page => Normalise(string.Join(' ', page.GetWords().Select(w => w.Text)))).ToList();
    }

    public static string All(byte[] pdf) => string.Join(' ', Pages(pdf));

    public static string Normalise(string text) =>
        string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
