using System.Security.Claims;
using Bunit;
using HanoiWorkbench.Core.Reception;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Applications;
using HanoiWorkbench.Workbench.Components.Pages.Applications.Reception;
using HanoiWorkbench.Workbench.Pdf;
using HanoiWorkbench.Workbench.Tests.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Applications;

/// <summary>
/// The reception page's three choices (receive, Form 2, Form 3) on a seeded SQLite copy, as the Tây Hồ clerk on Monday 2 March
/// 2026 at 09:00: unticked documents are warned of with Form 2 as the next step, and a decision records no application; its
/// PDF keeps the Vietnamese text (read back with PdfPig).
/// </summary>
public sealed class ReceptionPageOffersFormsTwoAndThree : ReceptionPageContext
{
    private static void FillWithOneDocument(IRenderedComponent<CascadingValue<Task<AuthenticationState>>> form) =>
        ReceptionFormTests.FillAValidBirthRegistration(form);

    private async Task<(int Applications, int Decisions)> CountsAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync(Ct);
        return (await db.Applications.CountAsync(Ct), await db.ReceptionDecisions.CountAsync(Ct));
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    [Fact]
    public void Before_a_procedure_is_chosen_there_is_no_decision_to_take_and_with_documents_unticked_Form_2_is_the_warned_way()
    {
        var form = RenderForm();
        Assert.Empty(form.FindAll("[data-testid=reception-decisions]"));

        FillWithOneDocument(form);

        form.WaitForAssertion(() =>
        {
            var warning = form.Find("[data-testid=missing-documents-warning]").TextContent;
            Assert.Contains("giấy tờ bắt buộc chưa nhận", warning, StringComparison.Ordinal);
            Assert.Contains("Mẫu 02", warning, StringComparison.Ordinal);
            Assert.Contains("mud-button-filled", form.Find("[data-testid=issue-guidance]").ClassName, StringComparison.Ordinal);
            Assert.NotNull(form.Find("[data-testid=issue-refusal]"));
        });
        foreach (var row in form.FindAll("[data-testid^=doc-row-] input[type=checkbox]")) row.Change(true);
        form.WaitForAssertion(() => Assert.Empty(form.FindAll("[data-testid=missing-documents-warning]")));
    }

    [Fact]
    public async Task Refusing_at_reception_records_a_Form_3_and_no_application_and_its_PDF_reads_back_in_Vietnamese()
    {
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var form = RenderForm();
        FillWithOneDocument(form);

        form.WaitForAssertion(() => form.Find("[data-testid=issue-refusal]").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=decision-confirm]")));
        dialogs.Find("[data-testid=decision-confirm]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Lý do từ chối không được để trống.", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal((0, 0), await CountsAsync());

        dialogs.Find("#decision-reason").Change("Yêu cầu không thuộc phạm vi giải quyết của thủ tục hành chính");
        dialogs.Find("[data-testid=decision-confirm]").Click();

        form.WaitForAssertion(() => Assert.NotNull(form.Find("[data-testid=decision-issued]")));
        Assert.Equal((0, 1), await CountsAsync());
        long id;
        await using (var db = await Contexts.CreateDbContextAsync(Ct))
            id = await db.ReceptionDecisions.Select(d => d.Id).SingleAsync(Ct);
        Assert.EndsWith($"/applications/decisions/{id}.pdf", form.Find("[data-testid=decision-pdf]").GetAttribute("href"), StringComparison.Ordinal);

        var detail = await Services.GetRequiredService<ReceptionDecisions>().DetailAsync(id, Ct);
        var text = PdfText(ApplicationForms.RenderDecision(detail!));
        Assert.Contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", text, StringComparison.Ordinal);
        Assert.Contains("Đỗ Quang Huy", text, StringComparison.Ordinal);
        Assert.Contains("Yêu cầu không thuộc phạm vi giải quyết của thủ tục hành chính", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mã hồ sơ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guidance_at_reception_lists_the_unticked_documents_first_and_prints_them_on_Form_2()
    {
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var form = RenderForm();
        FillWithOneDocument(form);
        var unticked = form.FindAll("[data-testid^=doc-row-]").Skip(1).Select(r => r.Children[1].TextContent.Trim()).ToList();
        Assert.NotEmpty(unticked);

        form.WaitForAssertion(() => form.Find("[data-testid=issue-guidance]").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("#decision-reason")));
        dialogs.Find("#decision-reason").Change("Thành phần bắt buộc của thủ tục");
        dialogs.Find("[data-testid=decision-confirm]").Click();

        form.WaitForAssertion(() => Assert.NotNull(form.Find("[data-testid=decision-issued]")));
        Assert.Equal((0, 1), await CountsAsync());
        await using var db = await Contexts.CreateDbContextAsync(Ct);
        var decision = await db.ReceptionDecisions.SingleAsync(Ct);
        Assert.Equal(ReceptionDecisionKind.Guidance, decision.Kind);
        Assert.Equal(unticked, decision.Missing);

        var text = PdfText(ApplicationForms.RenderDecision((await Services.GetRequiredService<ReceptionDecisions>().DetailAsync(decision.Id, Ct))!));
        Assert.Contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", text, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ chưa được tiếp nhận", text, StringComparison.Ordinal);
        Assert.Contains(unticked[0].Split(' ')[0], text, StringComparison.Ordinal);
    }
}
