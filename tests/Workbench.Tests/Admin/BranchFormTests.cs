using AngleSharp.Dom;
using Bunit;
using HanoiWorkbench.Workbench.Components.Pages.Admin.Branches;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TestContext = Xunit.TestContext;

namespace HanoiWorkbench.Workbench.Tests.Admin;

public sealed class BranchFormRefusesInvalidInput : AdminTestContext, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await StartAsync();

    [Fact]
    public async Task An_empty_name_and_a_bad_agency_id_are_shown_beside_their_fields_and_nothing_is_saved()
    {
        var before = await CountBranchesAsync();
        var cut = Render<BranchEdit>();
        BranchFields.Input(cut, "branch-code").Change("BR99");
        BranchFields.Input(cut, "branch-agency").Change("000 00 99 H26!");
        BranchFields.Input(cut, "branch-address").Change("1 Tràng Tiền");

        cut.Find("form").Submit();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Nhập tên chi nhánh.", BranchFields.Control(cut, "branch-name").TextContent, StringComparison.Ordinal);
            Assert.Contains("Mã cơ quan tiếp nhận chỉ gồm", BranchFields.Control(cut, "branch-agency").TextContent, StringComparison.Ordinal);
        });
        Assert.Equal(before, await CountBranchesAsync());
    }

    [Fact]
    public async Task A_duplicate_branch_code_is_refused_beside_the_code_field()
    {
        var before = await CountBranchesAsync();
        var cut = Render<BranchEdit>();
        BranchFields.FillValidNewBranch(cut, code: "BR01");

        cut.Find("form").Submit();

        cut.WaitForAssertion(() =>
            Assert.Contains("Mã chi nhánh đã được dùng", BranchFields.Control(cut, "branch-code").TextContent, StringComparison.Ordinal));
        Assert.Equal(before, await CountBranchesAsync());
    }

    private async Task<int> CountBranchesAsync()
    {
        await using var db = await Db.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Branches.CountAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class BranchEditIsSavedAndAudited : AdminTestContext, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await StartAsync();

    [Fact]
    public async Task A_valid_edit_is_saved_audited_with_the_admin_name_and_returns_to_the_list()
    {
        var ct = TestContext.Current.CancellationToken;
        int id;
        await using (var db = await Db.CreateDbContextAsync(ct))
            id = await db.Branches.Where(b => b.Code == "BR01").Select(b => b.Id).SingleAsync(ct);
        var cut = Render<BranchEdit>(p => p.Add(x => x.Id, id));
        cut.WaitForState(() => cut.FindAll("[data-testid='branch-name']").Count > 0);

        BranchFields.Input(cut, "branch-name").Change("Chi nhánh Ba Đình (trụ sở mới)");
        cut.Find("form").Submit();

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.EndsWith("/admin/branches", navigation.Uri, StringComparison.Ordinal));
        await using var check = await Db.CreateDbContextAsync(ct);
        Assert.Equal("Chi nhánh Ba Đình (trụ sở mới)", (await check.Branches.SingleAsync(b => b.Id == id, ct)).Name);
        var audit = await check.AuditEntries.SingleAsync(ct);
        Assert.Equal(AdminUserName, audit.UserName);
        Assert.Equal("Branch", audit.EntityType);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), audit.EntityId);
        Assert.Equal(Clock.GetUtcNow(), audit.At);
    }
}

internal static class BranchFields
{
    public static IElement Input(IRenderedComponent<BranchEdit> cut, string testId)
    {
        var el = cut.Find($"[data-testid='{testId}']");
        return el.TagName == "INPUT" ? el : el.QuerySelector("input")!;
    }

    /// <summary>The field's MudBlazor control: the input together with its helper/error text.</summary>
    public static IElement Control(IRenderedComponent<BranchEdit> cut, string testId) =>
        Input(cut, testId).Closest(".mud-input-control")!;

    public static void FillValidNewBranch(IRenderedComponent<BranchEdit> cut, string code)
    {
        Input(cut, "branch-code").Change(code);
        Input(cut, "branch-name").Change("Điểm tiếp nhận thử nghiệm");
        Input(cut, "branch-agency").Change("000.00.99.H26");
        Input(cut, "branch-address").Change("1 Tràng Tiền, Hoàn Kiếm");
        var numbers = cut.FindAll("input[inputmode='decimal'], input[type='number']");
        numbers[0].Change("21.02");
        cut.FindAll("input[inputmode='decimal'], input[type='number']")[1].Change("105.85");
    }
}
