using System.Globalization;

namespace HanoiWorkbench.Core.Reports;

/// <summary>The presets of the report's period picker.</summary>
public enum PeriodPreset
{
    ThisMonth,
    LastMonth,
    ThisYear,
}

/// <summary>A report period: whole Hanoi days from <see cref="From"/> to <see cref="To"/>, both included.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    /// <summary>A year and a day, so a leap year's whole year fits and a year plus a month does not.</summary>
    public const int MaxDays = 366;

    /// <summary>The first instant of the period (midnight in Hanoi at the start of <see cref="From"/>).</summary>
    public DateTimeOffset Start => HanoiTime.StartOf(From);

    /// <summary>The first instant after the period (exclusive end).</summary>
    public DateTimeOffset End => HanoiTime.StartOf(To.AddDays(1));

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>A Vietnamese reason the period cannot be reported, or null.</summary>
    public static string? Validate(DateOnly? from, DateOnly? to) =>
        from is null || to is null ? "Chọn ngày bắt đầu và ngày kết thúc của kỳ báo cáo."
        : to < from ? "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."
        : to.Value.DayNumber - from.Value.DayNumber + 1 > MaxDays ? $"Kỳ báo cáo dài tối đa {MaxDays} ngày."
        : null;

    /// <summary>The preset period around <paramref name="today"/>; "this month" and "this year" end today.</summary>
    public static ReportPeriod Preset(PeriodPreset preset, DateOnly today) => preset switch
    {
        PeriodPreset.ThisMonth => new(new DateOnly(today.Year, today.Month, 1), today),
        PeriodPreset.LastMonth => LastMonth(today),
        PeriodPreset.ThisYear => new(new DateOnly(today.Year, 1, 1), today),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, null),
    };

    /// <summary>The whole calendar month that <paramref name="day"/> falls in (the scorecard and the city report are monthly).</summary>
    public static ReportPeriod MonthOf(DateOnly day)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return new(first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The month picker's choices: the month of <paramref name="today"/> first, then the <paramref name="count"/> − 1 before it.</summary>
    public static IReadOnlyList<ReportPeriod> RecentMonths(DateOnly today, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Enumerable.Range(0, count).Select(i => MonthOf(today.AddMonths(-i))).ToList();
    }

    /// <summary>"11/2026" for a whole month, "01/11/2026 – 15/11/2026" otherwise.</summary>
    public string Label() => IsWholeMonth
        ? From.ToString("MM/yyyy", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{From:dd/MM/yyyy} – {To:dd/MM/yyyy}");

    /// <summary>The period part of a download's name, ASCII only: "2026-11" for a month, else "20261101-20261115".</summary>
    public string FileStem() => IsWholeMonth || (From.Day == 1 && From.Year == To.Year && From.Month == To.Month)
        ? From.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{From:yyyyMMdd}-{To:yyyyMMdd}");

    private bool IsWholeMonth => From.Day == 1 && To == From.AddMonths(1).AddDays(-1);

    private static ReportPeriod LastMonth(DateOnly today) => MonthOf(new DateOnly(today.Year, today.Month, 1).AddMonths(-1));
}
