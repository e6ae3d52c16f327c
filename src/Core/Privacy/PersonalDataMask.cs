namespace HanoiWorkbench.Core.Privacy;

/// <summary>The personal data a screen shows masked until the officer working on the application asks to see it.</summary>
public enum PersonalField
{
    CitizenId = 0,
    Phone = 1,
}

/// <summary>
/// Masks a citizen ID or phone for screens and lists (Decree 13/2023/NĐ-CP: show personal data only to those who need it):
/// <c>001234567123</c> → <c>001******123</c>. At most three characters show at each end and at least four stay hidden, so a short
/// or mistyped value is never shown almost whole: 10 digits keep 3 + 3, 8 keep 2 + 2, 6 keep 1 + 1, 5 or fewer none.
/// </summary>
public static class PersonalDataMask
{
    public const char Hidden = '*';
    private const int MostShownEachEnd = 3, FewestHidden = 4;

    public static string Mask(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) return "";
        var shown = Math.Min(MostShownEachEnd, Math.Max(0, (text.Length - FewestHidden) / 2));
        return string.Concat(text.AsSpan(0, shown), new string(Hidden, text.Length - 2 * shown), text.AsSpan(text.Length - shown));
    }

    /// <summary>The Vietnamese label of a field, for the audit entry of a reveal.</summary>
    public static string Label(PersonalField field) => field switch
    {
        PersonalField.CitizenId => "Số định danh cá nhân",
        PersonalField.Phone => "Số điện thoại",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
