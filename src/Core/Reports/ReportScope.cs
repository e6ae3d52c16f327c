using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Core.Reports;

/// <summary>Which branch's report someone may read: the permission table's <see cref="StaffAction.ViewReports"/>.</summary>
public static class ReportScope
{
    public const string Refused = "Anh/chị chỉ được xem báo cáo của chi nhánh mình.";

    /// <summary>What opens first: the whole city for those who may see it, else the person's own branch.</summary>
    public static int? Default(PermissionActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return May(actor, null) ? null : actor.HomeBranchId;
    }

    /// <summary>True when the actor may read the report of <paramref name="branchId"/> (null = the whole city).</summary>
    public static bool May(PermissionActor actor, int? branchId) =>
        Permissions.Allows(actor, StaffAction.ViewReports, branchId is { } id ? new PermissionTarget(id) : PermissionTarget.City);

    /// <summary>The actor for a signed-in staff member: lent when the current branch is not the home branch.</summary>
    public static PermissionActor Actor(StaffRole role, int homeBranchId, int currentBranchId) =>
        new(role, homeBranchId, currentBranchId == homeBranchId ? null : currentBranchId);
}
