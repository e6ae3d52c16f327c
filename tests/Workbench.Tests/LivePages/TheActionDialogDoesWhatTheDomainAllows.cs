using HanoiWorkbench.Core.Reception;
using Bunit;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Applications;
using HanoiWorkbench.Workbench.Components.Pages.Applications.Detail;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.LivePages;

/// <summary>
/// The application page's action bar and its dialog (issue #13 pt 4), on a birth registration the demo clerk has just
/// received: only the moves the status machine allows are offered; a text the domain's rule refuses is explained in Vietnamese
/// beside its field and nothing is sent; a write the service refuses shows its reason; a version changed meanwhile shows the
/// conflict message. Whatever is refused leaves the application's status, version and history as they were.
/// </summary>
public sealed class TheActionDialogDoesWhatTheDomainAllows : LiveBranchContext
{
    private long _id;
    private IRenderedComponent<MudBlazor.MudDialogProvider> _dialogs = default!;
    private IRenderedComponent<CascadingValue<Task<AuthenticationState>>> _page = default!;

    private async Task ReceiveAndOpenAsync()
    {
        _id = await ReceiveABirthRegistrationAsync();
        _dialogs = Render<MudBlazor.MudDialogProvider>();
        _page = await RenderAsAsync<ApplicationPage>(Clerk.Id, p => p.Add(a => a.Id, _id));
        _page.WaitForAssertion(() => Assert.Equal("Đã tiếp nhận", _page.Find("[data-testid=status-chip]").TextContent.Trim()));
    }

    /// <summary>The buttons of the bar, by the action they run.</summary>
    private IReadOnlyList<string> Offered() =>
        _page.FindAll("[data-testid=action-bar] [data-testid^=action-]").Select(b => b.GetAttribute("data-testid")!).Order(StringComparer.Ordinal).ToList();

    private async Task<(ApplicationStatus Status, int Version, int Steps)> StoredAsync()
    {
        await using var db = await Db.CreateDbContextAsync(Ct);
        return await db.Applications.AsNoTracking().Where(a => a.Id == _id).Select(a => new ValueTuple<ApplicationStatus, int, int>(a.Status, a.Version, a.Steps.Count)).SingleAsync(Ct);
    }

    private void Open(string action)
    {
        _page.Find($"[data-testid=action-bar] [data-testid={action}]").Click();
        _dialogs.WaitForAssertion(() => Assert.NotNull(_dialogs.Find("[data-testid=action-confirm]")));
    }

    private void Confirm() => _dialogs.Find("[data-testid=action-confirm]").Click();

    [Fact]
    public async Task Only_the_moves_the_status_allows_are_offered_and_they_follow_the_status()
    {
        await ReceiveAndOpenAsync();
        // Received (domain.md §3): ask for a supplement, start processing, stop, or the citizen withdraws. Not refuse: that
        // is a reception decision; not complete or return: nothing was processed.
        Assert.Equal(["action-RequestSupplement", "action-StartProcessing", "action-Stop", "action-Withdraw"], Offered());

        Open("action-StartProcessing");
        Confirm();

        _page.WaitForAssertion(() => Assert.Equal("Đang xử lý", _page.Find("[data-testid=status-chip]").TextContent.Trim()));
        Assert.Empty(_dialogs.FindAll("[data-testid=action-confirm]"));
        Assert.Equal(["action-AwaitFinancialObligation", "action-Complete", "action-CompleteRefused", "action-RequestSupplement", "action-Stop", "action-Withdraw"], Offered());
        Assert.Equal(ApplicationStatus.InProcessing, (await StoredAsync()).Status);
    }

