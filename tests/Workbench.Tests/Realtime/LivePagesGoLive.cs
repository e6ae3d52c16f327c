using System.Security.Claims;
using Bunit;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Queue;
using HanoiWorkbench.Workbench.Auth;
using HanoiWorkbench.Workbench.Components.Pages.Home;
using HanoiWorkbench.Workbench.Components.Pages.Public;
using HanoiWorkbench.Workbench.Components.Pages.Queue;
using HanoiWorkbench.Workbench.Realtime;
using HanoiWorkbench.Workbench.Tests.Admin;
using HanoiWorkbench.Workbench.Tests.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Workbench.Tests.Realtime;

/// <summary>
/// The counter page, the kiosk and the director's city view on the real bus and a seeded SQLite copy, on Monday 9 March
/// 2026 at 09:00: each subscribes after its first render, re-reads once for someone else's change, not again for its own,
/// and unsubscribes when disposed.
/// </summary>
public sealed class LivePagesGoLive : ShellTestContext, IAsyncLifetime
{
    private SeededDatabase? _database;

    private IDbContextFactory<WorkbenchDbContext> Db => _database!.Factory;
    private LiveEventBus _bus = default!;
    private QueueService _queue = default!;
    private Staff _clerk = default!;
    private int _group;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SeededDatabase.CreateAsync();
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(7))));
        Services.AddWorkbenchRealtime(new ConfigurationBuilder().Build());
        Services.AddWorkbenchData(_database.Configuration, _database.Folder);
        HanoiWorkbench.Workbench.Hosting.KioskLimits.AddKioskLimits(Services, new ConfigurationBuilder().Build()); // the kiosk takes tickets through its per-device limit
        // The kiosk prints each ticket's rating link.
        Services.AddSingleton(HanoiWorkbench.Workbench.Hosting.PublicLinks.FromConfiguration(new ConfigurationBuilder().Build()));
        Services.AddSingleton<HanoiWorkbench.Workbench.Hosting.RatingLinks>();
        _bus = Services.GetRequiredService<LiveEventBus>();
        _queue = Services.GetRequiredService<QueueService>();

        await using var db = await Db.CreateDbContextAsync(Ct);
        _clerk = await db.Staff.AsNoTracking().SingleAsync(s => s.Email == DemoAccounts.Clerk.Email, Ct);
        var counter = await db.Counters.Where(c => c.BranchId == _clerk.CurrentBranchId).OrderBy(c => c.Number).FirstAsync(Ct);
        // The clerk serves what the manager configured the counter for (a session choice within it).
        var groups = await db.Counters.Where(c => c.Id == counter.Id).SelectMany(c => c.ServiceGroups).OrderBy(g => g.Letter).Select(g => g.Id).ToListAsync(Ct);
        _group = groups[0];
        await _queue.OpenCounterAsync(_clerk.Id, counter.Id, groups, Ct);
        await _queue.IssueTicketAsync(_clerk.CurrentBranchId, _group, PriorityCategory.None, Ct);
        Render<MudBlazor.MudPopoverProvider>();
        Render<MudBlazor.MudSnackbarProvider>();
    }

    private async Task<IRenderedComponent<CascadingValue<Task<AuthenticationState>>>> RenderCounterPageAsync()
    {
        await using var db = await Db.CreateDbContextAsync(Ct);
        var userId = await db.Users.Where(u => u.StaffId == _clerk.Id).Select(u => u.Id).SingleAsync(Ct);
        var signedIn = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.NameIdentifier, userId) }, "Identity.Application"));
        var clerk = await new StaffClaimsTransformation(Db, new EntraRoleMode(false)).TransformAsync(signedIn);
        return Render<CascadingValue<Task<AuthenticationState>>>(p => p
            .Add(c => c.Value, Task.FromResult(new AuthenticationState(clerk)))
            .AddChildContent<CounterPage>());
    }

    private static void AssertSettled(LiveRefreshState? state, int received, int reads)
    {
        Assert.NotNull(state);
        Assert.True(state.Live);
        Assert.Equal(received, state.Received);
        Assert.Equal(reads, state.Reads);
        Assert.True(state.Idle);
    }

    [Fact]
    public async Task The_counter_page_reads_once_for_a_ticket_taken_elsewhere_and_not_again_for_its_own_call()
    {
        var subscribers = _bus.SubscriberCount;
        var cut = await RenderCounterPageAsync();
        var page = cut.FindComponent<CounterPage>();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=waiting-total]").TextContent));
        Assert.Equal(subscribers + 1, _bus.SubscriberCount);

        await _queue.IssueTicketAsync(_clerk.CurrentBranchId, _group, PriorityCategory.None, Ct); // the kiosk
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=waiting-total]").TextContent));
        cut.WaitForAssertion(() => AssertSettled(page.Instance.LiveState, received: 1, reads: 1));

        await cut.Find("[data-testid=call-next]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.Find("[data-testid=current-number]").TextContent));
        // Its two events (ticket called, counter serving) arrive, and are skipped: the read after the click showed them.
        cut.WaitForAssertion(() => AssertSettled(page.Instance.LiveState, received: 3, reads: 2));

        await DisposeComponentsAsync();
        Assert.Equal(subscribers, _bus.SubscriberCount);
    }

    [Fact]
    public async Task The_kiosk_shows_a_ticket_taken_at_another_kiosk_with_one_read()
    {
        var cut = Render<Kiosk>(p => p.Add(k => k.BranchCode, "BR03"));
        var letter = cut.WaitForElement("[data-testid^=group-]").GetAttribute("data-testid")!;
        var waiting = () => cut.Find($"[data-testid={letter}] .kiosk-tile-sub").TextContent;
        cut.WaitForAssertion(() => Assert.StartsWith("1 ", waiting(), StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.True(cut.Instance.LiveState?.Live));

        await _queue.IssueTicketAsync(_clerk.CurrentBranchId, _group, PriorityCategory.None, Ct);
        cut.WaitForAssertion(() => Assert.StartsWith("2 ", waiting(), StringComparison.Ordinal));
        cut.WaitForAssertion(() => AssertSettled(cut.Instance.LiveState, received: 1, reads: 1));
    }

    [Fact]
    public async Task The_city_view_reads_for_any_branch_and_shows_the_sequence_it_has_applied()
    {
        await Services.GetRequiredService<CityLive>().StartAsync(Ct);
        var cut = Render<DirectorHome>();
        cut.WaitForAssertion(() => Assert.Equal("on", cut.Find("[data-testid=branch-table]").GetAttribute("data-live")));

        await _bus.PublishAsync(LiveEventKind.ApplicationChanged, 7, 1, Ct);
        cut.WaitForAssertion(() => AssertSettled(cut.Instance.LiveState, received: 1, reads: 1));
        var applied = cut.Instance.LiveState!.Applied;
        Assert.NotNull(applied);
        cut.WaitForAssertion(() => Assert.Equal(applied.ToString(), cut.Find("[data-testid=branch-table]").GetAttribute("data-live-seq")));

        var page = cut.Instance;
        var city = Services.GetRequiredService<CityLive>();
        var viewers = city.ViewerCount;
        await DisposeComponentsAsync();
        await _bus.PublishAsync(LiveEventKind.ApplicationChanged, 7, 2, Ct);
        Assert.Equal(viewers - 1, city.ViewerCount);
        Assert.Equal(new LiveRefreshState(false, applied, 1, 1, true), page.LiveState);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database?.Dispose();
    }
}
