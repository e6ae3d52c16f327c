using System.Globalization;

namespace HanoiWorkbench.Workbench.Pdf;

/// <summary>How a Decision 766 score is written on the page, in the PDF and in Excel: one decimal, Vietnamese comma.</summary>
public static class ScorecardFormat
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Score(double score) => score.ToString("0.0", Vi);

    /// <summary>The score, or <paramref name="none"/> when the group has no data (never a zero pretending).</summary>
    public static string Score(double? score, string none) => score is { } s ? Score(s) : none;
}
