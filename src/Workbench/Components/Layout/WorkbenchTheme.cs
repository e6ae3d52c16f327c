using MudBlazor;

namespace HanoiWorkbench.Workbench.Components.Layout;

/// <summary>One theme for the whole workbench; system fonts only (the intranet has no internet, so no web fonts from a CDN).</summary>
public static class WorkbenchTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#b71c1c",
            Secondary = "#1565c0",
            AppbarBackground = "#b71c1c",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Segoe UI", "DejaVu Sans", "Noto Sans", "Arial", "sans-serif"] },
        },
    };
}
