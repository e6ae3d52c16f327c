using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Realtime;
using HanoiWorkbench.Workbench.Tests.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Realtime;

/// <summary>
/// Issue 14, point 3, with real SignalR clients: an anonymous connection joins only a lobby and receives only what a lobby
/// shows; joining a branch or the city is decided by the permission table for every role, at its branch and another.
/// </summary>
public sealed class AnonymousHubClientsSeeOnlyALobby(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_anonymous_lobby_receives_its_calls_and_nothing_else()
    {
        var (lobby, events) = await HubClients.ConnectAsync(factory);
        await using var _ = lobby;
        await lobby.InvokeAsync(nameof(LiveHub.JoinLobby), 31, Ct);
        var bus = factory.Services.GetRequiredService<ILiveEvents>();

        await bus.PublishAsync(LiveEventKind.ApplicationChanged, 31, 900, Ct);
        await bus.PublishAsync(LiveEventKind.StaffAssigned, 31, 901, Ct);
        await bus.PublishAsync(LiveEventKind.WorkItemChanged, null, 902, Ct);
        await bus.PublishAsync(LiveEventKind.TicketChanged, 32, 903, Ct);
        await bus.PublishAsync(LiveEventKind.TicketChanged, 31, 904, Ct); // the only one this lobby shows

        var first = await HubClients.NextOrNothingAsync(events, TimeSpan.FromSeconds(10));
        Assert.Equal((LiveEventKind.TicketChanged, 904L), (first?.Kind, first?.EntityId));
        Assert.Null(await HubClients.NextOrNothingAsync(events, TimeSpan.FromMilliseconds(500)));
    }

    public static TheoryData<string, string> Joins() => new()
    {
        { nameof(LiveHub.JoinBranch), "own" }, { nameof(LiveHub.JoinBranch), "other" }, { nameof(LiveHub.JoinCity), "city" },
    };

    [Theory]
    [MemberData(nameof(Joins))]
    public async Task Joining_a_branch_or_the_city_is_what_the_table_says_for_every_role_and_refused_anonymously(string method, string where)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        var other = await db.Branches.Where(b => b.Code == "BR05").Select(b => b.Id).SingleAsync(Ct);
        var wrong = new List<string>();
        foreach (var account in DemoAccounts.All)
        {
            var s = await db.Staff.AsNoTracking().SingleAsync(x => x.Email == account.Email, Ct);
            var branch = where == "own" ? s.CurrentBranchId : other;
            var (action, target) = method == nameof(LiveHub.JoinCity)
                ? (StaffAction.ViewCityDashboard, PermissionTarget.City) : (StaffAction.ViewBranchBoard, new PermissionTarget(branch));
            var expected = Permissions.Allows(PermissionActor.Of(s.Role, s.HomeBranchId, s.CurrentBranchId), action, target);
            var (connection, _) = await HubClients.ConnectAsync(factory, await HubClients.StaffCookieAsync(factory, account.Email));
            await using (connection)
                if (await JoinedAsync(connection, method, branch) != expected) wrong.Add($"{account.Role}: expected {(expected ? "joined" : "refused")}");
        }
        var (anonymous, _) = await HubClients.ConnectAsync(factory);
        await using (anonymous)
            if (await JoinedAsync(anonymous, method, other)) wrong.Add("anonymous: joined");

        Assert.True(wrong.Count == 0, $"{method} {where}: " + string.Join("; ", wrong));
    }

    private static async Task<bool> JoinedAsync(HubConnection connection, string method, int branchId)
    {
        try
        {
            await (method == nameof(LiveHub.JoinCity) ? connection.InvokeAsync(method, Ct) : connection.InvokeAsync(method, branchId, Ct));
            return true;
        }
        catch (HubException)
        {
            return false;
        }
    }
}
