using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;
using static HanoiWorkbench.Core.Tests.Calendar.CalendarFixtures;

namespace HanoiWorkbench.Core.Tests.Calendar;

public class NoticesAndAddedHolidays
{
    private static readonly string Tet = HolidayKeys.Of(HolidayKind.LunarNewYear);
    private static readonly string NewYear = HolidayKeys.Of(HolidayKind.NewYear);

    [Fact]
    public void A_notice_replaces_every_computed_day_of_the_holiday_it_covers_make_up_day_included()
    {
        var calendar = new WorkingCalendar([new CalendarEntry(new DateOnly(2025, 1, 27), CalendarEntryKind.DayOff, "Nghỉ Tết", Tet)]);

        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 2, 3)));  // the computed make-up for Sat 1 Feb is gone
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 1, 28)));  // the computed Tết day too: the notice lists its days
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 1, 27)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 4, 30))); // other holidays stay
        Assert.All(calendar.ComputedHolidays(2025).Where(h => h.Holiday.Keys.Contains(Tet)), h => Assert.True(h.Replaced));
        Assert.Contains(calendar.ComputedHolidays(2025), h => h.Holiday.IsMakeUp && h.Replaced);
    }

    [Fact]
    public void A_day_that_names_no_holiday_replaces_nothing()
    {
        var calendar = new WorkingCalendar([new CalendarEntry(new DateOnly(2025, 1, 27), CalendarEntryKind.DayOff, "Nghỉ thêm")]);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 2, 3)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 1, 28)));
    }

    [Fact]
    public void A_december_day_of_a_new_year_notice_replaces_the_next_years_new_year()
    {
        // 2023: 1 Jan on Sunday, computed make-up Mon 2 Jan; a notice giving Fri 30 Dec 2022 instead.
        var calendar = new WorkingCalendar([new CalendarEntry(new DateOnly(2022, 12, 30), CalendarEntryKind.DayOff, "Nghỉ Tết Dương lịch 2023", NewYear)]);

        Assert.True(calendar.IsWorkingDay(new DateOnly(2023, 1, 2)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2022, 1, 3))); // 2022's own make-up is untouched
    }

    [Fact]
    public void The_seeded_notices_leave_no_computed_make_up_day_beside_them()
    {
        Assert.Null(NoticeCalendar.ComputedHoliday(new DateOnly(2025, 2, 3)));
        Assert.Null(NoticeCalendar.DayOffReason(new DateOnly(2025, 2, 3)));
        Assert.Equal("Nghỉ hoán đổi, làm bù thứ Bảy 10/01/2026 (Thông báo 12729/VPCP-KGVX)", NoticeCalendar.DayOffReason(new DateOnly(2026, 1, 2)));
    }

    [Theory]
    // kind                  month day from  date          working
    [InlineData(HolidayDateKind.Solar, 11, 24, 2026, "2025-11-24", true)]  // before it applies
    [InlineData(HolidayDateKind.Solar, 11, 24, 2026, "2026-11-24", false)]
    [InlineData(HolidayDateKind.Solar, 11, 24, 2026, "2029-11-24", false)] // a Saturday …
    [InlineData(HolidayDateKind.Solar, 11, 24, 2026, "2029-11-26", false)] // … and made up on Monday (art. 111)
    [InlineData(HolidayDateKind.Lunar, 1, 15, 2026, "2026-03-03", false)]  // Rằm tháng Giêng 2026
    [InlineData(HolidayDateKind.Lunar, 1, 15, 2026, "2027-02-19", true)]
    [InlineData(HolidayDateKind.Lunar, 1, 15, 2026, "2027-02-20", false)]  // 2027's falls on a Saturday (Tết 6 Feb) …
    [InlineData(HolidayDateKind.Lunar, 1, 15, 2026, "2027-02-22", false)]  // … made up on Monday
    public void An_added_holiday_is_off_every_year_from_its_first_year(HolidayDateKind kind, int month, int day, int fromYear, string date, bool working)
    {
        var calendar = new WorkingCalendar([], [new HolidayDefinition("Ngày Văn hóa Việt Nam", kind, month, day, fromYear)]);

        Assert.Equal(working, calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void An_added_holiday_has_its_name_and_a_key_a_notice_can_name()
    {
        var holiday = new HolidayDefinition("  Ngày Văn hóa Việt Nam ", HolidayDateKind.Solar, 11, 24, 2026);
        var shifted = new CalendarEntry(new DateOnly(2026, 11, 23), CalendarEntryKind.DayOff, "Nghỉ Ngày Văn hóa (hoán đổi)", holiday.Key);

        Assert.Equal("le-ngay-van-hoa-viet-nam", holiday.Key);
        Assert.Equal("Ngày Văn hóa Việt Nam (24/11 dương lịch)", new WorkingCalendar([], [holiday]).DayOffReason(new DateOnly(2026, 11, 24)));
        Assert.True(new WorkingCalendar([shifted], [holiday]).IsWorkingDay(new DateOnly(2026, 11, 24)));
    }

    [Theory]
    [InlineData("", HolidayDateKind.Solar, 11, 24, 2026, "Tên ngày lễ không được để trống.")]
    [InlineData("Lễ", HolidayDateKind.Solar, 2, 29, 2026, "Ngày 29/2 không có hằng năm; chọn ngày khác.")]
    [InlineData("Lễ", HolidayDateKind.Solar, 4, 31, 2026, "Ngày phải từ 1 đến 30 với tháng 4 dương lịch.")]
    [InlineData("Lễ", HolidayDateKind.Lunar, 13, 1, 2026, "Tháng phải từ 1 đến 12.")]
    [InlineData("Lễ", HolidayDateKind.Lunar, 3, 31, 2026, "Ngày phải từ 1 đến 30 với tháng 3 âm lịch.")]
    [InlineData("Lễ", HolidayDateKind.Solar, 11, 24, 2101, "Năm bắt đầu áp dụng phải từ 1900 đến 2100.")]
    public void An_impossible_holiday_is_refused_with_the_reason(string name, HolidayDateKind kind, int month, int day, int fromYear, string reason)
    {
        var error = Assert.Throws<DomainException>(() => new HolidayDefinition(name, kind, month, day, fromYear));

        Assert.Equal(reason, error.Message);
    }

    [Fact]
    public void A_lunar_day_30_in_a_short_month_is_kept_on_the_29th()
    {
        // The 12th month of Giáp Thìn (2024) has 29 days: its "30" is 28 Jan 2025.
        var holiday = new HolidayDefinition("Tất niên", HolidayDateKind.Lunar, 12, 30, 2024);

        Assert.Equal([new DateOnly(2025, 1, 28)], holiday.DatesIn(2025));
    }
}
