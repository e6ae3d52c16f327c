using HanoiWorkbench.Core.Pool;

namespace HanoiWorkbench.Workbench.Components.Pages.Pool;

/// <summary>Vietnamese labels (resource keys) of the pool's enums and figures.</summary>
public static class PoolLabels
{
    public static string Kind(WorkKind kind) => kind switch
    {
        WorkKind.CheckSubmission => "Kiểm tra hồ sơ trực tuyến",
        WorkKind.Process => "Xử lý hồ sơ",
        WorkKind.PrepareResult => "Chuẩn bị kết quả",
        _ => kind.ToString(),
    };

    /// <summary>Slack as "2 giờ 05 phút" or "-0 giờ 30 phút" (already late to start).</summary>
    public static string Duration(TimeSpan t)
    {
        var sign = t < TimeSpan.Zero ? "−" : "";
        var a = t.Duration();
        return a.TotalHours >= 1 ? $"{sign}{(int)a.TotalHours} giờ {a.Minutes:00} phút" : $"{sign}{a.Minutes} phút";
    }

    public static string Load(double load) => double.IsPositiveInfinity(load) ? "∞" : load.ToString("0.00", System.Globalization.CultureInfo.CurrentCulture);
}
