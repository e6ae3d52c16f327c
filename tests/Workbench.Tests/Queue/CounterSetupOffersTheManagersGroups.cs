using AngleSharp.Html.Dom;
using Bunit;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data.Queue;
using HanoiWorkbench.Workbench.Components.Pages.Queue;
using HanoiWorkbench.Workbench.Tests.Admin;
using HanoiWorkbench.Workbench.Tests.Shell;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Workbench.Tests.Queue;

/// <summary>Issue 10, point 6: the clerk chooses, for the session, only among the groups the manager configured for the counter.</summary>
public sealed class CounterSetupOffersTheManagersGroups : ShellTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static async Task<List<ServiceGroup>> GroupsAsync()
    {
        using var database = await SeededDatabase.CreateAsync();
        await using var db = database.Factory.CreateDbContext();
        return await db.ServiceGroups.AsNoTracking().OrderBy(g => g.Letter).ToListAsync(Ct);
    }

    private static int Id(List<ServiceGroup> groups, string letter) => groups.Single(g => g.Letter == letter).Id;

    private static CounterDesk Desk(List<ServiceGroup> groups, DeskCounter? mine, params DeskCounter[] counters) =>
        new(3, "Chi nhánh số 1 (Tây Hồ)", mine, null, [], [], counters, groups);

    [Fact]
    public async Task Only_the_configured_groups_are_offered_and_the_sessions_choice_is_ticked()
    {
        var groups = await GroupsAsync();
        var (a, b, c) = (Id(groups, "A"), Id(groups, "B"), Id(groups, "C"));
        var one = new DeskCounter(11, 1, "Quầy 1", false, CounterStatus.Idle, [b], null, [a, b]);
        var two = new DeskCounter(12, 2, "Quầy 2", false, CounterStatus.Idle, [c], null, [c]);
        (int Counter, IReadOnlyCollection<int> Groups)? opened = null;

        var cut = Render<CounterSetup>(p => p.Add(s => s.Desk, Desk(groups, one, one, two))
            .Add(s => s.OnOpen, ((int CounterId, IReadOnlyCollection<int> Groups) choice) => opened = choice));

        var offered = cut.FindAll("[data-testid^=counter-group-]").Select(e => e.GetAttribute("data-testid")).ToList();
        Assert.Equal(["counter-group-A", "counter-group-B"], offered);
        Assert.False(IsChecked(cut, "A"));
        Assert.True(IsChecked(cut, "B"));
        cut.Find("[data-testid=open-counter]").Click();
        Assert.Equal(11, opened!.Value.Counter);
        Assert.Equal([b], opened.Value.Groups);
    }

    [Fact]
    public async Task A_counter_without_configured_groups_says_to_ask_the_manager_and_cannot_be_opened()
    {
        var groups = await GroupsAsync();
        var bare = new DeskCounter(13, 3, "Quầy 3", false, CounterStatus.Idle, [], null, []);

        var cut = Render<CounterSetup>(p => p.Add(s => s.Desk, Desk(groups, bare, bare)));

        Assert.Empty(cut.FindAll("[data-testid^=counter-group-]"));
        Assert.Contains("hãy báo lãnh đạo chi nhánh", cut.Find("[data-testid=counter-no-groups]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=open-counter]").HasAttribute("disabled"));
    }

    private static bool IsChecked(IRenderedComponent<CounterSetup> cut, string letter) =>
        ((IHtmlInputElement)cut.Find($"input[data-testid=counter-group-{letter}], [data-testid=counter-group-{letter}] input")).IsChecked;
}
