using System.Text.RegularExpressions;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Core.Text;

namespace HanoiWorkbench.Data.Search;

/// <summary>What the one search box was given.</summary>
public enum SearchKind
{
    None = 0,
    Code = 1,
    CitizenId = 2,
    Phone = 3,
    Name = 4,
}

/// <summary>The search box's text, recognised and normalised to the form stored in the database.</summary>
public sealed partial record SearchTerm(SearchKind Kind, string Value)
{
    public static readonly SearchTerm None = new(SearchKind.None, "");

    /// <summary>
    /// A code has a dash or a dot next to digits and no spaces; 12 digits are a citizen ID; a valid Vietnamese phone
    /// (spaces, dots, +84 allowed) is a phone; anything else with letters is a name, folded like Applicant.SearchName.
    /// </summary>
    public static SearchTerm Parse(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return None;
        var compact = t.Replace(" ", "", StringComparison.Ordinal);
        if (compact.Length == 12 && compact.All(char.IsAsciiDigit)) return new(SearchKind.CitizenId, compact);
        if (PhoneRules.Validate(t) is { IsValid: true } phone) return new(SearchKind.Phone, phone.Normalized!);
        if (!t.Contains(' ', StringComparison.Ordinal) && CodeShape().IsMatch(t)) return new(SearchKind.Code, t.ToUpperInvariant());
        if (compact.All(char.IsAsciiDigit)) return new(SearchKind.CitizenId, compact);
        var folded = VietnameseText.Fold(t);
        return folded.Length == 0 ? None : new(SearchKind.Name, folded);
    }

    [GeneratedRegex(@"^[0-9A-Za-z.]*[.-][0-9A-Za-z.-]*\d[0-9A-Za-z.-]*$")]
    private static partial Regex CodeShape();
}
