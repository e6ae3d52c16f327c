using System.Globalization;
using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Calendar;

public enum HolidayKind
{
    NewYear = 0,          // Tết Dương lịch
    LunarNewYear = 1,     // Tết Nguyên đán
    HungKings = 2,        // Giỗ Tổ Hùng Vương
    ReunificationDay = 3, // 30/4
    LabourDay = 4,        // 1/5
    NationalDay = 5,      // Quốc khánh 2/9 and its adjacent day
    MakeUp = 6,           // nghỉ bù
    Added = 7,            // a holiday an administrator added (HolidayDefinition)
}

/// <summary>
/// The keys that tie a yearly notice's days (<see cref="CalendarEntry.Covers"/>) to the holiday they replace: the
/// <see cref="HolidayKind"/> name for the Labour Code's holidays, <see cref="HolidayDefinition.Key"/> for added ones.
/// </summary>
public static class HolidayKeys
{
    public static string Of(HolidayKind kind) => kind.ToString();

    /// <summary>The Labour Code's holidays a notice can replace, with their Vietnamese names, for the admin form.</summary>
    public static IReadOnlyList<(string Key, string Name)> LabourCode { get; } =
    [
        (Of(HolidayKind.NewYear), "Tết Dương lịch"),
        (Of(HolidayKind.LunarNewYear), "Tết Nguyên đán"),
        (Of(HolidayKind.HungKings), "Giỗ Tổ Hùng Vương"),
        (Of(HolidayKind.ReunificationDay), "Ngày Chiến thắng (30/4)"),
        (Of(HolidayKind.LabourDay), "Ngày Quốc tế Lao động (1/5)"),
        (Of(HolidayKind.NationalDay), "Quốc khánh (2/9)"),
    ];
}

/// <summary>A public holiday (or a make-up day for one) with its Vietnamese name.</summary>
/// <param name="MakeUpFor">For a make-up day, the holiday that fell on a weekly rest day.</param>
public sealed record Holiday(DateOnly Date, string Name, HolidayKind Kind, DateOnly? MakeUpFor = null)
{
    public bool IsMakeUp => MakeUpFor is not null;

    /// <summary>
    /// The holidays this day belongs to (<see cref="HolidayKeys"/>): one, or two when two holidays share the date;
    /// for a make-up day, those of the day it makes up.
    /// </summary>
    public IReadOnlyList<string> Keys { get; init; } = Kind == HolidayKind.MakeUp ? [] : [HolidayKeys.Of(Kind)];
}

