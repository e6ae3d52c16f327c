using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Rules;

/// <summary>Everything a person can do in the workbench that a permission decides.</summary>
public enum StaffAction
{
    ServeQueue = 0,            // open a counter, call, recall, finish tickets
    ReceiveApplication = 1,    // reception at the counter, checking an online submission
    ViewApplication = 2,       // read a citizen's application (personal data)
    ActOnApplication = 3,      // every status change after reception
    RevealPersonalData = 4,    // see an ID number or phone unmasked
    ClaimPoolWork = 5,
    MovePoolWork = 6,          // move work items between branches
    ExportTrackingBook = 7,
    ViewBranchBoard = 8,
    MoveStaff = 9,             // counters, service groups, absences within a branch
    LendStaff = 10,            // lend someone to another branch
    ViewCityDashboard = 11,
    SetTargets = 12,           // per-branch targets and alert thresholds
    AcknowledgeAlert = 13,
    ViewReports = 14,
    ManageReferenceData = 15,  // branches, counters, procedures, calendar
    ManageAccounts = 16,       // staff records, sign-in accounts
    ViewAudit = 17,
    SetPoolPolicy = 18,        // the city work pool's policy (claim timeout, claims per person)
    RequestCityReport = 19,    // the monthly city report: request it, follow it, download it
}

/// <summary>How far a permission reaches, narrowest first: a wider scope includes the narrower ones.</summary>
public enum PermissionScope
{
    None = 0,
    /// <summary>Only the counter the person sits at.</summary>
    OwnCounter = 1,
    /// <summary>The person's home branch.</summary>
    OwnBranch = 2,
    /// <summary>The home branch and a branch the person is lent to for the current period.</summary>
    LentInBranch = 3,
    /// <summary>All 30 branches.</summary>
    City = 4,
}

/// <summary>Who acts: role, home branch, the branch they are lent to now (if any) and the counter they sit at.</summary>
public sealed record PermissionActor(StaffRole Role, int HomeBranchId, int? LentToBranchId = null, int? CounterId = null)
{
    /// <summary>From a staff record: working away from home means lent to the branch worked at now.</summary>
    public static PermissionActor Of(StaffRole role, int homeBranchId, int currentBranchId, int? counterId = null) =>
        new(role, homeBranchId, currentBranchId != homeBranchId ? currentBranchId : null, counterId);
}

/// <summary>What is acted on: the branch it belongs to and, for counter actions, the counter.</summary>
public sealed record PermissionTarget(int BranchId, int? CounterId = null)
{
    /// <summary>A city-wide target (the dashboard, reference data, accounts).</summary>
    public static PermissionTarget City { get; } = new(0);
}

/// <summary>
/// The one permission table (role × action → scope) that pages, endpoints, hub methods and write services ask.
/// The administrator manages the system but never reads or acts on citizens' applications.
/// </summary>
public static class Permissions
{
    private static readonly Dictionary<(StaffRole, StaffAction), PermissionScope> Table = Build();

    /// <summary>The widest scope <paramref name="role"/> has for <paramref name="action"/>.</summary>
    public static PermissionScope ScopeOf(StaffRole role, StaffAction action) =>
        Table.TryGetValue((role, action), out var scope) ? scope : PermissionScope.None;

