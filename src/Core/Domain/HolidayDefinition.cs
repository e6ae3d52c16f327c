using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Text;

namespace HanoiWorkbench.Core.Domain;

/// <summary>Whether a holiday is fixed on the solar (Gregorian) or the Vietnamese lunar calendar.</summary>
public enum HolidayDateKind
{
    Solar = 0, // dương lịch
    Lunar = 1, // âm lịch
}

/// <summary>
/// A public holiday an administrator adds to those of the Labour Code (e.g. a "Ngày Văn hóa Việt Nam" once decided):
/// a day of a month, solar or lunar, every year from <see cref="FromYear"/> on. It is a holiday like the others: on a
/// weekly rest day it is made up on the next working day (art. 111), and a yearly notice may replace it (<see cref="Key"/>).
/// </summary>
public sealed class HolidayDefinition
{
    public const int NameMaxLength = 100;
    public const int KeyMaxLength = CalendarEntry.CoversMaxLength;

    private HolidayDefinition() { Name = ""; Key = ""; }

    public HolidayDefinition(string name, HolidayDateKind dateKind, int month, int day, int fromYear)
    {
        Name = Guard.Required(name, "Tên ngày lễ", NameMaxLength);
        Check(dateKind, month, day, fromYear);
        (DateKind, Month, Day, FromYear) = (dateKind, month, day, fromYear);
        var words = new string(VietnameseText.Fold(Name).Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var key = "le-" + string.Join('-', words);
        Key = key.Length > KeyMaxLength ? key[..KeyMaxLength] : key;
    }

    public int Id { get; private set; }

    /// <summary>Set once from the name; a yearly notice names the holiday it replaces by this key, so renaming keeps it.</summary>
    public string Key { get; private set; }

    public string Name { get; private set; }
    public HolidayDateKind DateKind { get; private set; }
    public int Month { get; private set; }
    public int Day { get; private set; }
    public int FromYear { get; private set; }

    public void Update(string name, HolidayDateKind dateKind, int month, int day, int fromYear)
    {
        var checkedName = Guard.Required(name, "Tên ngày lễ", NameMaxLength);
        Check(dateKind, month, day, fromYear);
        (Name, DateKind, Month, Day, FromYear) = (checkedName, dateKind, month, day, fromYear);
    }

    /// <summary>
    /// The solar dates of the holiday that fall in solar <paramref name="year"/> (none before <see cref="FromYear"/>).
    /// A lunar holiday of the 12th month may fall in January of the next solar year, so both lunar years are looked at;
    /// a lunar day 30 in a 29-day month is kept on the 29th, as "30 Tết" is.
    /// </summary>
    public IEnumerable<DateOnly> DatesIn(int year)
    {
        if (DateKind == HolidayDateKind.Solar)
        {
            if (year >= FromYear) yield return new DateOnly(year, Month, Day);
            yield break;
        }
        for (var lunarYear = year - 1; lunarYear <= year; lunarYear++)
        {
            if (lunarYear < FromYear || lunarYear < VietnameseLunarCalendar.MinLunarYear || lunarYear > VietnameseLunarCalendar.MaxLunarYear) continue;
            var date = VietnameseLunarCalendar.ToSolar(lunarYear, Month, Math.Min(Day, VietnameseLunarCalendar.DaysInMonth(lunarYear, Month)));
            if (date.Year == year) yield return date;
        }
    }

    /// <summary>"24/11 dương lịch" or "10/3 âm lịch": how the admin page and the day's name write the date.</summary>
    public string DateLabel => $"{Day}/{Month} {(DateKind == HolidayDateKind.Solar ? "dương lịch" : "âm lịch")}";

    /// <summary>Why the date fields cannot make a yearly holiday (Vietnamese), or null when they can.</summary>
    public static string? DateProblem(HolidayDateKind dateKind, int month, int day)
    {
        if (!Enum.IsDefined(dateKind)) return "Chọn dương lịch hoặc âm lịch.";
        if (month is < 1 or > 12) return "Tháng phải từ 1 đến 12.";
        if (dateKind == HolidayDateKind.Solar && month == 2 && day == 29) return "Ngày 29/2 không có hằng năm; chọn ngày khác.";
        var maxDay = dateKind == HolidayDateKind.Lunar ? 30 : DateTime.DaysInMonth(2001, month);
        return day < 1 || day > maxDay
            ? $"Ngày phải từ 1 đến {maxDay} với tháng {month} {(dateKind == HolidayDateKind.Lunar ? "âm lịch" : "dương lịch")}."
            : null;
    }

    /// <summary>Why the first year cannot be used (Vietnamese), or null.</summary>
    public static string? FromYearProblem(int fromYear) =>
        fromYear is < VietnameseLunarCalendar.MinLunarYear or > VietnameseLunarCalendar.MaxLunarYear
            ? $"Năm bắt đầu áp dụng phải từ {VietnameseLunarCalendar.MinLunarYear} đến {VietnameseLunarCalendar.MaxLunarYear}."
            : null;

    private static void Check(HolidayDateKind dateKind, int month, int day, int fromYear)
    {
        if ((DateProblem(dateKind, month, day) ?? FromYearProblem(fromYear)) is { } problem) throw new DomainException(problem);
    }
}
