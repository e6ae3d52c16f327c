using System.Globalization;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Workbench.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace HanoiWorkbench.Workbench.Realtime;

/// <summary>What the hub sends to its clients (lobby displays, dashboards in other processes, .NET clients).</summary>
public interface ILiveClient
{
    Task Live(LiveEvent e);
}

/// <summary>
/// Strongly typed hub at /hubs/live. Anyone may connect, and an anonymous connection may join only a branch's lobby group,
/// which receives only what a lobby screen shows (<see cref="ShownInLobby"/>: calls and counters, ids only). The branch and
/// city groups (every kind of event) need a signed-in staff member whose scope the permission table grants:
/// <see cref="StaffAction.ViewBranchBoard"/> for the branch, <see cref="StaffAction.ViewCityDashboard"/> for the city.
/// </summary>
[AllowAnonymous]
public sealed class LiveHub : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";
    public const string CityGroup = "city";
    /// <summary>Every staff connection that joined a branch or the city: events without a branch go there, not to lobbies.</summary>
    public const string StaffGroup = "staff";

    public static string BranchGroup(int branchId) => "branch:" + branchId.ToString(CultureInfo.InvariantCulture);

    public static string LobbyGroup(int branchId) => "lobby:" + branchId.ToString(CultureInfo.InvariantCulture);

    /// <summary>What a lobby display may receive: ticket calls and counter changes, and the resync after an outage.</summary>
    public static bool ShownInLobby(LiveEventKind kind) => kind is LiveEventKind.TicketChanged or LiveEventKind.CounterChanged or LiveEventKind.Resync;

    public override Task OnConnectedAsync()
    {
        HanoiWorkbench.Data.WorkbenchMetrics.HubConnections.Add(1);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        HanoiWorkbench.Data.WorkbenchMetrics.HubConnections.Add(-1);
        return base.OnDisconnectedAsync(exception);
    }

    public Task JoinLobby(int branchId) => Groups.AddToGroupAsync(Context.ConnectionId, LobbyGroup(branchId));

    public Task LeaveLobby(int branchId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, LobbyGroup(branchId));

    public async Task JoinBranch(int branchId)
    {
        Require(StaffAction.ViewBranchBoard, new PermissionTarget(branchId));
        await Groups.AddToGroupAsync(Context.ConnectionId, StaffGroup);
        await Groups.AddToGroupAsync(Context.ConnectionId, BranchGroup(branchId));
    }

    public Task LeaveBranch(int branchId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, BranchGroup(branchId));

    public async Task JoinCity()
    {
        Require(StaffAction.ViewCityDashboard, PermissionTarget.City);
        await Groups.AddToGroupAsync(Context.ConnectionId, StaffGroup);
        await Groups.AddToGroupAsync(Context.ConnectionId, CityGroup);
    }

    // The connection's user is the one its negotiate request authenticated (cookie), with the staff claims read then.
    private void Require(StaffAction action, PermissionTarget target)
    {
        var me = Context.User is { } user ? CurrentStaff.From(user) : null;
        if (me is null || !Permissions.Allows(PermissionActor.Of(me.Role, me.HomeBranchId, me.BranchId), action, target))
            throw new HubException(me is null ? "Cần đăng nhập bằng tài khoản cán bộ để theo dõi nhóm này." : Permissions.Refusal(action));
    }
}
