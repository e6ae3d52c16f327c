using HanoiWorkbench.Core.Calendar;
using static HanoiWorkbench.Core.Tests.Calendar.CalendarFixtures;

namespace HanoiWorkbench.Core.Tests.Calendar;

public class WarningOutsideOfficeHours
{
    private static readonly WorkingHours Early = new(new TimeOnly(7, 30), new TimeOnly(11, 30), new TimeOnly(13, 30), new TimeOnly(17, 0), new TimeOnly(15, 0));

    [Theory]
    [InlineData(2025, 3, 10, 6, 45, "Bây giờ là 06:45, ngoài giờ làm việc của chi nhánh (08:00–12:00, 13:00–17:00). Thời hạn giải quyết sẽ tính từ 08:00 10/03/2025.")]
    [InlineData(2025, 3, 10, 12, 15, "Bây giờ là 12:15, ngoài giờ làm việc của chi nhánh (08:00–12:00, 13:00–17:00). Thời hạn giải quyết sẽ tính từ 13:00 10/03/2025.")]
    [InlineData(2025, 3, 14, 17, 30, "Bây giờ là 17:30, ngoài giờ làm việc của chi nhánh (08:00–12:00, 13:00–17:00). Thời hạn giải quyết sẽ tính từ 08:00 17/03/2025.")]
    [InlineData(2025, 3, 15, 9, 0, "Hôm nay (15/03/2025) là ngày nghỉ: Thứ Bảy. Thời hạn giải quyết sẽ tính từ 08:00 17/03/2025.")]
    [InlineData(2026, 1, 2, 9, 0, "Hôm nay (02/01/2026) là ngày nghỉ: Nghỉ hoán đổi, làm bù thứ Bảy 10/01/2026 (Thông báo 12729/VPCP-KGVX). Thời hạn giải quyết sẽ tính từ 08:00 05/01/2026.")]
    public void A_reception_outside_office_hours_is_warned_with_when_the_clock_starts(int y, int m, int d, int h, int min, string expected)
    {
        Assert.Equal(expected, WorkingTime.OutsideOfficeHoursWarning(Vn(y, m, d, h, min), NoticeCalendar, WorkingHours.Default));
    }

    [Theory]
    [InlineData(2025, 3, 10, 8, 0)]
    [InlineData(2025, 3, 10, 16, 59)]
    [InlineData(2026, 1, 10, 9, 0)] // the working Saturday of the 2026 New Year notice
    public void Inside_office_hours_there_is_no_warning(int y, int m, int d, int h, int min)
    {
        Assert.Null(WorkingTime.OutsideOfficeHoursWarning(Vn(y, m, d, h, min), NoticeCalendar, WorkingHours.Default));
    }

    [Fact]
    public void The_branch_s_own_hours_decide()
    {
        Assert.Null(WorkingTime.OutsideOfficeHoursWarning(Vn(2025, 3, 10, 7, 45), NoticeCalendar, Early));
        Assert.Contains("(07:30–11:30, 13:30–17:00)", WorkingTime.OutsideOfficeHoursWarning(Vn(2025, 3, 10, 7, 0), NoticeCalendar, Early), StringComparison.Ordinal);
    }
}
