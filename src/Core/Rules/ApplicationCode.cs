namespace HanoiWorkbench.Core.Rules;

/// <summary>Application codes: &lt;receiving agency id&gt;-&lt;YYMMDD&gt;-&lt;4-digit daily sequence&gt;.</summary>
public static class ApplicationCode
{
    public static string Format(string agencyId, DateOnly date, int dailySequence)
    {
        if (dailySequence is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(dailySequence), "Daily sequence must be 1..9999.");
        return $"{agencyId}-{date:yyMMdd}-{dailySequence:0000}";
    }

    public static bool TryParse(string? code, out string agencyId, out DateOnly date, out int sequence)
    {
        agencyId = ""; date = default; sequence = 0;
        if (string.IsNullOrWhiteSpace(code)) return false;
        var parts = code.Trim().Split('-');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length != 6 || parts[2].Length != 4) return false;
        if (!DateOnly.TryParseExact(parts[1], "yyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date)) return false;
        if (!int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out sequence) || sequence < 1) return false;
        agencyId = parts[0];
        return true;
    }
}
