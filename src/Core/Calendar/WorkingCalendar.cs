using System.Collections.Concurrent;
using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Calendar;

/// <summary>
/// Which days civil servants work: Monday–Friday, minus the computed holidays of <see cref="PublicHolidays"/> (the
/// Labour Code's and those an administrator added), then the days of the government's yearly notices.
/// </summary>
/// <remarks>
/// Precedence: (1) a notice day for the date wins: <see cref="CalendarEntryKind.WorkingDay"/> makes any day a working
/// day (a working Saturday), <see cref="CalendarEntryKind.DayOff"/> makes any day a day off; (2) otherwise a computed
/// holiday or make-up day is off, unless a notice <b>replaces</b> it: a notice day that names a holiday
/// (<see cref="CalendarEntry.Covers"/>) replaces every computed day of that holiday's occurrence nearest to it, make-up
/// day included (domain.md §4: no computed make-up day survives beside the notice). A day shared by two holidays stays
/// off while one of them is not replaced. (3) otherwise Saturday and Sunday are off. When several entries name the same
/// date the last one wins. The calendar is immutable; build a new one when the entries change. Computed holidays exist
/// for 1900–2100; asking about a date outside those years throws <see cref="ArgumentOutOfRangeException"/>.
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarEntry> _overrides;
    private readonly IReadOnlyList<HolidayDefinition> _added;
    private readonly ConcurrentDictionary<int, IReadOnlyList<Holiday>> _computed = new();
    private readonly Lazy<HashSet<(string Key, int Year)>> _replaced;
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, Holiday>> _holidays = new();

    public WorkingCalendar(IEnumerable<CalendarEntry> overrides, IEnumerable<HolidayDefinition>? addedHolidays = null)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        _overrides = [];
        foreach (var entry in overrides) _overrides[entry.Date] = entry;
        _added = addedHolidays?.ToList() ?? [];
        _replaced = new(() => _overrides.Values.Where(e => e.Covers is not null)
            .Select(e => (e.Covers!, OccurrenceYear(e.Covers!, e.Date))).ToHashSet());
    }

    /// <summary>The calendar of the law alone, without yearly overrides.</summary>
    public static WorkingCalendar Default { get; } = new([]);

    public bool IsWorkingDay(DateOnly date) => DayOffReason(date) is null;

    /// <summary>Why the date is not a working day (override description, holiday name, "Thứ Bảy", "Chủ nhật"), or null when it is one.</summary>
    public string? DayOffReason(DateOnly date)
    {
        if (_overrides.TryGetValue(date, out var entry))
            return entry.Kind == CalendarEntryKind.DayOff ? entry.Description : null;
        if (HolidaysOf(date.Year).TryGetValue(date, out var holiday)) return holiday.Name;
        return date.DayOfWeek switch
        {
            DayOfWeek.Saturday => "Thứ Bảy",
            DayOfWeek.Sunday => "Chủ nhật",
            _ => null,
        };
    }

    /// <summary>The computed holiday or make-up day on the date that is still in force (not replaced by a notice).</summary>
    public Holiday? ComputedHoliday(DateOnly date) => HolidaysOf(date.Year).GetValueOrDefault(date);

    /// <summary>Every computed day of the year, and whether a notice replaced it: what the admin page lists.</summary>
    public IReadOnlyList<(Holiday Holiday, bool Replaced)> ComputedHolidays(int year) =>
        Computed(year).Select(h => (h, IsReplaced(h, year))).ToList();

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var day = date.AddDays(1);
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>The first working day strictly before <paramref name="date"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly date)
    {
        var day = date.AddDays(-1);
        while (!IsWorkingDay(day)) day = day.AddDays(-1);
        return day;
    }

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="start"/>, the start itself not counted
    /// (1 = the next working day). 0 gives the start when it is a working day, else the next one; a negative count goes back.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        if (days == 0) return IsWorkingDay(start) ? start : NextWorkingDay(start);
        var day = start;
        for (var i = 0; i < Math.Abs(days); i++) day = days > 0 ? NextWorkingDay(day) : PreviousWorkingDay(day);
        return day;
    }

    /// <summary>
    /// Working days in the half-open span (<paramref name="from"/>, <paramref name="to"/>]: the first day is not counted,
    /// the last is, so <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>. Negative when <paramref name="to"/> is earlier.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }

    /// <summary>The days off in a span (inclusive) with their reasons: what the admin screen and the printed calendar show.</summary>
    public IReadOnlyList<(DateOnly Date, string Reason)> DaysOff(DateOnly from, DateOnly to)
    {
        var result = new List<(DateOnly, string)>();
        for (var day = from; day <= to; day = day.AddDays(1))
            if (DayOffReason(day) is { } reason) result.Add((day, reason));
        return result;
    }

    private IReadOnlyList<Holiday> Computed(int year) => _computed.GetOrAdd(year, y => PublicHolidays.For(y, _added));

    private IReadOnlyDictionary<DateOnly, Holiday> HolidaysOf(int year) =>
        _holidays.GetOrAdd(year, y => Computed(y).Where(h => !IsReplaced(h, y)).ToDictionary(h => h.Date));

    private bool IsReplaced(Holiday holiday, int year) =>
        holiday.Keys.Count > 0 && holiday.Keys.All(k => _replaced.Value.Contains((k, year)));

    /// <summary>
    /// The year whose occurrence of the holiday lies nearest the notice day, so a 31 Dec day off of a New Year notice
    /// replaces the next year's New Year; the day's own year when the holiday has no day near it.
    /// </summary>
    private int OccurrenceYear(string key, DateOnly date)
    {
        var best = (Year: date.Year, Distance: int.MaxValue);
        for (var year = Math.Max(date.Year - 1, VietnameseLunarCalendar.MinLunarYear); year <= Math.Min(date.Year + 1, VietnameseLunarCalendar.MaxLunarYear); year++)
            foreach (var holiday in Computed(year).Where(h => !h.IsMakeUp && h.Keys.Contains(key)))
            {
                var distance = Math.Abs(holiday.Date.DayNumber - date.DayNumber);
                if (distance < best.Distance) best = (year, distance);
            }
        return best.Year;
    }
}
