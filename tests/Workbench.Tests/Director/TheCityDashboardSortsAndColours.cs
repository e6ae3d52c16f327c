using Bunit;
using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Workbench.Components.Pages.Home;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HanoiWorkbench.Workbench.Tests.Director;

public sealed class TheCityDashboardSortsAndColours : BunitContext
{
    private static BranchFigures Row(int id, string code, string name, int waiting, int counters, int? waitMinutes, double? satisfiedToday, int ratingsToday) =>
        new(id, code, name, waiting, waitMinutes is { } m ? TimeSpan.FromMinutes(m) : null, counters, counters, counters, 0, 1, 0, 0.9,
            satisfiedToday, 0.9, ratingsToday);

    private static readonly BranchFigures[] Rows =
    [
        Row(1, "BR01", "Chi nhánh Ba Đình", 5, 3, 10, 0.95, 20),
        Row(2, "BR02", "Chi nhánh Hoàn Kiếm", 20, 2, 35, 0.6, 12),
        Row(3, "BR03", "Chi nhánh Tây Hồ", 12, 2, 20, null, 0),
    ];

    public TheCityDashboardSortsAndColours()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
    }

    private IRenderedComponent<CityTable> Render(IReadOnlyDictionary<int, AlertThresholds>? targets = null) =>
        Render<CityTable>(p => p.Add(t => t.Rows, Rows).Add(t => t.Targets, targets ?? new Dictionary<int, AlertThresholds>()));

    private static IReadOnlyList<string> Codes(IRenderedComponent<CityTable> cut) =>
        cut.FindAll("tbody tr").Select(r => r.GetAttribute("data-branch")!).ToList();

    private static string Level(IRenderedComponent<CityTable> cut, string code, string column) =>
        cut.Find($"tbody tr[data-branch={code}] td[data-col={column}]").GetAttribute("data-level")!;

    [Fact]
    public void Rows_start_by_code_and_every_column_sorts_largest_first_then_reverses()
    {
        var cut = Render();
        Assert.Equal(["BR01", "BR02", "BR03"], Codes(cut));

        cut.Find("[data-sort-key=waiting]").Click();
        Assert.Equal(["BR02", "BR03", "BR01"], Codes(cut));
        cut.Find("[data-sort-key=waiting]").Click();
        Assert.Equal(["BR01", "BR03", "BR02"], Codes(cut));

        cut.Find("[data-sort-key=sat-today]").Click();
        Assert.Equal(["BR01", "BR02", "BR03"], Codes(cut)); // no ratings today sorts last when largest first
        cut.Find("[data-sort-key=name]").Click();
        Assert.Equal(["BR01", "BR02", "BR03"], Codes(cut));
        Assert.Equal("asc", cut.Find("[data-testid=branch-table]").GetAttribute("data-sort-dir"));

        foreach (var key in cut.FindAll("[data-sort-key]").Select(b => b.GetAttribute("data-sort-key")!).ToList())
        {
            cut.Find($"[data-sort-key={key}]").Click();
            Assert.Equal(key, cut.Find("[data-testid=branch-table]").GetAttribute("data-sort"));
            Assert.Equal(3, Codes(cut).Distinct().Count());
        }
    }

    [Fact]
    public void Each_figure_is_coloured_against_its_own_branch_targets()
    {
        var cut = Render();
        Assert.Equal("Over", Level(cut, "BR02", "waiting"));     // 10 per open counter, over 8
        Assert.Equal("Over", Level(cut, "BR02", "longest"));     // 35 minutes, over 30
        Assert.Equal("Over", Level(cut, "BR02", "sat-today"));   // 60 % of 12 ratings, under 80 %
        Assert.Equal("Watch", Level(cut, "BR03", "waiting"));    // 6 per counter: close to 8
        Assert.Equal("Ok", Level(cut, "BR01", "waiting"));
        Assert.Contains("mud-error-text", cut.Find("tbody tr[data-branch=BR02] td[data-col=waiting]").ClassName, StringComparison.Ordinal);

        // Tây Hồ's director asks for more: 5 per counter and 15 minutes.
        var strict = AlertThresholds.Default with { WaitingPerOpenCounter = 5, LongestWait = TimeSpan.FromMinutes(15) };
        cut = Render(new Dictionary<int, AlertThresholds> { [3] = strict });
        Assert.Equal("Over", Level(cut, "BR03", "waiting"));
        Assert.Equal("Over", Level(cut, "BR03", "longest"));
        Assert.Equal("Ok", Level(cut, "BR01", "longest"));
    }
}
