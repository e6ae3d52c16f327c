using HanoiWorkbench.Core.Calendar;

namespace HanoiWorkbench.Core.Tests.Calendar;

public class PublicHolidaysOfAYear
{
    [Fact]
    public void The_2026_holidays_are_the_labour_code_days_with_hung_kings_made_up_on_monday()
    {
        var holidays = PublicHolidays.For(2026);

        Assert.Equal(
            [
                new DateOnly(2026, 1, 1),
                new DateOnly(2026, 2, 16), new DateOnly(2026, 2, 17), new DateOnly(2026, 2, 18), new DateOnly(2026, 2, 19), new DateOnly(2026, 2, 20),
                new DateOnly(2026, 4, 26), new DateOnly(2026, 4, 27),
                new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 1),
                new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 2),
            ],
            holidays.Select(h => h.Date));
        var makeUp = Assert.Single(holidays, h => h.IsMakeUp);
        Assert.Equal(new DateOnly(2026, 4, 27), makeUp.Date);
        Assert.Equal(new DateOnly(2026, 4, 26), makeUp.MakeUpFor);
        Assert.StartsWith("Nghỉ bù Giỗ Tổ Hùng Vương", makeUp.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2024, "2024-02-09", "2024-02-13")]
    [InlineData(2025, "2025-01-28", "2025-02-01")]
    [InlineData(2026, "2026-02-16", "2026-02-20")]
    public void Tet_by_default_is_the_last_day_of_the_old_lunar_year_and_the_first_four_of_the_new(int year, string first, string last)
    {
        var tet = PublicHolidays.For(year).Where(h => h.Kind == HolidayKind.LunarNewYear).Select(h => h.Date).ToList();

        Assert.Equal(5, tet.Count);
        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), tet[0]);
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), tet[^1]);
    }

    [Theory]
    [InlineData(2023, "2023-01-01", "2023-01-02")] // New Year's Day on Sunday
    [InlineData(2023, "2023-04-29", "2023-05-02")] // Hùng Kings on Saturday; 30 Apr (Sun) and 1 May (Mon) are holidays too
    [InlineData(2023, "2023-04-30", "2023-05-03")]
    [InlineData(2023, "2023-09-02", "2023-09-04")] // 2 Sep on Saturday, 1 Sep (Fri) the adjacent day
    [InlineData(2023, "2023-01-21", "2023-01-26")] // Tết days on the weekend are made up after the span
    [InlineData(2023, "2023-01-22", "2023-01-27")]
    [InlineData(2026, "2026-04-26", "2026-04-27")]
    [InlineData(2022, "2022-01-01", "2022-01-03")]
    public void A_holiday_on_a_weekly_rest_day_is_made_up_on_the_next_free_working_day(int year, string holiday, string makeUp)
    {
        var h = DateOnly.Parse(holiday, System.Globalization.CultureInfo.InvariantCulture);
        var m = DateOnly.Parse(makeUp, System.Globalization.CultureInfo.InvariantCulture);

        var entry = Assert.Single(PublicHolidays.For(year), x => x.MakeUpFor == h);

        Assert.Equal(m, entry.Date);
        Assert.Equal(HolidayKind.MakeUp, entry.Kind);
    }

    [Theory]
    [InlineData(2021, 3)] // Thu 2 Sep → Fri 3 Sep
    [InlineData(2022, 1)] // Fri → Thu 1 Sep
    [InlineData(2023, 1)] // Sat → Fri 1 Sep
    [InlineData(2024, 3)] // Mon → Tue 3 Sep
    [InlineData(2025, 1)] // Tue → Mon 1 Sep
    public void National_day_takes_the_adjacent_day_the_notices_chose(int year, int day)
    {
        Assert.Equal(new DateOnly(year, 9, day), PublicHolidays.NationalDayAdjacent(year));
    }

    [Fact]
    public void Holidays_carry_vietnamese_names()
    {
        var names = PublicHolidays.For(2025).Select(h => h.Name).ToList();

        Assert.Contains("Tết Dương lịch", names);
        Assert.Contains("Tết Nguyên đán (mùng 1)", names);
        Assert.Contains("Tết Nguyên đán (29 tháng Chạp)", names);
        Assert.Contains("Giỗ Tổ Hùng Vương (10/3 âm lịch)", names);
        Assert.Contains("Ngày Chiến thắng (30/4)", names);
        Assert.Contains("Ngày Quốc tế Lao động (1/5)", names);
        Assert.Contains("Quốc khánh (2/9)", names);
    }

    [Fact]
    public void Every_year_from_1900_to_2100_has_eleven_holidays_on_distinct_dates_apart_from_coinciding_ones()
    {
        for (var year = 1900; year <= 2100; year++)
        {
            var holidays = PublicHolidays.For(year);
            Assert.Equal(holidays.Count, holidays.Select(h => h.Date).Distinct().Count());
            Assert.InRange(holidays.Count(h => !h.IsMakeUp), 10, 11);
            Assert.All(holidays.Where(h => h.IsMakeUp), h => Assert.False(PublicHolidays.IsWeeklyRestDay(h.Date)));
        }
    }
}
