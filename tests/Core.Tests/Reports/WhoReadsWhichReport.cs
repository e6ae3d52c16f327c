using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Reports;

namespace HanoiWorkbench.Core.Tests.Reports;

public class WhoReadsWhichReport
{
    private const int Home = 3;
    private const int Other = 7;

    [Theory]
    [InlineData(StaffRole.BranchManager, Home, Home, true)]
    [InlineData(StaffRole.BranchManager, Home, Other, false)]
    [InlineData(StaffRole.BranchManager, Home, null, false)]
    // Lent to another branch, a manager still reports on the home branch only.
    [InlineData(StaffRole.BranchManager, Other, Other, false)]
    [InlineData(StaffRole.BranchManager, Other, Home, true)]
    [InlineData(StaffRole.Director, Home, Other, true)]
    [InlineData(StaffRole.Director, Home, null, true)]
    [InlineData(StaffRole.Clerk, Home, Home, false)]
    [InlineData(StaffRole.Admin, Home, Home, false)]
    [InlineData(StaffRole.Admin, Home, null, false)]
    public void Managers_read_their_own_branch_and_directors_any_branch_or_the_city(StaffRole role, int currentBranch, int? requested, bool allowed)
    {
        Assert.Equal(allowed, ReportScope.May(ReportScope.Actor(role, Home, currentBranch), requested));
    }

    [Theory]
    [InlineData(StaffRole.BranchManager, Home)]
    [InlineData(StaffRole.Director, null)]
    public void The_report_opens_on_the_widest_scope_allowed(StaffRole role, int? expected)
    {
        Assert.Equal(expected, ReportScope.Default(ReportScope.Actor(role, Home, Home)));
    }
}
