using Bunit;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Data.Monitoring;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Auth;
using HanoiWorkbench.Workbench.Components.Layout;
using HanoiWorkbench.Workbench.Components.Pages.Director.Alerts;
using HanoiWorkbench.Workbench.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.LivePages;

/// <summary>
/// Issue #11 pt 3 on the real bus and projection: a burst of walk-ins at the clerk's branch (one counter open) raises an alert
/// that reaches the director's badge live; the acknowledgement dialog refuses an empty note in Vietnamese and changes
/// nothing, and a note acknowledges it with who and when.
/// </summary>
public sealed class TheAlertBadgeAndAcknowledgement : LiveBranchContext
{
    private async Task<CurrentStaff> DirectorAsync()
    {
        await using var db = await Db.CreateDbContextAsync(Ct);
        var d = await db.Staff.AsNoTracking().SingleAsync(s => s.Email == DemoAccounts.Director.Email, Ct);
        return new CurrentStaff(d.Id, d.FullName, d.Role, d.CurrentBranchId, d.HomeBranchId);
    }

    /// <summary>The projection and the evaluator running as at start-up, with whatever the seeded city raises already stored.</summary>
    private async Task<AlertWatch> WatchAsync()
    {
        await Services.GetRequiredService<CityLive>().StartAsync(Ct);
        var watch = Services.GetRequiredService<AlertWatch>();
        await watch.StartAsync(Ct);
        await watch.Idle;
        return watch;
    }

    private async Task<List<Alert>> CrowdAlertsAsync()
    {
        await using var db = await Db.CreateDbContextAsync(Ct);
        return await db.Alerts.AsNoTracking().Where(a => a.BranchId == Clerk.CurrentBranchId && a.Kind == AlertKind.WaitingPerCounterOverLimit).ToListAsync(Ct);
    }

    [Fact]
    public async Task A_burst_of_walk_ins_raises_one_alert_and_the_badge_counts_it_live()
    {
        var watch = await WatchAsync();
        var director = await DirectorAsync();
        var badge = Render<AlertBadge>(p => p.Add(b => b.Me, director));
        badge.WaitForAssertion(() => Assert.Equal("on", badge.Find("[data-testid=alert-badge]").GetAttribute("data-live")));
        var before = int.Parse(badge.Find("[data-testid=alert-badge]").GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("off", badge.Find("[data-testid=alert-sound]").GetAttribute("data-sound")); // off by default

        for (var i = 0; i < 12; i++) await Queue.IssueTicketAsync(Clerk.CurrentBranchId, GroupId, PriorityCategory.None, Ct);

        badge.WaitForAssertion(() => Assert.Equal((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            badge.Find("[data-testid=alert-badge]").GetAttribute("data-count")));
        await watch.Idle;
        Assert.Single(await CrowdAlertsAsync());
    }

    [Fact]
    public async Task The_dialog_refuses_an_empty_note_and_changes_nothing_then_a_note_acknowledges_with_who_and_when()
    {
        await WatchAsync();
        for (var i = 0; i < 12; i++) await Queue.IssueTicketAsync(Clerk.CurrentBranchId, GroupId, PriorityCategory.None, Ct);
        await Services.GetRequiredService<AlertWatch>().Idle;
        var alerts = Services.GetRequiredService<Alerts>();
        var director = await DirectorAsync();
        var line = Assert.Single((await alerts.ListAsync(new PermissionActor(director.Role, director.HomeBranchId),
            new AlertFilter(BranchId: Clerk.CurrentBranchId, Kind: AlertKind.WaitingPerCounterOverLimit), Ct)).Lines);
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        await dialogs.InvokeAsync(() => Services.GetRequiredService<MudBlazor.IDialogService>().ShowAsync<AcknowledgeAlertDialog>("",
            new MudBlazor.DialogParameters<AcknowledgeAlertDialog> { { d => d.Line, line }, { d => d.StaffId, director.StaffId } }));
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=acknowledge-confirm]")));

        dialogs.Find("[data-testid=acknowledge-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Ghi chú xử lý không được để trống.", dialogs.Markup));
        var untouched = Assert.Single(await CrowdAlertsAsync());
        Assert.Equal((AlertState.Open, (string?)null, line.Version), (untouched.State, untouched.AcknowledgementNote, untouched.Version));

        dialogs.Find("#alert-note").Change("Đã mở thêm quầy 2 và 3");
        dialogs.Find("[data-testid=acknowledge-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=acknowledge-dialog]")));
        var done = Assert.Single(await CrowdAlertsAsync());
        Assert.Equal((AlertState.Acknowledged, (string?)"Đã mở thêm quầy 2 và 3", (int?)director.StaffId, (DateTimeOffset?)Clock.GetUtcNow()),
            (done.State, done.AcknowledgementNote, done.AcknowledgedByStaffId, done.AcknowledgedAt));
        await using var db = await Db.CreateDbContextAsync(Ct);
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == nameof(Alert), Ct);
        Assert.Equal((Alerts.AcknowledgeAction, (int?)director.StaffId), (audit.Action, audit.StaffId));
    }
}
