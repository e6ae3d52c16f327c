using Bunit;
using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Data.Monitoring;
using HanoiWorkbench.Data.Queries;
using HanoiWorkbench.Workbench.Components.Pages.Director.Map;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HanoiWorkbench.Workbench.Tests.Director;

public sealed class CityMapShowsTheLoad : BunitContext
{
    private static readonly MapBranch[] Branches =
    [
        new(1, "BR01", "Chi nhánh Ba Đình", "25 Liễu Giai", new GeoPoint(105.8175, 21.0338)),
        new(2, "BR02", "Chi nhánh số 3 (Hoàn Kiếm)", "126 Hàng Trống", new GeoPoint(105.8502, 21.0282)),
        new(3, "BR03", "Chi nhánh số 1 (Tây Hồ)", "258 Võ Chí Công", new GeoPoint(105.8050, 21.0655)),
    ];

    private static readonly Dictionary<int, BranchLoadRow> Loads = new()
    {
        [1] = new(1, "BR01", "Chi nhánh Ba Đình", 5, 3, 3, 10, 0, 2),
        [2] = new(2, "BR02", "Chi nhánh số 3 (Hoàn Kiếm)", 4, 0, 0, 10, 0, 3),
        [3] = new(3, "BR03", "Chi nhánh số 1 (Tây Hồ)", 6, 4, 4, 10, 0, 20),
    };

    public CityMapShowsTheLoad()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
    }

    [Fact]
    public void Each_branch_is_a_dot_coloured_by_its_load_and_sized_by_its_queue()
    {
        var cut = Render<CityMap>(p => p
            .Add(m => m.Branches, Branches)
            .Add(m => m.Loads, Loads)
            .Add(m => m.LongestWaits, new Dictionary<int, TimeSpan> { [3] = TimeSpan.FromMinutes(40) }));

        Assert.Equal("Calm", cut.Find("[data-testid=map-branch-BR01]").GetAttribute("data-level"));
        Assert.Equal("Overloaded", cut.Find("[data-testid=map-branch-BR02]").GetAttribute("data-level"));   // waiting, no counter open
        Assert.Equal("Overloaded", cut.Find("[data-testid=map-branch-BR03]").GetAttribute("data-level"));   // 40 min wait
        var small = double.Parse(cut.Find("[data-testid=map-branch-BR01] circle").GetAttribute("r")!, System.Globalization.CultureInfo.InvariantCulture);
        var large = double.Parse(cut.Find("[data-testid=map-branch-BR03] circle").GetAttribute("r")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(large > small);
        Assert.StartsWith("M", cut.Find("path").GetAttribute("d"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_click_on_a_dot_selects_that_branch()
    {
        int? selected = null;
        var cut = Render<CityMap>(p => p
            .Add(m => m.Branches, Branches)
            .Add(m => m.Loads, Loads)
            .Add(m => m.OnSelect, (int id) => selected = id));

        cut.Find("[data-testid=map-branch-BR02]").Click();

        Assert.Equal(2, selected);
    }
}
