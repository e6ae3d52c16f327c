using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Core.Tests;

public sealed class TheStaffRecordDecidesTheRole
{
    [Theory]
    [InlineData(StaffRole.Clerk, "", false, StaffRole.Clerk)]                        // local account: the record's role
    [InlineData(StaffRole.Admin, "Clerk", false, StaffRole.Admin)]                   // local account: claims are ignored
    [InlineData(StaffRole.Clerk, "Clerk", true, StaffRole.Clerk)]                    // Entra confirms the record
    [InlineData(StaffRole.BranchManager, "branchmanager", true, StaffRole.BranchManager)] // case-insensitive
    [InlineData(StaffRole.Clerk, "Admin,Director", true, null)]                      // Entra cannot grant more than recorded
    [InlineData(StaffRole.Director, "", true, null)]                                 // app role removed: locked out
    [InlineData(StaffRole.Clerk, "7", true, null)]                                   // numbers are not role names
    public void Entra_app_roles_only_confirm_the_recorded_role(StaffRole recorded, string appRoles, bool entra, StaffRole? expected) =>
        Assert.Equal(expected, RoleMapping.Effective(recorded, appRoles.Split(',', StringSplitOptions.RemoveEmptyEntries), entra));
}

public sealed class PoliciesFollowRoles
{
    [Theory]
    [InlineData(Policies.Staff, StaffRole.Clerk, true)]
    [InlineData(Policies.Clerk, StaffRole.Clerk, true)]
    [InlineData(Policies.Clerk, StaffRole.BranchManager, true)]
    [InlineData(Policies.Clerk, StaffRole.Admin, false)]
    [InlineData(Policies.Manager, StaffRole.Clerk, false)]
    [InlineData(Policies.Manager, StaffRole.BranchManager, true)]
    [InlineData(Policies.Manager, StaffRole.Director, true)]
    [InlineData(Policies.Director, StaffRole.BranchManager, false)]
    [InlineData(Policies.Director, StaffRole.Director, true)]
    [InlineData(Policies.Admin, StaffRole.Director, false)]
    [InlineData(Policies.Admin, StaffRole.Admin, true)]
    [InlineData(Policies.Targets, StaffRole.Director, true)]
    [InlineData(Policies.Targets, StaffRole.Admin, true)]
    [InlineData(Policies.Targets, StaffRole.BranchManager, false)]
    [InlineData(Policies.Targets, StaffRole.Clerk, false)]
    [InlineData("Unknown", StaffRole.Admin, false)]
    public void Each_policy_admits_exactly_its_roles(string policy, StaffRole role, bool allowed) =>
        Assert.Equal(allowed, AccessRules.Allows(policy, role));

    [Theory]
    [InlineData(StaffRole.Clerk, 3, 3, 3, true)]
    [InlineData(StaffRole.Clerk, 3, 5, 3, true)]      // handled here now
    [InlineData(StaffRole.Clerk, 3, 5, 6, false)]     // another office's record
    [InlineData(StaffRole.BranchManager, 3, 5, 6, false)]
    [InlineData(StaffRole.Director, 3, 5, 6, true)]
    [InlineData(StaffRole.Admin, 5, 5, 6, false)]   // the administrator runs the system, not the files
    public void Personal_data_is_seen_only_by_the_branches_involved_and_the_directors(StaffRole role, int staffBranch, int receiving, int handling, bool visible) =>
        Assert.Equal(visible, AccessRules.CanSeeApplication(role, staffBranch, receiving, handling));

    [Theory]
    [InlineData(StaffRole.Clerk, 3, 3, false)]
    [InlineData(StaffRole.BranchManager, 3, 3, true)]
    [InlineData(StaffRole.BranchManager, 3, 4, false)]
    [InlineData(StaffRole.Director, 3, 4, true)]
    public void Managers_move_their_own_staff_and_directors_anyone(StaffRole role, int actorBranch, int staffBranch, bool allowed) =>
        Assert.Equal(allowed, AccessRules.CanReassign(role, actorBranch, staffBranch));
}
