namespace HanoiWorkbench.Core.Calendar;

/// <summary>A date of the Vietnamese lunisolar calendar.</summary>
/// <param name="Year">Lunar year (the year in which its Tết falls).</param>
/// <param name="Month">Lunar month 1..12.</param>
/// <param name="Day">Lunar day 1..30.</param>
/// <param name="IsLeapMonth">True for the intercalary (nhuận) month that repeats <paramref name="Month"/>.</param>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    public override string ToString() => $"{Day:00}/{Month:00}{(IsLeapMonth ? " (nhuận)" : "")}/{Year}";
}

/// <summary>
/// Solar ↔ lunar conversion for the <b>Vietnamese</b> calendar, computed with Hồ Ngọc Đức's astronomical
/// algorithm (new moons after Jean Meeus, sun longitude) at the meridian of UTC+7.
/// </summary>
/// <remarks>
/// The Chinese calendar (<see cref="System.Globalization.ChineseLunisolarCalendar"/>) uses UTC+8; a new moon
/// or a solar term close to midnight then falls on a different day, so Tết differs in some years
/// (1985: 21 Jan in Vietnam, 20 Feb in China; 2007: 17 Feb vs 18 Feb). UTC+7 is applied to every year,
/// as the official Vietnamese calendar has done since 1968 (earlier dates are computed the same way, not
/// as printed in the calendars of the time). Supported range: solar dates 1900-01-01 … 2100-12-31,
/// lunar years 1900 … 2100.
/// </remarks>
public static class VietnameseLunarCalendar
{
    private const double TimeZone = 7.0;
    private const double SynodicMonth = 29.530588853;
    private const double NewMoonEpoch = 2415021.076998695; // JD of the new moon of 1900-01-01
    // Julian day number of 0001-01-01 (proleptic Gregorian), so DayNumber + offset = JDN.
    private const int JulianDayOfDayNumberZero = 1721426;

    public static readonly DateOnly MinSolar = new(1900, 1, 1);
    public static readonly DateOnly MaxSolar = new(2100, 12, 31);
    public const int MinLunarYear = 1900;
    public const int MaxLunarYear = 2100;

