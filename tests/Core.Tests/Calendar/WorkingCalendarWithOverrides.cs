using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;
using static HanoiWorkbench.Core.Tests.Calendar.CalendarFixtures;

namespace HanoiWorkbench.Core.Tests.Calendar;

public class WorkingCalendarWithOverrides
{
    [Theory]
    [InlineData("2025-01-24", true)]  // Fri before Tết
    [InlineData("2025-01-25", false)]
    [InlineData("2025-01-27", false)] // override: day off
    [InlineData("2025-01-28", false)]
    [InlineData("2025-01-31", false)]
    [InlineData("2025-02-01", false)]
    [InlineData("2025-02-02", false)]
    [InlineData("2025-02-03", true)]  // computed make-up cancelled by the notice
    [InlineData("2025-04-07", false)] // Hùng Kings, Monday
    [InlineData("2025-04-26", true)]  // working Saturday
    [InlineData("2025-04-30", false)]
    [InlineData("2025-05-01", false)]
    [InlineData("2025-05-02", false)] // override: day off
    [InlineData("2025-05-05", true)]
    [InlineData("2025-12-31", true)]
    [InlineData("2026-01-01", false)] // New Year notice 12729/VPCP-KGVX
    [InlineData("2026-01-02", false)] // swapped with Sat 10 Jan
    [InlineData("2026-01-05", true)]
    [InlineData("2026-01-09", true)]
    [InlineData("2026-01-10", true)]  // the working Saturday
    [InlineData("2026-01-11", false)]
    [InlineData("2026-02-13", true)]
    [InlineData("2026-02-14", false)]
    [InlineData("2026-02-16", false)]
    [InlineData("2026-02-22", false)]
    [InlineData("2026-02-23", true)]
    [InlineData("2026-04-27", false)] // make-up for Hùng Kings on Sunday 26 Apr
    [InlineData("2026-04-28", true)]
    public void The_2025_and_2026_notices_give_these_working_days(string date, bool working)
    {
        Assert.Equal(working, NoticeCalendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_day_off_has_a_reason_and_a_working_day_has_none()
    {
        Assert.Equal("Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)", NoticeCalendar.DayOffReason(new DateOnly(2025, 5, 2)));
        Assert.Equal("Ngày Chiến thắng (30/4)", NoticeCalendar.DayOffReason(new DateOnly(2025, 4, 30)));
        Assert.Equal("Chủ nhật", NoticeCalendar.DayOffReason(new DateOnly(2025, 4, 27)));
        Assert.Equal("Thứ Bảy", NoticeCalendar.DayOffReason(new DateOnly(2025, 5, 3)));
        Assert.Null(NoticeCalendar.DayOffReason(new DateOnly(2025, 4, 26)));
    }

    [Fact]
    public void Without_overrides_the_computed_rules_apply()
    {
        Assert.False(WorkingCalendar.Default.IsWorkingDay(new DateOnly(2025, 2, 3)));
        Assert.True(WorkingCalendar.Default.IsWorkingDay(new DateOnly(2025, 1, 27)));
        Assert.False(WorkingCalendar.Default.IsWorkingDay(new DateOnly(2025, 4, 26)));
    }

    [Fact]
    public void The_last_entry_for_a_date_wins()
    {
        var date = new DateOnly(2025, 6, 6);
        var calendar = new WorkingCalendar(
        [
            new CalendarEntry(date, CalendarEntryKind.DayOff, "Nghỉ"),
            new CalendarEntry(date, CalendarEntryKind.WorkingDay, "Đi làm"),
        ]);

        Assert.True(calendar.IsWorkingDay(date));
    }

    [Theory]
    [InlineData("2025-01-24", "2025-02-03")] // over Tết
    [InlineData("2025-04-25", "2025-04-26")] // working Saturday
    [InlineData("2025-04-29", "2025-05-05")]
    [InlineData("2026-04-24", "2026-04-28")]
    public void The_next_working_day_skips_holidays_weekends_and_days_off(string date, string next)
    {
        var d = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(next, System.Globalization.CultureInfo.InvariantCulture), NoticeCalendar.NextWorkingDay(d));
    }

    [Theory]
    [InlineData("2025-04-29", 1, "2025-05-05")]
    [InlineData("2025-04-24", 2, "2025-04-26")] // Fri 25 is day 1, the working Saturday day 2
    [InlineData("2025-01-23", 3, "2025-02-04")]
    [InlineData("2025-05-05", -1, "2025-04-29")]
    [InlineData("2025-05-03", 0, "2025-05-05")]
    [InlineData("2025-05-05", 0, "2025-05-05")]
    public void Adding_working_days_does_not_count_the_start(string start, int days, string expected)
    {
        var s = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);

        var result = NoticeCalendar.AddWorkingDays(s, days);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result);
    }

    [Theory]
    [InlineData("2025-04-25", "2025-05-05", 4)]
    [InlineData("2025-05-05", "2025-04-25", -4)]
    [InlineData("2025-03-10", "2025-03-10", 0)]
    [InlineData("2025-01-24", "2025-02-04", 2)]
    public void Working_days_between_count_the_end_but_not_the_start(string from, string to, int expected)
    {
        var f = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        var t = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, NoticeCalendar.WorkingDaysBetween(f, t));
    }

    [Fact]
    public void Working_days_between_undoes_adding_working_days()
    {
        for (var day = new DateOnly(2025, 1, 1); day <= new DateOnly(2026, 12, 31); day = day.AddDays(7))
            foreach (var n in new[] { 1, 5, 15, 30 })
                Assert.Equal(n, NoticeCalendar.WorkingDaysBetween(day, NoticeCalendar.AddWorkingDays(day, n)));
    }
}
