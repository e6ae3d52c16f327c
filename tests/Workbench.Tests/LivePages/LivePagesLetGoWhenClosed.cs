using Bunit;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Workbench.Components.Pages.Home;
using HanoiWorkbench.Workbench.Components.Pages.Queue;
using HanoiWorkbench.Workbench.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.LivePages;

/// <summary>
/// A live page subscribes after its first render and lets go when it is closed: a page left behind would keep a circuit's
/// handler on the bus (and, for the city view, a viewer of the projection) for every event of the day.
/// </summary>
public sealed class LivePagesLetGoWhenClosed : LiveBranchContext
{
    [Fact]
    public async Task The_counter_page_subscribes_once_and_unsubscribes_when_closed()
    {
        var subscribers = Bus.SubscriberCount;
        var cut = await RenderAsAsync<CounterPage>(Clerk.Id);
        var page = cut.FindComponent<CounterPage>();
        cut.WaitForAssertion(() => Assert.True(page.Instance.LiveState?.Live));
        Assert.Equal(subscribers + 1, Bus.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(subscribers, Bus.SubscriberCount);
    }

    [Fact]
    public async Task The_city_view_shows_the_sequence_it_applied_and_stops_following_when_closed()
    {
        var city = Services.GetRequiredService<CityLive>();
        await city.StartAsync(Ct);
        var cut = Render<DirectorHome>();
        cut.WaitForAssertion(() => Assert.Equal("on", cut.Find("[data-testid=branch-table]").GetAttribute("data-live")));
        await Bus.PublishAsync(LiveEventKind.ApplicationChanged, 7, 1, Ct);
        cut.WaitForAssertion(() => AssertSettled(cut.Instance.LiveState, received: 1, reads: 1));
        var applied = cut.Instance.LiveState!.Applied;
        Assert.NotNull(applied);
        cut.WaitForAssertion(() => Assert.Equal(applied.ToString(), cut.Find("[data-testid=branch-table]").GetAttribute("data-live-seq")));

        var page = cut.Instance;
        var viewers = city.ViewerCount;
        await DisposeComponentsAsync();
        await Bus.PublishAsync(LiveEventKind.ApplicationChanged, 7, 2, Ct);

        Assert.Equal(viewers - 1, city.ViewerCount);
        Assert.Equal(new LiveRefreshState(false, applied, 1, 1, true), page.LiveState); // the closed page took no further event
    }
}
