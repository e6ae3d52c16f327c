using HanoiWorkbench.Core.Reception;
using Bunit;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Privacy;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Applications;
using HanoiWorkbench.Data.Privacy;
using HanoiWorkbench.Workbench.Components.Shared;
using HanoiWorkbench.Workbench.Tests.Shell;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Applications;

/// <summary>
/// Issue 14, point 4 in the component: an ID number or phone shows masked; "Hiện" (only offered to the officer working on the
/// application) shows it in full through the audited reveal, "Ẩn" masks it again; a refused reveal shows the reason and no value.
/// </summary>
public sealed class PersonalDataFieldMasksUntilRevealed() : SeededPageContext(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)))
{
    private long _applicationId;
    private int _clerkId, _strangerId;
    private IDbContextFactory<WorkbenchDbContext> _contexts = default!;

    protected override async Task ArrangeAsync()
    {
        _contexts = Contexts;
        await using var db = await _contexts.CreateDbContextAsync(Ct);
        var clerk = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.Clerk.Email, Ct);
        _clerkId = clerk.Id;
        _strangerId = await db.Staff.Where(s => s.Role == StaffRole.Clerk && s.IsActive && s.HomeBranchId != clerk.HomeBranchId && s.CurrentBranchId != clerk.CurrentBranchId)
            .Select(s => s.Id).FirstAsync(Ct);
        var procedure = await db.Procedures.FirstAsync(p => p.Name == "Đăng ký khai sinh", Ct);
        var area = await db.Areas.FirstAsync(a => a.Name == "Tây Hồ", Ct);
        var saved = await Services.GetRequiredService<ReceptionService>().ReceiveAsync(new ReceptionRequest(procedure.Id, area.Id, "Nguyễn Thị Mai",
            "001190012345", 1990, false, "0912 345 678", "12 Hàng Bông", procedure.RequiredDocuments.Select(d => new DocumentTick(d, true, 1)).ToList()),
            new Actor(clerk.Id, clerk.CurrentBranchId), Ct);
        _applicationId = saved.ApplicationId!.Value;
    }

    private IRenderedComponent<PersonalDataField> RenderField(PersonalField field, string value, int staffId, bool canReveal)
    {
        Render<MudBlazor.MudPopoverProvider>();
        return Render<PersonalDataField>(p => p
            .Add(c => c.ApplicationId, _applicationId)
            .Add(c => c.Field, field)
            .Add(c => c.Masked, PersonalDataMask.Mask(value))
            .Add(c => c.StaffId, staffId)
            .Add(c => c.CanReveal, canReveal));
    }

    private async Task<int> RevealsAsync()
    {
        await using var db = await _contexts.CreateDbContextAsync(Ct);
        return await db.AuditEntries.CountAsync(e => e.Action == PersonalDataAccess.RevealAction, Ct);
    }

    [Fact]
    public async Task The_id_shows_masked_and_hien_reveals_it_with_an_audit_entry_then_hides_it_again()
    {
        var field = RenderField(PersonalField.CitizenId, "001190012345", _clerkId, canReveal: true);

        Assert.Equal("001******345", field.Find("[data-testid=personal-value]").TextContent);
        Assert.DoesNotContain("001190012345", field.Markup, StringComparison.Ordinal);
        Assert.Equal(0, await RevealsAsync());

        field.Find("[data-testid=personal-reveal]").Click();

        field.WaitForAssertion(() => Assert.Equal("001190012345", field.Find("[data-testid=personal-value]").TextContent));
        Assert.Equal(1, await RevealsAsync());
        field.Find("[data-testid=personal-hide]").Click();
        Assert.Equal("001******345", field.Find("[data-testid=personal-value]").TextContent);
        Assert.Empty(field.FindAll("[data-testid=personal-hide]"));
    }

    [Fact]
    public void The_phone_is_revealed_the_same_way()
    {
        var field = RenderField(PersonalField.Phone, "0912345678", _clerkId, canReveal: true);
        Assert.Equal("091****678", field.Find("[data-testid=personal-value]").TextContent);

        field.Find("[data-testid=personal-reveal]").Click();

        field.WaitForAssertion(() => Assert.Equal("0912345678", field.Find("[data-testid=personal-value]").TextContent));
    }

    [Fact]
    public void Without_the_permission_there_is_no_hien_button()
    {
        var field = RenderField(PersonalField.CitizenId, "001190012345", _strangerId, canReveal: false);

        Assert.Empty(field.FindAll("[data-testid=personal-reveal]"));
        Assert.Equal("001******345", field.Find("[data-testid=personal-value]").TextContent);
    }

    [Fact]
    public async Task A_reveal_the_service_refuses_shows_the_reason_and_keeps_the_mask()
    {
        // The page thought the person may (a stale permission); the service reads the staff record and refuses.
        var field = RenderField(PersonalField.CitizenId, "001190012345", _strangerId, canReveal: true);

        field.Find("[data-testid=personal-reveal]").Click();

        field.WaitForAssertion(() => Assert.Contains("không có quyền", field.Find("[data-testid=personal-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("001******345", field.Find("[data-testid=personal-value]").TextContent);
        Assert.Equal(0, await RevealsAsync());
    }

}
