using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Rules;

/// <summary>Named authorization policies; the Workbench maps each to <see cref="AccessRules.Allows"/>.</summary>
public static class Policies
{
    public const string Staff = "Staff";
    public const string Clerk = "Clerk";
    public const string Manager = "Manager";
    public const string Director = "Director";
    public const string Admin = "Admin";
    /// <summary>Whoever may set the branches' targets (<see cref="StaffAction.SetTargets"/>): directors and administrators.</summary>
    public const string Targets = "Targets";

    public static readonly IReadOnlyList<string> All = [Staff, Clerk, Manager, Director, Admin, Targets];
}

/// <summary>Who may do what, and which branches' records they may see (never another office's records by mistake).</summary>
public static class AccessRules
{
    public static bool Allows(string policy, StaffRole role) => policy switch
    {
        Policies.Staff => true,
        // Managers and directors step in at the counter when a branch is short of people.
        Policies.Clerk => role is StaffRole.Clerk or StaffRole.BranchManager or StaffRole.Director,
        Policies.Manager => role is StaffRole.BranchManager or StaffRole.Director,
        Policies.Director => role is StaffRole.Director,
        Policies.Admin => role is StaffRole.Admin,
        Policies.Targets => Permissions.ScopeOf(role, StaffAction.SetTargets) == PermissionScope.City,
        _ => false,
    };

    /// <summary>True when the role sees every branch; otherwise only the staff member's current branch.</summary>
    public static bool SeesAllBranches(StaffRole role) => role is StaffRole.Director or StaffRole.Admin;

    public static bool CanSeeBranch(StaffRole role, int currentBranchId, int branchId) =>
        SeesAllBranches(role) || currentBranchId == branchId;

    /// <summary>Branch managers move staff within their branch and lend them out; directors move anyone anywhere.</summary>
    public static bool CanReassign(StaffRole role, int actorBranchId, int staffCurrentBranchId) => role switch
    {
        StaffRole.Director => true,
        StaffRole.BranchManager => actorBranchId == staffCurrentBranchId,
        _ => false,
    };

    /// <summary>
    /// Personal data (Decree 13/2023), as <see cref="Permissions"/> says for <see cref="StaffAction.ViewApplication"/>: clerks and
    /// managers see applications the branch they work at received or now handles; directors see all; administrators none (they
    /// run the system, not the citizens' files). Work taken from the citywide pool is handed to the claimer's branch first.
    /// </summary>
    public static bool CanSeeApplication(StaffRole role, int staffBranchId, int receivingBranchId, int handlingBranchId) =>
        Permissions.AllowsAny(PermissionActor.Of(role, staffBranchId, staffBranchId), StaffAction.ViewApplication, receivingBranchId, handlingBranchId);

    public static string RoleLabel(StaffRole role) => role switch
    {
        StaffRole.Clerk => "Cán bộ một cửa",
        StaffRole.BranchManager => "Lãnh đạo chi nhánh",
        StaffRole.Director => "Ban Giám đốc Trung tâm",
        StaffRole.Admin => "Quản trị hệ thống",
        _ => role.ToString(),
    };
}
