namespace HanoiWorkbench.Core.Rules;

/// <summary>
/// Application codes: &lt;receiving agency id&gt;-&lt;YYMMDD&gt;-&lt;4-digit daily sequence&gt;. An agency that receives more
/// than 9,999 applications in a day (a portal campaign) gets five digits and more from the 10,000th on
/// (<c>…-260310-10000</c>): the code stays unique and sorted by number within its width, and a short sequence is
/// always padded to four digits, so <c>0001</c> and <c>10001</c> can never be the same code.
/// </summary>
public static class ApplicationCode
{
    public static string Format(string agencyId, DateOnly date, int dailySequence)
    {
        if (dailySequence < 1) throw new ArgumentOutOfRangeException(nameof(dailySequence), "Daily sequence starts at 1.");
        return $"{agencyId}-{date:yyMMdd}-{dailySequence:0000}";
    }

    public static bool TryParse(string? code, out string agencyId, out DateOnly date, out int sequence)
    {
        agencyId = ""; date = default; sequence = 0;
        if (string.IsNullOrWhiteSpace(code)) return false;
        var parts = code.Trim().Split('-');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length != 6 || parts[2].Length < 4) return false;
        if (parts[2].Length > 4 && parts[2][0] == '0') return false; // past four digits a code is never padded
        if (!DateOnly.TryParseExact(parts[1], "yyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date)) return false;
        if (!int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out sequence) || sequence < 1) return false;
        agencyId = parts[0];
        return true;
    }
}
