using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Core.Text;
using MudBlazor;

namespace HanoiWorkbench.Workbench.Components.Pages.Board;

/// <summary>How the board writes durations and colours a figure against the branch's targets.</summary>
internal static class BoardFormat
{
    /// <summary>A wait says its unit: see <see cref="VietnameseWording.Duration"/>.</summary>
    public static string Duration(TimeSpan? span) => VietnameseWording.Duration(span);

    /// <summary>Red past the target, amber past half of it.</summary>
    public static Color WaitColour(TimeSpan? wait, AlertThresholds limits) =>
        wait > limits.LongestWait ? Color.Error : wait > limits.LongestWait / 2 ? Color.Warning : Color.Default;

    public static Color NeedColour(int need, int have) => have < need ? Color.Error : Color.Success;
}
