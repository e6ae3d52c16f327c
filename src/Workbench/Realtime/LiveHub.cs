using System.Globalization;
using HanoiWorkbench.Core.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace HanoiWorkbench.Workbench.Realtime;

/// <summary>What the hub sends to its clients (lobby displays, dashboards in other processes, .NET clients).</summary>
public interface ILiveClient
{
    Task Live(LiveEvent e);
}

/// <summary>
/// Strongly typed hub at /hubs/live. Public screens (lobby display, kiosk) join their branch's group anonymously: the
/// events carry only ids, never personal data. The city group is for directors' dashboards.
/// </summary>
[AllowAnonymous]
public sealed class LiveHub : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";
    public const string CityGroup = "city";

    public static string BranchGroup(int branchId) => "branch:" + branchId.ToString(CultureInfo.InvariantCulture);

    public Task JoinBranch(int branchId) => Groups.AddToGroupAsync(Context.ConnectionId, BranchGroup(branchId));

    public Task LeaveBranch(int branchId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, BranchGroup(branchId));

    public Task JoinCity() => Groups.AddToGroupAsync(Context.ConnectionId, CityGroup);
}
