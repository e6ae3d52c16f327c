using System.Globalization;
using Bunit;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Components.Pages.Director.Scorecard;
using HanoiWorkbench.Workbench.Tests.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HanoiWorkbench.Workbench.Tests.Reports;

/// <summary>
/// The scorecard page on a seeded SQLite file with November 2026 made by hand at BR01: one counter application completed on
/// time, one received online and still open, no ratings.
/// </summary>
public sealed class ScorecardPageShowsFormulasAndNoData() : SeededPageContext(Now)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));
    private Staff _manager = default!, _director = default!;

    protected override async Task ArrangeAsync()
    {
        _manager = await StaffAsync(DemoAccounts.BranchManager.Email);
        _director = await StaffAsync(DemoAccounts.Director.Email);
        await using var db = await Contexts.CreateDbContextAsync(Ct);
        var br01 = await db.Branches.SingleAsync(b => b.Code == "BR01", Ct);
        var procedure = await db.Procedures.FirstAsync(Ct);
        var clerk = await db.Staff.FirstAsync(s => s.Role == StaffRole.Clerk, Ct);
        var at = Now.AddDays(-10);
        var done = Application.ReceiveAtCounter("000.00.01.H26-261110-0001", new Applicant("Trần Thị Bình", "001090012345", "0912345678", "Hà Nội"),
            procedure, br01.HomeAreaId!.Value, br01.Id, clerk.Id, [new ReceivedDocument("Tờ khai", 1)], at, at.AddDays(5));
        done.StartProcessing(clerk.Id, br01.Id, at.AddHours(1));
        done.Complete(clerk.Id, br01.Id, at.AddDays(2));
        var online = Application.Submit("000.00.01.H26-261110-0002", new Applicant("Lê Văn Cường", "001090054321", "0987654321", "Hà Nội"),
            procedure, br01.HomeAreaId!.Value, br01.Id, Channel.Online, [new ReceivedDocument("Tờ khai", 1)], at);
        online.ReceiveSubmission(clerk.Id, br01.Id, at.AddHours(2), at.AddDays(6), [new ReceivedDocument("Tờ khai", 1)]);
        db.Applications.AddRange(done, online);
        await db.SaveChangesAsync(Ct);
    }

    private IRenderedComponent<CascadingValue<Task<AuthenticationState>>> Open(Staff who)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/director/scorecard");
        return Render<CascadingValue<Task<AuthenticationState>>>(p => p
            .Add(c => c.Value, Task.FromResult(new AuthenticationState(Principal(who))))
            .AddChildContent<ScorecardPage>());
    }

    private static string Line(AngleSharp.Dom.IElement card, string group) =>
        card.QuerySelectorAll("[data-testid=scorecard-line]").Single(l => l.GetAttribute("data-group") == group).TextContent;

    [Fact]
    public void The_director_sees_the_citys_scores_with_formulas_inputs_and_the_groups_without_data()
    {
        var page = Open(_director);

        page.WaitForAssertion(() => Assert.Equal(30, page.FindAll("[data-testid=scorecard-branch]").Count));
        var city = page.Find("[data-testid=scorecard-card][data-scope=city]");
        Assert.Contains("Toàn thành phố", city.TextContent, StringComparison.Ordinal);
        var progress = Line(city, "ProcessingProgress");
        Assert.Contains("20,0 / 20", progress, StringComparison.Ordinal);
        Assert.Contains("điểm × hồ sơ giải quyết đúng hạn ÷ hồ sơ đã giải quyết", progress, StringComparison.Ordinal);
        Assert.Contains("1/1", progress, StringComparison.Ordinal);
        Assert.Contains("6,0 / 12", Line(city, "OnlineService"), StringComparison.Ordinal);   // 1 of 2 received online
        Assert.Contains("18,0 / 18", Line(city, "Transparency"), StringComparison.Ordinal);  // completed, none late
        Assert.Contains("Chưa có dữ liệu", Line(city, "Satisfaction"), StringComparison.Ordinal);
        Assert.DoesNotContain("0,0", Line(city, "Satisfaction"), StringComparison.Ordinal);
        Assert.Contains("44,0 / 50", city.QuerySelector("[data-testid=scorecard-total]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_click_on_a_branch_opens_its_card_and_a_branch_with_nothing_says_so()
    {
        var page = Open(_director);
        page.WaitForAssertion(() => Assert.Equal(30, page.FindAll("[data-testid=scorecard-branch]").Count));

        page.FindAll("[data-testid=scorecard-branch]")[1].Click();

        var card = page.WaitForElement("[data-testid=scorecard-card]:not([data-scope=city])");
        Assert.Equal("Chưa có dữ liệu", card.QuerySelector("[data-testid=scorecard-total]")!.TextContent.Trim());
        Assert.Equal(6, card.QuerySelectorAll("[data-testid=no-data]").Length);
    }

    [Fact]
    public void A_manager_sees_only_the_own_branch()
    {
        var page = Open(_manager);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=scorecard-card]")));
        Assert.Equal(_manager.HomeBranchId.ToString(CultureInfo.InvariantCulture), page.Find("[data-testid=scorecard-card]").GetAttribute("data-scope"));
        Assert.Empty(page.FindAll("[data-testid=scorecard-branches]"));
        Assert.Empty(page.FindAll("[data-scope=city]"));
    }

    [Fact]
    public async Task Another_month_is_read_again_and_october_has_no_data()
    {
        var page = Open(_director);
        page.WaitForAssertion(() => Assert.Contains("44,0 / 50", page.Find("[data-scope=city] [data-testid=scorecard-total]").TextContent, StringComparison.Ordinal));

        var select = page.FindComponent<MudSelect<DateOnly>>();
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(new DateOnly(2026, 10, 1)));

        page.WaitForAssertion(() => Assert.Equal("Chưa có dữ liệu", page.Find("[data-scope=city] [data-testid=scorecard-total]").TextContent.Trim()));
    }
}
