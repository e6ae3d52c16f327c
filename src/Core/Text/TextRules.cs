using System.Globalization;
using System.Text;

namespace HanoiWorkbench.Core.Text;

/// <summary>
/// What a name or a free text may contain, as pure functions the domain guards, the form checks and the intake API share.
/// Text is stored trimmed and in Unicode NFC, so "Nguyễn" typed on a keyboard that sends decomposed marks is the same
/// string (and the same search key, the same length) as one typed precomposed. A name (of a counter, procedure, person,
/// branch…) is one line shown on screens, slips and the lobby display: control characters, invisible zero-width and
/// bidirectional-override characters (which make a name look like another, or reverse what follows it) and markup
/// (<c>&lt;</c>, <c>&gt;</c>: a name is never HTML) are refused. A free text (a note, a reason) may have line breaks
/// and angle brackets (it is always shown escaped) but no other control or bidi characters.
/// </summary>
public static class TextRules
{
    /// <summary>Trimmed and NFC; null when nothing is left. Lone surrogates are left for <see cref="NameProblem"/> to refuse.</summary>
    public static string? Normalize(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        return SafeNfc(trimmed);
    }

    /// <summary>Why <paramref name="name"/> cannot be a name, in Vietnamese and starting with <paramref name="field"/>; null when it can.</summary>
    public static string? NameProblem(string name, string field)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var kind in Scan(name))
        {
            if (kind == CharKind.Plain) continue;
            return kind switch
            {
                CharKind.Markup => $"{field} không được chứa ký tự < hoặc > (thẻ HTML).",
                CharKind.LineBreak or CharKind.Control => $"{field} không được chứa xuống dòng hay ký tự điều khiển.",
                CharKind.Invisible => $"{field} không được chứa ký tự ẩn (ký tự độ rộng 0 hoặc đổi chiều văn bản).",
                _ => $"{field} chứa ký tự không hợp lệ.",
            };
        }
        return null;
    }

    /// <summary>Why <paramref name="text"/> cannot be a free text (a note, a reason), starting with <paramref name="field"/>; null when it can.</summary>
    public static string? TextProblem(string text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var kind in Scan(text))
        {
            if (kind is CharKind.Plain or CharKind.Markup or CharKind.LineBreak) continue;
            return kind switch
            {
                CharKind.Control => $"{field} không được chứa ký tự điều khiển.",
                CharKind.Invisible => $"{field} không được chứa ký tự ẩn (ký tự độ rộng 0 hoặc đổi chiều văn bản).",
                _ => $"{field} chứa ký tự không hợp lệ.",
            };
        }
        return null;
    }

    /// <summary>
    /// A whole check of a name as a form or the API does it: the normalised value, or the first problem (empty, too long,
    /// a refused character). Lengths are counted after normalisation, as the database stores it.
    /// </summary>
    public static (string? Value, string? Problem) CheckName(string? value, string field, int maxLength, bool required = true)
    {
        var n = Normalize(value);
        if (n is null) return (null, required ? $"{field} không được để trống." : null);
        if (n.Length > maxLength) return (null, $"{field} dài tối đa {maxLength} ký tự.");
        return NameProblem(n, field) is { } p ? (null, p) : (n, null);
    }

    /// <summary>As <see cref="CheckName"/>, for a free text.</summary>
    public static (string? Value, string? Problem) CheckText(string? value, string field, int maxLength, bool required = false)
    {
        var n = Normalize(value);
        if (n is null) return (null, required ? $"{field} không được để trống." : null);
        if (n.Length > maxLength) return (null, $"{field} dài tối đa {maxLength} ký tự.");
        return TextProblem(n, field) is { } p ? (null, p) : (n, null);
    }

    private enum CharKind { Plain, Markup, LineBreak, Control, Invisible, Broken }

    private static IEnumerable<CharKind> Scan(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                yield return Classify(CharUnicodeInfo.GetUnicodeCategory(s, i), c);
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) { yield return CharKind.Broken; continue; }
            yield return c switch
            {
                '<' or '>' => CharKind.Markup,
                '\n' or '\r' or '\t' => CharKind.LineBreak,
                _ => Classify(CharUnicodeInfo.GetUnicodeCategory(c), c),
            };
        }
    }

    private static CharKind Classify(UnicodeCategory category, char c) => category switch
    {
        UnicodeCategory.Control => CharKind.Control,
        // Zero-width space/joiners, the byte-order mark, left-to-right/right-to-left marks, embeddings, overrides and isolates
        // are all format characters: invisible, and able to reorder or disguise what is shown.
        UnicodeCategory.Format => CharKind.Invisible,
        UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => CharKind.Control,
        UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse => CharKind.Broken,
        _ when c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' => CharKind.Invisible, // Hangul fillers: letters that show nothing
        _ => CharKind.Plain,
    };

    // string.Normalize throws on a lone surrogate; such text is refused by the character check, so it is left as typed.
    private static string SafeNfc(string s)
    {
        try
        {
            return s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return s;
        }
    }
}
