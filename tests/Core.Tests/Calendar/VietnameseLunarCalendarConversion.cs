using System.Globalization;
using HanoiWorkbench.Core.Calendar;

namespace HanoiWorkbench.Core.Tests.Calendar;

public class VietnameseLunarCalendarConversion
{
    [Theory]
    [InlineData(1968, 1, 29)] // North Vietnam, already on UTC+7; China 30 Jan
    [InlineData(1985, 1, 21)] // China 20 Feb
    [InlineData(2000, 2, 5)]
    [InlineData(2001, 1, 24)]
    [InlineData(2002, 2, 12)]
    [InlineData(2003, 2, 1)]
    [InlineData(2004, 1, 22)]
    [InlineData(2005, 2, 9)]
    [InlineData(2006, 1, 29)]
    [InlineData(2007, 2, 17)] // China 18 Feb
    [InlineData(2008, 2, 7)]
    [InlineData(2009, 1, 26)]
    [InlineData(2010, 2, 14)]
    [InlineData(2011, 2, 3)]
    [InlineData(2012, 1, 23)]
    [InlineData(2013, 2, 10)]
    [InlineData(2014, 1, 31)]
    [InlineData(2015, 2, 19)]
    [InlineData(2016, 2, 8)]
    [InlineData(2017, 1, 28)]
    [InlineData(2018, 2, 16)]
    [InlineData(2019, 2, 5)]
    [InlineData(2020, 1, 25)]
    [InlineData(2021, 2, 12)]
    [InlineData(2022, 2, 1)]
    [InlineData(2023, 1, 22)]
    [InlineData(2024, 2, 10)]
    [InlineData(2025, 1, 29)]
    [InlineData(2026, 2, 17)]
    [InlineData(2027, 2, 6)]
    [InlineData(2028, 1, 26)]
    public void Tet_falls_on_the_vietnamese_date(int year, int month, int day)
    {
        var tet = VietnameseLunarCalendar.NewYear(year);

        Assert.Equal(new DateOnly(year, month, day), tet);
        Assert.Equal(new LunarDate(year, 1, 1), VietnameseLunarCalendar.FromSolar(tet));
    }

    [Fact]
    public void Vietnamese_and_chinese_new_year_differ_exactly_in_the_years_where_utc7_moves_a_new_moon_or_solar_term()
    {
        var chinese = new ChineseLunisolarCalendar();
        var differing = Enumerable.Range(1901, 200)
            .Where(y => VietnameseLunarCalendar.NewYear(y) != DateOnly.FromDateTime(chinese.ToDateTime(y, 1, 1, 0, 0, 0, 0)))
            .ToArray();

        // Before 1968 Vietnam printed calendars at UTC+8, so 1903, 1935 and 1965 differ only in this UTC+7 computation.
        Assert.Equal([1903, 1935, 1965, 1968, 1969, 1985, 2007, 2030, 2053], differing);
    }

    [Theory]
    [InlineData(2023, 4, 29)] // leap 2nd month pushes it to the end of April
    [InlineData(2024, 4, 18)]
    [InlineData(2025, 4, 7)]
    [InlineData(2026, 4, 26)]
    [InlineData(2027, 4, 16)]
    public void Hung_kings_day_is_the_tenth_day_of_the_third_lunar_month(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), VietnameseLunarCalendar.HungKingsDay(year));
    }

    [Theory]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2026, null)]
    public void A_year_has_at_most_one_leap_month(int year, int? leapMonth)
    {
        Assert.Equal(leapMonth, VietnameseLunarCalendar.LeapMonth(year));
    }

    [Fact]
    public void A_date_in_a_leap_month_converts_both_ways()
    {
        // 2025: leap 6th month begins on 25 Jul.
        var date = new DateOnly(2025, 7, 25);

        Assert.Equal(new LunarDate(2025, 6, 1, IsLeapMonth: true), VietnameseLunarCalendar.FromSolar(date));
        Assert.Equal(date, VietnameseLunarCalendar.ToSolar(2025, 6, 1, leapMonth: true));
        Assert.NotEqual(date, VietnameseLunarCalendar.ToSolar(2025, 6, 1));
    }

    [Fact]
    public void A_leap_month_the_year_does_not_have_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(2026, 3, 1, leapMonth: true));
    }

    [Fact]
    public void A_thirtieth_day_of_a_short_month_is_refused()
    {
        var shortMonth = Enumerable.Range(1, 12).First(m => VietnameseLunarCalendar.DaysInMonth(2026, m) == 29);

        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(2026, shortMonth, 30));
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2101)]
    public void Years_outside_1900_to_2100_are_refused(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.NewYear(year));
    }

    [Fact]
    public void Every_solar_date_from_1900_to_2100_round_trips_and_days_run_in_sequence()
    {
        var previous = VietnameseLunarCalendar.FromSolar(new DateOnly(1900, 1, 1));
        for (var date = new DateOnly(1900, 1, 2); date <= new DateOnly(2100, 12, 31); date = date.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.FromSolar(date);
            Assert.True(lunar.Day == previous.Day + 1 || (lunar.Day == 1 && previous.Day is 29 or 30), $"{date}: {previous} → {lunar}");
            if (lunar.Year >= VietnameseLunarCalendar.MinLunarYear)
                Assert.Equal(date, VietnameseLunarCalendar.ToSolar(lunar.Year, lunar.Month, lunar.Day, lunar.IsLeapMonth));
            previous = lunar;
        }
    }

    [Fact]
    public void The_last_day_of_the_lunar_year_is_the_eve_of_tet()
    {
        Assert.Equal(new DateOnly(2026, 2, 16), VietnameseLunarCalendar.LastDayOfYear(2025));
        Assert.Equal(new LunarDate(2024, 12, 29), VietnameseLunarCalendar.FromSolar(new DateOnly(2025, 1, 28)));
    }
}
