using HanoiWorkbench.Core.Calendar;

namespace HanoiWorkbench.Core.Tests.Calendar;

/// <summary>The government's notices of 2025 and 2026 (domain.md §4) as the seed enters them.</summary>
internal static class CalendarFixtures
{
    public static WorkingCalendar NoticeCalendar { get; } = new(KnownNotices.Days.Select(d => d.ToEntry()));

    public static DateTimeOffset Vn(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));
}
