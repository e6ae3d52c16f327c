using System.Globalization;
using Bunit;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Reports;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Components.Pages.Reports;
using HanoiWorkbench.Workbench.Pdf;
using HanoiWorkbench.Workbench.Tests.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Reports;

/// <summary>The report page on a freshly seeded SQLite file (no history yet), signed in as the Tây Hồ manager or the director.</summary>
public sealed class ProductivityPageScope() : SeededPageContext(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7)))
{
    private Staff _manager = default!, _director = default!;
    private int _otherBranch;

    protected override async Task ArrangeAsync()
    {
        // The demo manager and director are demo data: seeded as seed --demo does, never by a plain start.
        _manager = await StaffAsync(DemoAccounts.BranchManager.Email);
        _director = await StaffAsync(DemoAccounts.Director.Email);
        await using var db = await Contexts.CreateDbContextAsync(Ct);
        _otherBranch = await db.Branches.Where(b => b.Id != _manager.HomeBranchId).Select(b => b.Id).FirstAsync(Ct);
    }

    private IRenderedComponent<CascadingValue<Task<AuthenticationState>>> Open(Staff who, string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/reports/productivity" + query);
        return Render<CascadingValue<Task<AuthenticationState>>>(p => p
            .Add(c => c.Value, Task.FromResult(new AuthenticationState(Principal(who))))
            .AddChildContent<ProductivityPage>());
    }

    [Fact]
    public void A_manager_asking_for_another_branch_is_refused_and_nothing_is_read()
    {
        var page = Open(_manager, "?branch=" + _otherBranch.ToString(CultureInfo.InvariantCulture));

        page.WaitForAssertion(() => Assert.Equal(ReportScope.Refused, page.Find("[data-testid=report-error]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=report-total]"));
        Assert.Empty(page.FindAll("[data-testid=report-empty]"));
    }

    [Fact]
    public void A_manager_asking_for_the_city_is_refused()
    {
        var page = Open(_manager, "?branch=city");

        page.WaitForAssertion(() => Assert.Equal(ReportScope.Refused, page.Find("[data-testid=report-error]").TextContent.Trim()));
    }

    [Fact]
    public void A_month_with_no_data_says_so_in_Vietnamese_instead_of_showing_zeros()
    {
        var page = Open(_manager);

        page.WaitForAssertion(() => Assert.Equal(ProductivityDocuments.NoData, page.Find("[data-testid=report-empty]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=report-total]"));
        Assert.True(page.Find("[data-testid=report-pdf]").HasAttribute("disabled"));
    }

    [Fact]
    public void The_director_opens_on_the_whole_city()
    {
        var page = Open(_director);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=report-empty]")));
        Assert.Contains("Toàn thành phố", page.Find("[data-testid=report-branch]").ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal);
    }
}
