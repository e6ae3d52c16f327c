using System.Globalization;
using HanoiWorkbench.Core.Monitoring;
using MudBlazor;

namespace HanoiWorkbench.Workbench.Components.Pages.Board;

/// <summary>How the board writes durations and colours a figure against the branch's targets.</summary>
internal static class BoardFormat
{
    /// <summary>"—", "45 giây", "12 phút", "1 giờ 05 phút": a wait says its unit.</summary>
    public static string Duration(TimeSpan? span) => span switch
    {
        null => "—",
        { TotalMinutes: < 1 } s => string.Create(CultureInfo.InvariantCulture, $"{(int)s.TotalSeconds} giây"),
        { TotalHours: < 1 } s => string.Create(CultureInfo.InvariantCulture, $"{(int)s.TotalMinutes} phút"),
        var s => string.Create(CultureInfo.InvariantCulture, $"{(int)s.Value.TotalHours} giờ {s.Value.Minutes:00} phút"),
    };

    /// <summary>Red past the target, amber past half of it.</summary>
    public static Color WaitColour(TimeSpan? wait, AlertThresholds limits) =>
        wait > limits.LongestWait ? Color.Error : wait > limits.LongestWait / 2 ? Color.Warning : Color.Default;

    public static Color NeedColour(int need, int have) => have < need ? Color.Error : Color.Success;
}
