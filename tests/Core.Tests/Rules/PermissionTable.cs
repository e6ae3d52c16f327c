using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Core.Tests.Rules;

public class PermissionTable
{
    private const int Home = 3, LentTo = 9, Elsewhere = 20, MyCounter = 31, OtherCounter = 32;

    // role, action, target branch (H = home, L = lent-to, E = elsewhere), counter (M = mine, O = other, - = none), allowed
    [Theory]
    [InlineData(StaffRole.Clerk, StaffAction.ServeQueue, 'H', 'M', true)]
    [InlineData(StaffRole.Clerk, StaffAction.ServeQueue, 'H', 'O', false)]
    [InlineData(StaffRole.Clerk, StaffAction.ServeQueue, 'L', 'M', true)]
    [InlineData(StaffRole.Clerk, StaffAction.ServeQueue, 'E', 'M', false)]
    [InlineData(StaffRole.Clerk, StaffAction.ReceiveApplication, 'H', '-', true)]
    [InlineData(StaffRole.Clerk, StaffAction.ViewApplication, 'L', '-', true)]
    [InlineData(StaffRole.Clerk, StaffAction.ViewApplication, 'E', '-', false)]
    [InlineData(StaffRole.Clerk, StaffAction.ActOnApplication, 'E', '-', false)]
    [InlineData(StaffRole.Clerk, StaffAction.ClaimPoolWork, 'E', '-', true)]
    [InlineData(StaffRole.Clerk, StaffAction.MovePoolWork, 'H', '-', false)]
    [InlineData(StaffRole.Clerk, StaffAction.MoveStaff, 'H', '-', false)]
    [InlineData(StaffRole.Clerk, StaffAction.ViewCityDashboard, 'H', '-', false)]
    [InlineData(StaffRole.BranchManager, StaffAction.ServeQueue, 'H', 'O', true)]
    [InlineData(StaffRole.BranchManager, StaffAction.MoveStaff, 'H', '-', true)]
    [InlineData(StaffRole.BranchManager, StaffAction.MoveStaff, 'L', '-', true)]
    [InlineData(StaffRole.BranchManager, StaffAction.MoveStaff, 'E', '-', false)]
    [InlineData(StaffRole.BranchManager, StaffAction.LendStaff, 'H', '-', true)]
    [InlineData(StaffRole.BranchManager, StaffAction.LendStaff, 'L', '-', false)]
    [InlineData(StaffRole.BranchManager, StaffAction.ViewBranchBoard, 'E', '-', false)]
    [InlineData(StaffRole.BranchManager, StaffAction.ViewCityDashboard, 'H', '-', false)]
    [InlineData(StaffRole.BranchManager, StaffAction.ManageAccounts, 'H', '-', false)]
    [InlineData(StaffRole.Director, StaffAction.MoveStaff, 'E', '-', true)]
    [InlineData(StaffRole.Director, StaffAction.ViewApplication, 'E', '-', true)]
    [InlineData(StaffRole.Director, StaffAction.ViewCityDashboard, 'E', '-', true)]
    [InlineData(StaffRole.Director, StaffAction.ManageAccounts, 'H', '-', false)]
    [InlineData(StaffRole.Admin, StaffAction.ViewApplication, 'H', '-', false)]
    [InlineData(StaffRole.Admin, StaffAction.ActOnApplication, 'H', '-', false)]
    [InlineData(StaffRole.Admin, StaffAction.RevealPersonalData, 'H', '-', false)]
    [InlineData(StaffRole.Admin, StaffAction.ExportTrackingBook, 'H', '-', false)]
    [InlineData(StaffRole.Admin, StaffAction.ManageAccounts, 'E', '-', true)]
    [InlineData(StaffRole.Admin, StaffAction.ManageReferenceData, 'E', '-', true)]
    public void Role_action_and_target_decide(StaffRole role, StaffAction action, char branch, char counter, bool allowed)
    {
        var actor = new PermissionActor(role, Home, LentTo, MyCounter);
        var target = new PermissionTarget(branch switch { 'H' => Home, 'L' => LentTo, _ => Elsewhere },
            counter switch { 'M' => MyCounter, 'O' => OtherCounter, _ => null });

        Assert.Equal(allowed, Permissions.Allows(actor, action, target));
    }

    [Fact]
    public void Without_a_lend_the_lent_in_scope_is_the_home_branch_only()
    {
        var actor = new PermissionActor(StaffRole.Clerk, Home);

        Assert.True(Permissions.Allows(actor, StaffAction.ViewApplication, new PermissionTarget(Home)));
        Assert.False(Permissions.Allows(actor, StaffAction.ViewApplication, new PermissionTarget(LentTo)));
        Assert.False(Permissions.Allows(actor, StaffAction.ServeQueue, new PermissionTarget(Home, MyCounter)));
    }

    [Fact]
    public void Every_cell_is_decided_by_its_scope()
    {
        // Generated from the table: each cell's scope allows exactly the targets of that scope and no wider one.
        var actor = new PermissionActor(StaffRole.Clerk, Home, LentTo, MyCounter);
        foreach (var (role, action, scope) in Permissions.Cells())
        {
            var who = actor with { Role = role };
            Assert.Equal(scope >= PermissionScope.OwnCounter, Permissions.Allows(who, action, new PermissionTarget(Home, MyCounter)));
            Assert.Equal(scope >= PermissionScope.OwnBranch, Permissions.Allows(who, action, new PermissionTarget(Home, OtherCounter)));
            Assert.Equal(scope >= PermissionScope.LentInBranch, Permissions.Allows(who, action, new PermissionTarget(LentTo, OtherCounter)));
            Assert.Equal(scope == PermissionScope.City, Permissions.Allows(who, action, new PermissionTarget(Elsewhere)));
        }
    }

    [Fact]
    public void Every_refusal_is_in_vietnamese() =>
        Assert.All(Enum.GetValues<StaffAction>(), a => Assert.StartsWith("Anh/chị", Permissions.Refusal(a), StringComparison.Ordinal));

    [Theory]
    [InlineData(Home, Home, null)]        // at home: no lend
    [InlineData(Home, LentTo, LentTo)]    // working away from home is the lend
    public void A_staff_record_working_away_from_home_is_lent_to_that_branch(int home, int current, int? lentTo) =>
        Assert.Equal(lentTo, PermissionActor.Of(StaffRole.Clerk, home, current).LentToBranchId);

    [Theory]
    [InlineData(StaffRole.Clerk, Elsewhere, Home, true)]       // received elsewhere, handled here
    [InlineData(StaffRole.Clerk, Elsewhere, Elsewhere, false)]
    [InlineData(StaffRole.Admin, Home, Home, false)]
    [InlineData(StaffRole.Director, Elsewhere, Elsewhere, true)]
    public void An_application_is_reached_through_its_receiving_or_handling_branch(StaffRole role, int receiving, int handling, bool allowed) =>
        Assert.Equal(allowed, Permissions.AllowsAny(PermissionActor.Of(role, Home, Home), StaffAction.ViewApplication, receiving, handling));
}
