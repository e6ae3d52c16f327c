using System.Security.Claims;
using Bunit;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Applications;
using HanoiWorkbench.Workbench.Components.Pages.Applications.Reception;
using HanoiWorkbench.Workbench.Tests.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Workbench.Tests.Applications;

/// <summary>The reception form on a real seeded SQLite file, signed in as the Tây Hồ clerk, on Monday 2 March 2026 at 09:00.</summary>
public sealed class ReceptionFormTests : ReceptionPageContext
{
    [Fact]
    public void A_bad_citizen_id_and_a_bad_phone_are_explained_in_Vietnamese_beside_their_fields()
    {
        var form = RenderForm();

        form.Find("#applicant-cccd").Change("12345");
        form.Find("#applicant-phone").Change("0112345678");

        form.WaitForAssertion(() =>
        {
            var cccdField = form.Find("#applicant-cccd").Closest(".mud-input-control")!;
            var phoneField = form.Find("#applicant-phone").Closest(".mud-input-control")!;
            Assert.Contains("Số CCCD phải gồm đúng 12 chữ số.", cccdField.TextContent, StringComparison.Ordinal);
            Assert.Contains("Số di động phải bắt đầu bằng 03, 05, 07, 08 hoặc 09; số cố định bằng 02.", phoneField.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_birth_year_that_contradicts_the_citizen_id_is_flagged_on_the_id()
    {
        var form = RenderForm();

        form.Find("#applicant-cccd").Change("001090012345");
        form.Find("#applicant-birth-year").Change("1985");

        form.WaitForAssertion(() => Assert.Contains("không khớp với năm sinh 1985",
            form.Find("#applicant-cccd").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Typing_without_diacritics_finds_the_procedure_and_the_due_date_shows_before_confirming()
    {
        var form = RenderForm();

        form.Find("#procedure-search").Input("dang ky khai sinh");
        form.WaitForAssertion(() => Assert.Contains("Đăng ký khai sinh", form.Find("[data-testid=procedure-results]").TextContent, StringComparison.Ordinal));
        form.FindAll("[data-testid=procedure-results] .mud-list-item").First(li => li.TextContent.StartsWith("Đăng ký khai sinh", StringComparison.Ordinal)).Click();

        form.WaitForAssertion(() =>
        {
            Assert.Equal("02/03/2026 17:00", form.Find("[data-testid=due-preview]").TextContent.Trim());
            Assert.Contains("Tờ khai đăng ký khai sinh", form.Find("[data-testid=document-checklist]").TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Confirming_an_empty_form_saves_nothing_and_marks_every_missing_field()
    {
        var form = RenderForm();

        form.Find("[data-testid=confirm-reception]").Click();

        form.WaitForAssertion(() =>
        {
            Assert.Contains("Chọn thủ tục hành chính.", form.Markup, StringComparison.Ordinal);
            Assert.Contains("Họ và tên không được để trống.", form.Markup, StringComparison.Ordinal);
            Assert.Contains("Số CCCD không được để trống.", form.Markup, StringComparison.Ordinal);
            Assert.NotNull(form.Find("[data-testid=form-errors]"));
        });
    }

    [Fact]
    public async Task After_a_receipt_the_confirm_button_stays_disabled_so_a_second_click_creates_nothing()
    {
        var form = RenderForm();
        FillAValidBirthRegistration(form);

        form.Find("[data-testid=confirm-reception]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        form.WaitForAssertion(() => Assert.Matches(@"/applications/\d+\?moi=1$", navigation.Uri));
        Assert.True(form.Find("[data-testid=confirm-reception]").HasAttribute("disabled"));
        var factory = Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        var app = await db.Applications.SingleAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.NotNull(app.ReceptionToken);
    }

    [Fact]
    public async Task After_closing_time_the_clerk_is_warned_first_and_cancelling_saves_nothing()
    {
        ((FakeTimeProvider)Services.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromHours(8.5)); // Monday 17:30
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var form = RenderForm();
        FillAValidBirthRegistration(form);
        var factory = Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();

        form.Find("[data-testid=confirm-reception]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains(
            "Bây giờ là 17:30, ngoài giờ làm việc của chi nhánh (08:00–12:00, 13:00–17:00). Thời hạn giải quyết sẽ tính từ 08:00 03/03/2026.",
            dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Hủy").Click();

        form.WaitForAssertion(() => Assert.False(form.Find("[data-testid=confirm-reception]").HasAttribute("disabled")));
        await using (var db = await factory.CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken))
            Assert.Equal(0, await db.Applications.CountAsync(Xunit.TestContext.Current.CancellationToken));

        form.Find("[data-testid=confirm-reception]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Trim() == "Vẫn tiếp nhận"));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Vẫn tiếp nhận").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        form.WaitForAssertion(() => Assert.Matches(@"/applications/\d+\?moi=1$", navigation.Uri));
        await using (var db = await factory.CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken))
            Assert.Equal(1, await db.Applications.CountAsync(Xunit.TestContext.Current.CancellationToken));
    }

    /// <summary>"Đăng ký khai sinh" for Đỗ Quang Huy with only its first document ticked.</summary>
    internal static void FillAValidBirthRegistration(IRenderedComponent<CascadingValue<Task<AuthenticationState>>> form)
    {
        form.Find("#procedure-search").Input("dang ky khai sinh");
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[data-testid=procedure-results] .mud-list-item")));
        form.FindAll("[data-testid=procedure-results] .mud-list-item").First(li => li.TextContent.StartsWith("Đăng ký khai sinh", StringComparison.Ordinal)).Click();
        form.WaitForAssertion(() => Assert.NotNull(form.Find("[data-testid=doc-row-0] input[type=checkbox]")));
        form.Find("#applicant-name").Change("Đỗ Quang Huy");
        form.Find("#applicant-cccd").Change("001093044556");
        form.Find("#applicant-phone").Change("0912 000 111");
        form.Find("#applicant-address").Change("3 Quảng An, Tây Hồ, Hà Nội");
        form.Find("[data-testid=doc-row-0] input[type=checkbox]").Change(true);
    }

}
