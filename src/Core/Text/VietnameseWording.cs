using System.Globalization;
using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Text;

/// <summary>How the workbench writes durations and dates in Vietnamese prose, so a figure always says its unit.</summary>
public static class VietnameseWording
{
    /// <summary>"—", "45 giây", "18 phút", "1 giờ 18 phút": never "01:18", which reads as either hours or minutes.</summary>
    public static string Duration(TimeSpan? span)
    {
        if (span is not { } s) return "—";
        if (s < TimeSpan.Zero) s = TimeSpan.Zero;
        if (s.TotalMinutes < 1) return string.Create(CultureInfo.InvariantCulture, $"{(int)s.TotalSeconds} giây");
        if (s.TotalHours < 1) return string.Create(CultureInfo.InvariantCulture, $"{(int)s.TotalMinutes} phút");
        var hours = (int)s.TotalHours;
        return s.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours} giờ")
            : string.Create(CultureInfo.InvariantCulture, $"{hours} giờ {s.Minutes} phút");
    }

    /// <summary>
    /// A procedure's statutory processing time as the receipt states it: "05 ngày làm việc", "8 giờ làm việc",
    /// "Trong ngày (nhận trước 15 giờ)". Day counts take the two digits documents use for counts.
    /// </summary>
    public static string ProcessingTime(int value, ProcessingUnit unit) => unit switch
    {
        ProcessingUnit.WorkingDays => string.Create(CultureInfo.InvariantCulture, $"{value:00} ngày làm việc"),
        ProcessingUnit.WorkingHours => string.Create(CultureInfo.InvariantCulture, $"{value} giờ làm việc"),
        ProcessingUnit.SameDay => "Trong ngày làm việc (hồ sơ nhận sau 15 giờ trả trong ngày làm việc tiếp theo)",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    /// <summary>
    /// A date as an administrative document writes it (Decree 30/2020/NĐ-CP, Annex I): "ngày 05 tháng 3 năm 2026".
    /// Days below 10 and the months January and February take a leading zero, so "tháng 1" cannot be altered into "tháng 11"
    /// or "tháng 12"; the other months are written without one.
    /// </summary>
    public static string OfficialDate(DateOnly date)
    {
        var month = date.Month <= 2
            ? date.Month.ToString("00", CultureInfo.InvariantCulture)
            : date.Month.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:00} tháng {month} năm {date.Year}");
    }
}
