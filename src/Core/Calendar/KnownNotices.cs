using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Calendar;

/// <summary>One day of a government notice, as the seed enters it (<see cref="CalendarEntry"/>).</summary>
public sealed record NoticeDay(DateOnly Date, CalendarEntryKind Kind, string Description, string Covers)
{
    public CalendarEntry ToEntry() => new(Date, Kind, Description, Covers);
}

/// <summary>
/// The government's notices of domain.md §4 for 2025 and 2026. Each names the holiday it replaces, so its days stand
/// instead of the computed ones (2025: Mon 3 Feb, the computed make-up for Tết's Saturday, is worked). Weekend days of
/// a span are off anyway and are not entered.
/// </summary>
public static class KnownNotices
{
    public static IReadOnlyList<NoticeDay> Days { get; } =
    [
        // 2025 Tết Ất Tỵ: off Sat 25 Jan – Sun 2 Feb.
        .. Weekdays(new(2025, 1, 27), new(2025, 1, 31), "Nghỉ Tết Nguyên đán Ất Tỵ 2025 (25/01 – 02/02)", HolidayKind.LunarNewYear),
        new(new(2025, 4, 7), CalendarEntryKind.DayOff, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", HolidayKeys.Of(HolidayKind.HungKings)),
        // 2025: 30 Apr – 4 May off, Fri 2 May swapped with Sat 26 Apr, which is worked.
        new(new(2025, 4, 26), CalendarEntryKind.WorkingDay, "Làm bù cho ngày nghỉ 02/5/2025", HolidayKeys.Of(HolidayKind.LabourDay)),
        new(new(2025, 4, 30), CalendarEntryKind.DayOff, "Ngày Chiến thắng (30/4)", HolidayKeys.Of(HolidayKind.ReunificationDay)),
        new(new(2025, 5, 1), CalendarEntryKind.DayOff, "Ngày Quốc tế Lao động (1/5)", HolidayKeys.Of(HolidayKind.LabourDay)),
        new(new(2025, 5, 2), CalendarEntryKind.DayOff, "Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)", HolidayKeys.Of(HolidayKind.LabourDay)),
        // 2026 New Year: off Thu 1 – Sun 4 Jan, Fri 2 Jan swapped with Sat 10 Jan (notice 12729/VPCP-KGVX of 25 Dec 2025).
        new(new(2026, 1, 1), CalendarEntryKind.DayOff, "Tết Dương lịch 2026", HolidayKeys.Of(HolidayKind.NewYear)),
        new(new(2026, 1, 2), CalendarEntryKind.DayOff, "Nghỉ hoán đổi, làm bù thứ Bảy 10/01/2026 (Thông báo 12729/VPCP-KGVX)", HolidayKeys.Of(HolidayKind.NewYear)),
        new(new(2026, 1, 10), CalendarEntryKind.WorkingDay, "Làm bù cho ngày nghỉ 02/01/2026 (Thông báo 12729/VPCP-KGVX)", HolidayKeys.Of(HolidayKind.NewYear)),
        // 2026 Tết Bính Ngọ: off Sat 14 Feb – Sun 22 Feb.
        .. Weekdays(new(2026, 2, 16), new(2026, 2, 20), "Nghỉ Tết Nguyên đán Bính Ngọ 2026 (14/02 – 22/02)", HolidayKind.LunarNewYear),
        new(new(2026, 4, 27), CalendarEntryKind.DayOff, "Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật 26/4/2026)", HolidayKeys.Of(HolidayKind.HungKings)),
    ];

    private static IEnumerable<NoticeDay> Weekdays(DateOnly from, DateOnly to, string description, HolidayKind covers)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
            if (!PublicHolidays.IsWeeklyRestDay(d)) yield return new(d, CalendarEntryKind.DayOff, description, HolidayKeys.Of(covers));
    }
}
