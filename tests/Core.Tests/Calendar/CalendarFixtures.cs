using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Tests.Calendar;

/// <summary>The government's notices of 2025 and 2026 (domain.md §4) as an administrator would enter them.</summary>
internal static class CalendarFixtures
{
    public static IReadOnlyList<CalendarEntry> Notices2025And2026 { get; } =
    [
        // 2025: Tết off Sat 25 Jan – Sun 2 Feb. The computed span is Tue 28 Jan – Sat 1 Feb with Mon 3 Feb in lieu of the Saturday;
        // the notice gives Mon 27 Jan instead.
        new(new DateOnly(2025, 1, 27), CalendarEntryKind.DayOff, "Nghỉ Tết Nguyên đán theo thông báo năm 2025"),
        new(new DateOnly(2025, 2, 3), CalendarEntryKind.WorkingDay, "Đi làm: ngày nghỉ bù đã bố trí vào kỳ nghỉ Tết"),
        // 2025: 30 Apr – 1 May plus Fri 2 May off, Sat 26 Apr worked in exchange.
        new(new DateOnly(2025, 4, 26), CalendarEntryKind.WorkingDay, "Làm bù cho ngày nghỉ thứ Sáu 02/5"),
        new(new DateOnly(2025, 5, 2), CalendarEntryKind.DayOff, "Nghỉ hoán đổi với thứ Bảy 26/4"),
        // 2026: Tết off Sat 14 Feb – Sun 22 Feb (already the computed span plus the two weekends; entered anyway).
        .. Enumerable.Range(14, 9).Select(d => new CalendarEntry(new DateOnly(2026, 2, d), CalendarEntryKind.DayOff, "Nghỉ Tết Nguyên đán Bính Ngọ")),
    ];

    public static WorkingCalendar NoticeCalendar { get; } = new(Notices2025And2026);

    public static DateTimeOffset Vn(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));
}