/// <summary>
/// The public holidays of Labour Code 2019 art. 112 for one year, with the make-up days of art. 111(3).
/// These are the <b>default</b> rules, with the holidays an administrator added (<see cref="HolidayDefinition"/>); the
/// yearly notice of the government (actual Tết span, swapped days, working Saturdays) is entered as
/// <see cref="Domain.CalendarEntry"/> days that replace the computed days of the holiday they name (see <see cref="WorkingCalendar"/>).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Tết: 5 days; by default the last day of the old lunar year and the first four days of the new one.
/// Each year's notice usually moves the span (e.g. 2 days before and 3 after) so that it covers working days.</item>
/// <item>National Day: 2 Sep plus one adjacent day. Default, following the notices since 2021: 3 Sep when 2 Sep is a
/// Monday or Thursday (the day that joins the weekend or the holiday into a longer block: 2021, 2024), otherwise 1 Sep
/// (2022, 2023, 2025).</item>
/// <item>Make-up (art. 111(3)): every holiday that falls on a Saturday or Sunday, Tết days included, is made up on the next
/// working day that is not itself a holiday or a make-up day, in date order (2023: Hùng Kings on Sat 29 Apr and
/// 30 Apr on Sunday are made up on Tue 2 and Wed 3 May).</item>
/// <item>When two holidays fall on the same date (Hùng Kings on 30 Apr or 1 May) the day is listed once with both
/// names and gives no extra day; the law is silent and the yearly notice settles such years.</item>
/// </list>
/// </remarks>
public static class PublicHolidays
{
    /// <summary>
    /// Holidays and make-up days of <paramref name="year"/> (1900–2100), in date order, with the holidays an administrator
    /// added (<paramref name="added"/>) treated as the Labour Code's are.
    /// </summary>
    public static IReadOnlyList<Holiday> For(int year, IEnumerable<HolidayDefinition>? added = null)
    {
        if (year is < VietnameseLunarCalendar.MinLunarYear or > VietnameseLunarCalendar.MaxLunarYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, "Supported years are 1900 to 2100.");

        var fixedDays = new List<Holiday> { new(new DateOnly(year, 1, 1), "Tết Dương lịch", HolidayKind.NewYear) };

        var tet = VietnameseLunarCalendar.NewYear(year);
        var lastDay = tet.AddDays(-1);
        var lastLunar = VietnameseLunarCalendar.FromSolar(lastDay).Day;
        fixedDays.Add(new(lastDay, $"Tết Nguyên đán ({lastLunar} tháng Chạp)", HolidayKind.LunarNewYear));
        for (var i = 0; i < 4; i++)
            fixedDays.Add(new(tet.AddDays(i), $"Tết Nguyên đán (mùng {i + 1})", HolidayKind.LunarNewYear));

        fixedDays.Add(new(VietnameseLunarCalendar.HungKingsDay(year), "Giỗ Tổ Hùng Vương (10/3 âm lịch)", HolidayKind.HungKings));
        fixedDays.Add(new(new DateOnly(year, 4, 30), "Ngày Chiến thắng (30/4)", HolidayKind.ReunificationDay));
        fixedDays.Add(new(new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động (1/5)", HolidayKind.LabourDay));
        var nationalDay = new DateOnly(year, 9, 2);
        fixedDays.Add(new(nationalDay, "Quốc khánh (2/9)", HolidayKind.NationalDay));
        fixedDays.Add(new(NationalDayAdjacent(year), "Quốc khánh (ngày liền kề)", HolidayKind.NationalDay));
        foreach (var definition in added ?? [])
            foreach (var date in definition.DatesIn(year))
                fixedDays.Add(new(date, $"{definition.Name} ({definition.DateLabel})", HolidayKind.Added) { Keys = [definition.Key] });

        var merged = fixedDays
            .GroupBy(h => h.Date)
            .Select(g => g.Count() == 1 ? g.First() : g.First() with
            {
                Name = string.Join(" và ", g.Select(h => h.Name)),
                Keys = g.SelectMany(h => h.Keys).Distinct(StringComparer.Ordinal).ToList(),
            })
            .OrderBy(h => h.Date)
            .ToList();

        var taken = merged.Select(h => h.Date).ToHashSet();
        var makeUps = new List<Holiday>();
        foreach (var holiday in merged.Where(h => IsWeeklyRestDay(h.Date)))
        {
            var day = holiday.Date.AddDays(1);
            while (IsWeeklyRestDay(day) || taken.Contains(day)) day = day.AddDays(1);
            taken.Add(day);
            makeUps.Add(new(day, $"Nghỉ bù {holiday.Name} ({holiday.Date.ToString("dd'/'MM", CultureInfo.InvariantCulture)})", HolidayKind.MakeUp, holiday.Date)
                { Keys = holiday.Keys });
        }

        return merged.Concat(makeUps).OrderBy(h => h.Date).ToList();
    }

    /// <summary>The default day that goes with 2 Sep (see the remarks of <see cref="PublicHolidays"/>).</summary>
    public static DateOnly NationalDayAdjacent(int year)
    {
        var nationalDay = new DateOnly(year, 9, 2);
        return nationalDay.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday ? nationalDay.AddDays(1) : nationalDay.AddDays(-1);
    }

    /// <summary>Saturday and Sunday, the weekly rest days of civil servants.</summary>
    public static bool IsWeeklyRestDay(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
