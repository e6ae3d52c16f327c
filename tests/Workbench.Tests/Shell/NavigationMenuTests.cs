using Bunit;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Workbench.Components.Layout;

namespace HanoiWorkbench.Workbench.Tests.Shell;

public sealed class NavigationMenuTests : ShellTestContext
{
    [Fact]
    public void A_clerk_sees_home_but_no_administration()
    {
        Auth.SetAuthorized("canbo@hcc.hanoi.gov.vn").SetPolicies(Policies.Staff, Policies.Clerk);

        var menu = Render<NavMenu>();

        Assert.Contains("Trang chủ", menu.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/branches", menu.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_administrator_sees_every_administration_page()
    {
        Auth.SetAuthorized("quantri@hcc.hanoi.gov.vn").SetPolicies(Policies.Staff, Policies.Admin);

        var menu = Render<NavMenu>();

        foreach (var href in new[] { "/admin/branches", "/admin/counters", "/admin/procedures", "/admin/staff", "/admin/users" })
            Assert.Contains(href, menu.Markup, StringComparison.Ordinal);
        Assert.Contains("Quản trị", menu.Markup, StringComparison.Ordinal);
    }
}
