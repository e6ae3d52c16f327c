using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Text;

namespace HanoiWorkbench.Core.Tests.Text;

public class WordingDurationsAndOfficialDates
{
    [Theory]
    [InlineData(-5, "0 giây")]
    [InlineData(0, "0 giây")]
    [InlineData(45, "45 giây")]
    [InlineData(78, "1 phút")]                // 01:18 as minutes:seconds
    [InlineData(18 * 60, "18 phút")]
    [InlineData(59 * 60 + 59, "59 phút")]
    [InlineData(3600, "1 giờ")]
    [InlineData(78 * 60, "1 giờ 18 phút")]    // 01:18 as hours:minutes
    [InlineData(125 * 60 + 30, "2 giờ 5 phút")]
    [InlineData(26 * 3600, "26 giờ")]
    public void A_duration_says_its_unit(int seconds, string expected)
    {
        Assert.Equal(expected, VietnameseWording.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void No_duration_is_a_dash()
    {
        Assert.Equal("—", VietnameseWording.Duration(null));
    }

    [Theory]
    [InlineData(5, ProcessingUnit.WorkingDays, "05 ngày làm việc")]
    [InlineData(15, ProcessingUnit.WorkingDays, "15 ngày làm việc")]
    [InlineData(8, ProcessingUnit.WorkingHours, "8 giờ làm việc")]
    [InlineData(0, ProcessingUnit.SameDay, "Trong ngày làm việc (hồ sơ nhận sau 15 giờ trả trong ngày làm việc tiếp theo)")]
    public void A_statutory_processing_time_names_its_unit(int value, ProcessingUnit unit, string expected)
    {
        Assert.Equal(expected, VietnameseWording.ProcessingTime(value, unit));
    }

    [Theory]
    [InlineData("2026-03-05", "ngày 05 tháng 3 năm 2026")]
    [InlineData("2026-01-09", "ngày 09 tháng 01 năm 2026")]
    [InlineData("2026-02-28", "ngày 28 tháng 02 năm 2026")]
    [InlineData("2025-11-10", "ngày 10 tháng 11 năm 2025")]
    [InlineData("2025-12-31", "ngày 31 tháng 12 năm 2025")]
    [InlineData("2025-10-01", "ngày 01 tháng 10 năm 2025")]
    public void An_official_date_pads_days_below_10_and_the_first_two_months(string date, string expected)
    {
        Assert.Equal(expected, VietnameseWording.OfficialDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
