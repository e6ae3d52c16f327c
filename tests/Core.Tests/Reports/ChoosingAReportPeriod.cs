using HanoiWorkbench.Core.Reports;

namespace HanoiWorkbench.Core.Tests.Reports;

public class ChoosingAReportPeriod
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(PeriodPreset.ThisMonth, "2026-11-17", "2026-11-01", "2026-11-17")]
    [InlineData(PeriodPreset.LastMonth, "2026-11-17", "2026-10-01", "2026-10-31")]
    [InlineData(PeriodPreset.LastMonth, "2026-01-05", "2025-12-01", "2025-12-31")]
    [InlineData(PeriodPreset.LastMonth, "2028-03-31", "2028-02-01", "2028-02-29")]
    [InlineData(PeriodPreset.ThisYear, "2026-11-17", "2026-01-01", "2026-11-17")]
    public void Presets_are_whole_months_or_the_year_so_far(PeriodPreset preset, string today, string from, string to)
    {
        Assert.Equal(new ReportPeriod(D(from), D(to)), ReportPeriod.Preset(preset, D(today)));
    }

    [Theory]
    [InlineData(null, "2026-11-30", "Chọn ngày bắt đầu và ngày kết thúc của kỳ báo cáo.")]
    [InlineData("2026-11-30", "2026-11-01", "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.")]
    [InlineData("2025-11-01", "2026-11-30", "Kỳ báo cáo dài tối đa 366 ngày.")]
    [InlineData("2028-01-01", "2028-12-31", null)]
    [InlineData("2026-11-17", "2026-11-17", null)]
    public void A_period_is_one_day_to_a_leap_year(string? from, string? to, string? error)
    {
        Assert.Equal(error, ReportPeriod.Validate(from is null ? null : D(from), to is null ? null : D(to)));
    }

    [Theory]
    [InlineData("2026-11-01", "2026-11-30", "11/2026", "2026-11")]
    [InlineData("2026-11-01", "2026-11-17", "01/11/2026 – 17/11/2026", "2026-11")]
    [InlineData("2026-01-01", "2026-11-17", "01/01/2026 – 17/11/2026", "20260101-20261117")]
    [InlineData("2026-11-05", "2026-11-20", "05/11/2026 – 20/11/2026", "20261105-20261120")]
    public void The_period_names_itself_for_the_page_and_the_download(string from, string to, string label, string stem)
    {
        var period = new ReportPeriod(D(from), D(to));

        Assert.Equal((label, stem), (period.Label(), period.FileStem()));
    }

    [Fact]
    public void The_period_runs_from_midnight_to_midnight_in_Hanoi()
    {
        var period = new ReportPeriod(D("2026-11-01"), D("2026-11-30"));

        Assert.Equal(new DateTimeOffset(2026, 10, 31, 17, 0, 0, TimeSpan.Zero), period.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero), period.End);
        Assert.Equal(30, period.Days);
    }

    [Theory]
    [InlineData("2026-11-17", "2026-11-01", "2026-11-30", "11/2026")]
    [InlineData("2028-02-29", "2028-02-01", "2028-02-29", "02/2028")]
    [InlineData("2026-12-01", "2026-12-01", "2026-12-31", "12/2026")]
    public void A_month_is_the_whole_calendar_month(string day, string from, string to, string label)
    {
        var month = ReportPeriod.MonthOf(D(day));

        Assert.Equal(new ReportPeriod(D(from), D(to)), month);
        Assert.Equal(label, month.Label());
    }

    [Fact]
    public void The_month_picker_starts_with_this_month_and_goes_back_across_the_new_year()
    {
        Assert.Equal(["02/2026", "01/2026", "12/2025"], ReportPeriod.RecentMonths(D("2026-02-10"), 3).Select(m => m.Label()));
    }
}