    [Fact]
    public async Task A_stop_without_a_reason_is_explained_in_Vietnamese_beside_the_field_and_nothing_is_saved()
    {
        await ReceiveAndOpenAsync();
        var before = await StoredAsync();
        Open("action-Stop");

        Confirm();

        _dialogs.WaitForAssertion(() => Assert.Contains("Lý do dừng giải quyết không được để trống.",
            _dialogs.Find("#action-reason").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.NotNull(_dialogs.Find("[data-testid=action-confirm]")); // still open
        Assert.Equal(before, await StoredAsync());

        _dialogs.Find("#action-reason").Change("Người nộp giả mạo\u0007 giấy tờ"); // a control character pasted in
        Confirm();
        _dialogs.WaitForAssertion(() => Assert.Contains("Lý do dừng giải quyết không được chứa ký tự điều khiển.",
            _dialogs.Find("#action-reason").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Equal(before, await StoredAsync());
        Assert.Equal("Đã tiếp nhận", _page.Find("[data-testid=status-chip]").TextContent.Trim());
    }

    [Fact]
    public async Task A_write_the_service_refuses_shows_its_reason_and_nothing_is_saved()
    {
        await ReceiveAndOpenAsync();
        var before = await StoredAsync();
        Open("action-Stop");
        // The clerk's account is deactivated while the dialog is open: the service reads the staff record as it is now.
        await using (var db = await Db.CreateDbContextAsync(Ct))
            await db.Staff.Where(s => s.Id == Clerk.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsActive, false), Ct);

        _dialogs.Find("#action-reason").Change("Cơ quan có thẩm quyền yêu cầu dừng");
        Confirm();

        _dialogs.WaitForAssertion(() => Assert.Equal("Không tìm thấy người thực hiện, hoặc tài khoản đã ngừng hoạt động.",
            _dialogs.Find("[data-testid=action-refusal]").TextContent.Trim()));
        Assert.NotNull(_dialogs.Find("[data-testid=action-confirm]"));
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_change_made_meanwhile_shows_the_conflict_message_and_the_dialog_writes_nothing()
    {
        await ReceiveAndOpenAsync();
        Open("action-Withdraw");
        // Another officer starts processing it while this dialog is open.
        var seen = (await StoredAsync()).Version;
        var meanwhile = await Services.GetRequiredService<ApplicationActions>().ApplyAsync(_id, seen, ApplicationAction.StartProcessing, new ActionInput(),
            new Actor(Clerk.Id, Clerk.CurrentBranchId), Ct);
        Assert.True(meanwhile.Succeeded, meanwhile.Message);
        var after = await StoredAsync();

        Confirm();

        _dialogs.WaitForAssertion(() => Assert.Equal("Hồ sơ vừa được cán bộ khác cập nhật. Vui lòng tải lại để xem thay đổi.",
            _dialogs.Find("[data-testid=action-conflict]").TextContent.Trim()));
        Assert.Empty(_dialogs.FindAll("[data-testid=action-confirm]"));
        Assert.Equal(after, await StoredAsync());
        Assert.Equal(ApplicationStatus.InProcessing, after.Status);

        _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Tải lại").Click();
        _page.WaitForAssertion(() => Assert.Equal("Đang xử lý", _page.Find("[data-testid=status-chip]").TextContent.Trim()));
        Assert.Equal(ActionResult.ConflictMessage, _page.Find("[data-testid=action-message]").TextContent.Trim());
        Assert.Contains("action-Complete", Offered());
    }

    [Fact]
    public async Task Waiting_for_fees_shows_as_a_pause_with_what_is_owed_and_paying_ends_it()
    {
        await ReceiveAndOpenAsync();
        Open("action-StartProcessing");
        Confirm();
        _page.WaitForAssertion(() => Assert.Equal("Đang xử lý", _page.Find("[data-testid=status-chip]").TextContent.Trim()));

        Open("action-AwaitFinancialObligation");
        _dialogs.Find("#action-note").Change("Lệ phí 8.000 đồng");
        Confirm();

        _page.WaitForAssertion(() => Assert.Contains("Lệ phí 8.000 đồng", _page.Find("[data-testid=pause-financial]").TextContent, StringComparison.Ordinal));
        Assert.Contains("chưa hoàn thành nghĩa vụ tài chính", _page.Find("[data-testid=pause-financial]").TextContent, StringComparison.Ordinal);
        Assert.Empty(_page.FindAll("[data-testid=pause-supplement]"));
        Assert.Contains("action-FulfilFinancialObligation", Offered());

        Open("action-FulfilFinancialObligation");
        Confirm();
        _page.WaitForAssertion(() => Assert.Equal("Đang xử lý", _page.Find("[data-testid=status-chip]").TextContent.Trim()));
        Assert.DoesNotContain("chưa hoàn thành", _page.Find("[data-testid=pause-financial]").TextContent, StringComparison.Ordinal);
    }
}