    /// <summary>The decision: may this actor do this action on this target?</summary>
    public static bool Allows(PermissionActor actor, StaffAction action, PermissionTarget target)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(target);
        return ScopeOf(actor.Role, action) switch
        {
            PermissionScope.City => true,
            PermissionScope.LentInBranch => target.BranchId == actor.HomeBranchId || target.BranchId == actor.LentToBranchId,
            PermissionScope.OwnBranch => target.BranchId == actor.HomeBranchId,
            PermissionScope.OwnCounter => target.CounterId is { } counter && counter == actor.CounterId
                && (target.BranchId == actor.HomeBranchId || target.BranchId == actor.LentToBranchId),
            _ => false,
        };
    }

    /// <summary>Allowed when the permission reaches any of the branches (an application's receiving or handling branch, a person's home or current one).</summary>
    public static bool AllowsAny(PermissionActor actor, StaffAction action, params int[] branchIds)
    {
        ArgumentNullException.ThrowIfNull(branchIds);
        return branchIds.Any(b => Allows(actor, action, new PermissionTarget(b)));
    }

    /// <summary>The Vietnamese refusal a page or service shows when <see cref="Allows"/> says no.</summary>
    public static string Refusal(StaffAction action) => action switch
    {
        StaffAction.ViewApplication or StaffAction.ActOnApplication or StaffAction.RevealPersonalData =>
            "Anh/chị không có quyền với hồ sơ này (hồ sơ thuộc chi nhánh khác hoặc vai trò không được phép).",
        StaffAction.MoveStaff or StaffAction.LendStaff => "Anh/chị chỉ được điều động cán bộ của chi nhánh mình.",
        StaffAction.ServeQueue => "Anh/chị chỉ được thao tác trên quầy mình đang ngồi.",
        _ => "Anh/chị không có quyền thực hiện thao tác này.",
    };

    /// <summary>Every cell of the table, for the generated allow / deny tests and docs/security.md.</summary>
    public static IEnumerable<(StaffRole Role, StaffAction Action, PermissionScope Scope)> Cells() =>
        from role in Enum.GetValues<StaffRole>()
        from action in Enum.GetValues<StaffAction>()
        select (role, action, ScopeOf(role, action));

    private static Dictionary<(StaffRole, StaffAction), PermissionScope> Build()
    {
        const PermissionScope counter = PermissionScope.OwnCounter, lent = PermissionScope.LentInBranch,
            own = PermissionScope.OwnBranch, city = PermissionScope.City;
        var table = new Dictionary<(StaffRole, StaffAction), PermissionScope>();
        void Grant(StaffRole role, PermissionScope scope, params StaffAction[] actions)
        {
            foreach (var action in actions) table[(role, action)] = scope;
        }

        // The clerk works where they sit: their counter, their branch and the branch they are lent to; work from the
        // citywide pool becomes their branch's when claimed, so pool claims are city-wide.
        Grant(StaffRole.Clerk, counter, StaffAction.ServeQueue);
        Grant(StaffRole.Clerk, lent, StaffAction.ReceiveApplication, StaffAction.ViewApplication, StaffAction.ActOnApplication,
            StaffAction.RevealPersonalData, StaffAction.ExportTrackingBook);
        Grant(StaffRole.Clerk, city, StaffAction.ClaimPoolWork);

        // The manager steps in at any counter of the branch, runs the branch's people and reports.
        Grant(StaffRole.BranchManager, lent, StaffAction.ServeQueue, StaffAction.ReceiveApplication, StaffAction.ViewApplication,
            StaffAction.ActOnApplication, StaffAction.RevealPersonalData, StaffAction.ExportTrackingBook, StaffAction.ViewBranchBoard,
            StaffAction.MoveStaff);
        Grant(StaffRole.BranchManager, own, StaffAction.LendStaff, StaffAction.MovePoolWork, StaffAction.ViewReports, StaffAction.AcknowledgeAlert);
        Grant(StaffRole.BranchManager, city, StaffAction.ClaimPoolWork);

        // The director sees and moves everything in the city.
        Grant(StaffRole.Director, city, StaffAction.ServeQueue, StaffAction.ReceiveApplication, StaffAction.ViewApplication,
            StaffAction.ActOnApplication, StaffAction.RevealPersonalData, StaffAction.ClaimPoolWork, StaffAction.MovePoolWork,
            StaffAction.ExportTrackingBook, StaffAction.ViewBranchBoard, StaffAction.MoveStaff, StaffAction.LendStaff,
            StaffAction.ViewCityDashboard, StaffAction.SetTargets, StaffAction.SetPoolPolicy, StaffAction.AcknowledgeAlert, StaffAction.ViewReports,
            StaffAction.RequestCityReport);

        // The administrator runs the system (reference data, accounts, the audit, the branches' targets), not the citizens' files.
        Grant(StaffRole.Admin, city, StaffAction.ManageReferenceData, StaffAction.ManageAccounts, StaffAction.ViewAudit, StaffAction.SetTargets);
        return table;
    }
}
