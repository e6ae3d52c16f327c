using System.Globalization;
using System.Text;

namespace HanoiWorkbench.Core.Text;

/// <summary>Vietnamese text folding, so "dang ky khai sinh" matches "Đăng ký khai sinh".</summary>
public static class VietnameseText
{
    /// <summary>Lower case, diacritics removed, đ → d, whitespace collapsed.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastSpace = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = ch switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(ch) };
            if (char.IsWhiteSpace(c))
            {
                if (!lastSpace) sb.Append(' ');
                lastSpace = true;
                continue;
            }
            lastSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