    /// <summary>The lunar date of a solar (Gregorian) date.</summary>
    public static LunarDate FromSolar(DateOnly date)
    {
        if (date < MinSolar || date > MaxSolar)
            throw new ArgumentOutOfRangeException(nameof(date), date, "Supported solar dates are 1900-01-01 to 2100-12-31.");
        var dayNumber = ToJdn(date);
        var k = Floor((dayNumber - NewMoonEpoch) / SynodicMonth);
        // The true new moon may fall up to a day after the mean one, so step back until the month has begun
        // (the published algorithm steps back once, which gives day 0 on 2054-07-05 and 2062-09-04).
        var monthStart = NewMoonDay(k + 1);
        while (monthStart > dayNumber) monthStart = NewMoonDay(k--);
        var a11 = LunarMonth11(date.Year);
        var b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = date.Year;
            a11 = LunarMonth11(date.Year - 1);
        }
        else
        {
            lunarYear = date.Year + 1;
            b11 = LunarMonth11(date.Year + 1);
        }
        var lunarDay = dayNumber - monthStart + 1;
        var diff = Floor((monthStart - a11) / 29.0);
        var leap = false;
        var lunarMonth = diff + 11;
        if (b11 - a11 > 365)
        {
            var leapMonthDiff = LeapMonthOffset(a11);
            if (diff >= leapMonthDiff)
            {
                lunarMonth = diff + 10;
                leap = diff == leapMonthDiff;
            }
        }
        if (lunarMonth > 12) lunarMonth -= 12;
        if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
        return new LunarDate(lunarYear, lunarMonth, lunarDay, leap);
    }

    /// <summary>The solar date of a lunar date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1900–2100, the month or day does not exist
    /// (day 30 of a 29-day month), or <paramref name="leapMonth"/> is set for a month that is not leap that year.</exception>
    public static DateOnly ToSolar(int lunarYear, int lunarMonth, int lunarDay, bool leapMonth = false)
    {
        if (lunarYear is < MinLunarYear or > MaxLunarYear)
            throw new ArgumentOutOfRangeException(nameof(lunarYear), lunarYear, "Supported lunar years are 1900 to 2100.");
        if (lunarMonth is < 1 or > 12)
            throw new ArgumentOutOfRangeException(nameof(lunarMonth), lunarMonth, "A lunar month is 1 to 12.");
        if (lunarDay is < 1 or > 30)
            throw new ArgumentOutOfRangeException(nameof(lunarDay), lunarDay, "A lunar day is 1 to 30.");

        var start = MonthStart(lunarYear, lunarMonth, leapMonth);
        var length = NewMoonDayAfter(start) - start;
        if (lunarDay > length)
            throw new ArgumentOutOfRangeException(nameof(lunarDay), lunarDay, $"Lunar month {lunarMonth}/{lunarYear} has {length} days.");
        return FromJdn(start + lunarDay - 1);
    }

    /// <summary>Number of days (29 or 30) of a lunar month.</summary>
    public static int DaysInMonth(int lunarYear, int lunarMonth, bool leapMonth = false)
    {
        var first = ToSolar(lunarYear, lunarMonth, 1, leapMonth);
        var start = ToJdn(first);
        return NewMoonDayAfter(start) - start;
    }

    /// <summary>The leap month of a lunar year (1..12), or null when the year has twelve months.</summary>
    public static int? LeapMonth(int lunarYear)
    {
        if (lunarYear is < MinLunarYear or > MaxLunarYear)
            throw new ArgumentOutOfRangeException(nameof(lunarYear), lunarYear, "Supported lunar years are 1900 to 2100.");
        // A span from month 11 to the next month 11 holds at most one leap month: months 1..10 of it belong
        // to the following lunar year, months 11 and 12 to the year the span starts in.
        if (TryLeapSpan(lunarYear - 1, out var early) && early <= 10) return early;
        if (TryLeapSpan(lunarYear, out var late) && late >= 11) return late;
        return null;
    }

    /// <summary>Tết Nguyên đán: the 1st day of the 1st lunar month of <paramref name="year"/>.</summary>
    public static DateOnly NewYear(int year) => ToSolar(year, 1, 1);

    /// <summary>The last day of lunar year <paramref name="year"/> ("30 Tết", which is the 29th when the 12th month is short).</summary>
    public static DateOnly LastDayOfYear(int year)
    {
        if (year is < MinLunarYear or > MaxLunarYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, "Supported lunar years are 1900 to 2100.");
        return FromJdn(MonthStart(year + 1, 1, leapMonth: false) - 1);
    }

    /// <summary>Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month of <paramref name="year"/>.</summary>
    public static DateOnly HungKingsDay(int year) => ToSolar(year, 3, 10);

    private static bool TryLeapSpan(int yearOfMonth11, out int leapMonth)
    {
        var a11 = LunarMonth11(yearOfMonth11);
        var b11 = LunarMonth11(yearOfMonth11 + 1);
        leapMonth = 0;
        if (b11 - a11 <= 365) return false;
        var leapOff = LeapMonthOffset(a11);
        leapMonth = leapOff - 2;
        if (leapMonth <= 0) leapMonth += 12;
        return true;
    }

    private static int MonthStart(int lunarYear, int lunarMonth, bool leapMonth)
    {
        int a11, b11;
        if (lunarMonth < 11)
        {
            a11 = LunarMonth11(lunarYear - 1);
            b11 = LunarMonth11(lunarYear);
        }
        else
        {
            a11 = LunarMonth11(lunarYear);
            b11 = LunarMonth11(lunarYear + 1);
        }
        var k = Floor(0.5 + (a11 - NewMoonEpoch) / SynodicMonth);
        var off = lunarMonth - 11;
        if (off < 0) off += 12;
        if (b11 - a11 > 365)
        {
            var leapOff = LeapMonthOffset(a11);
            var leap = leapOff - 2;
            if (leap <= 0) leap += 12;
            if (leapMonth && lunarMonth != leap)
                throw new ArgumentOutOfRangeException(nameof(leapMonth), $"Lunar year {lunarYear} has no leap month {lunarMonth}.");
            if (leapMonth || off >= leapOff) off += 1;
        }
        else if (leapMonth)
        {
            throw new ArgumentOutOfRangeException(nameof(leapMonth), $"Lunar year {lunarYear} has no leap month {lunarMonth}.");
        }
        return NewMoonDay(k + off);
    }

    private static int NewMoonDayAfter(int monthStartJdn)
    {
        var k = Floor(0.5 + (monthStartJdn - NewMoonEpoch) / SynodicMonth);
        var next = NewMoonDay(k + 1);
        while (next <= monthStartJdn) next = NewMoonDay(++k + 1);
        return next;
    }

    /// <summary>Julian day of the 1st day of lunar month 11 (the month holding the winter solstice) of a year.</summary>
    private static int LunarMonth11(int year)
    {
        var off = ToJdn(new DateOnly(year, 12, 31)) - 2415021;
        var k = Floor(off / SynodicMonth);
        var nm = NewMoonDay(k);
        if (SunLongitudeSector(nm) >= 9) nm = NewMoonDay(k - 1);
        return nm;
    }

    /// <summary>Months after month 11 until the first month without a major solar term (the leap month).</summary>
    private static int LeapMonthOffset(int a11)
    {
        var k = Floor((a11 - 2415021.076998695) / SynodicMonth + 0.5);
        var i = 1;
        var arc = SunLongitudeSector(NewMoonDay(k + i));
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunLongitudeSector(NewMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }

    /// <summary>Julian day number (local UTC+7) of the k-th new moon after 1900-01-01.</summary>
    private static int NewMoonDay(int k) => Floor(NewMoon(k) + 0.5 + TimeZone / 24);

    /// <summary>Sun longitude at local midnight beginning the day, as one of 12 sectors of 30°.</summary>
    private static int SunLongitudeSector(int jdn) => Floor(SunLongitude(jdn - 0.5 - TimeZone / 24) / Math.PI * 6);

    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 += 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        var m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        var mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        var f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        var c1 = (0.1734 - 0.000393 * t) * Math.Sin(m * dr) + 0.0021 * Math.Sin(2 * dr * m);
        c1 = c1 - 0.4068 * Math.Sin(mpr * dr) + 0.0161 * Math.Sin(dr * 2 * mpr);
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + 0.0104 * Math.Sin(dr * 2 * f) - 0.0051 * Math.Sin(dr * (m + mpr));
        c1 = c1 - 0.0074 * Math.Sin(dr * (m - mpr)) + 0.0004 * Math.Sin(dr * (2 * f + m));
        c1 = c1 - 0.0004 * Math.Sin(dr * (2 * f - m)) - 0.0006 * Math.Sin(dr * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.Sin(dr * (2 * f - mpr)) + 0.0005 * Math.Sin(dr * (2 * mpr + m));
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd1 + c1 - deltaT;
    }

    private static double SunLongitude(double jdn)
    {
        var t = (jdn - 2451545.0) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        var l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(dr * m);
        dl = dl + (0.019993 - 0.000101 * t) * Math.Sin(dr * 2 * m) + 0.000290 * Math.Sin(dr * 3 * m);
        var l = (l0 + dl) * dr;
        return l - Math.PI * 2 * Math.Floor(l / (Math.PI * 2));
    }

    private static int ToJdn(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    private static DateOnly FromJdn(int jdn) => DateOnly.FromDayNumber(jdn - JulianDayOfDayNumberZero);

    private static int Floor(double x) => (int)Math.Floor(x);
}
