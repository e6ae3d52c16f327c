using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Applications;
using ApplicationForms = HanoiWorkbench.Workbench.Pdf.ApplicationForms;

namespace HanoiWorkbench.Workbench.Tests.Pdf;

/// <summary>Forms built from an application record: the receipt keeps the receipt's date, the letters are signed by the branch head.</summary>
public sealed class FormsAreDatedAndSignedAsTheCircularSays
{
    private static readonly DateTimeOffset Received = new(2026, 3, 5, 9, 15, 0, TimeSpan.FromHours(7));
    private static readonly DateOnly Reprinted = new(2026, 11, 20);

    private static ApplicationDetail Detail(ApplicationStatus status, params StepView[] steps) => new(
        1, "HS-CG-260305-0001", 3, status, Channel.Counter, new Applicant("Nguyễn Thị Hằng", "001190012345", "0912345678", "phường Cầu Giấy"),
        "Đăng ký khai sinh", 1, 1, 8000, "Phường Cầu Giấy", 3, "Chi nhánh số 3 - Cầu Giấy", "36 Cầu Giấy", 3, "Chi nhánh số 3 - Cầu Giấy",
        "Lê Văn Nam", "Trần Văn Đức", Received, Received, Received.AddDays(7), Received.AddDays(5), "Chờ xác minh của công an phường",
        null, null, null, null, [new ReceivedDocument("Tờ khai đăng ký khai sinh", 1)], steps, [], [], false, false, null, null, 1, ProcessingUnit.SameDay);

    [Fact]
    public void A_receipt_reprinted_months_later_is_dated_the_day_it_was_received()
    {
        var text = PdfText.All(ApplicationForms.Render("receipt", Detail(ApplicationStatus.Received), "Phạm Thu Trang", null, "https://x/tra-cuu", Reprinted)!);

        Assert.Contains("Hà Nội, ngày 05 tháng 3 năm 2026", text);
        Assert.DoesNotContain("tháng 11 năm 2026", text);
        Assert.Contains("Trần Văn Đức", text);
    }

    [Fact]
    public void The_apology_is_signed_by_the_branch_head_not_by_the_officer_who_prints_it()
    {
        var text = PdfText.All(ApplicationForms.Render("apology", Detail(ApplicationStatus.InProcessing), "Phạm Thu Trang", "Đỗ Minh Quân", "https://x", Reprinted)!);

        Assert.Contains("GIÁM ĐỐC CHI NHÁNH SỐ 3 - CẦU GIẤY", text);
        Assert.Contains("Đỗ Minh Quân", text);
        Assert.DoesNotContain("Phạm Thu Trang", text);
        Assert.Contains("Hà Nội, ngày 20 tháng 11 năm 2026", text);
    }

    [Fact]
    public void The_stop_notice_is_signed_by_the_branch_head_and_not_by_the_officer_who_stopped_it()
    {
        var stop = new StepView(ApplicationAction.Stop, ApplicationStatus.InProcessing, ApplicationStatus.Stopped, "Lê Văn Nam", "Chi nhánh số 3 - Cầu Giấy",
            Received.AddDays(2), "Người nộp đề nghị dừng");
        var text = PdfText.All(ApplicationForms.Render("stop", Detail(ApplicationStatus.Stopped, stop), "Phạm Thu Trang", null, "https://x", Reprinted)!);

        Assert.Contains("GIÁM ĐỐC CHI NHÁNH SỐ 3 - CẦU GIẤY", text);
        Assert.DoesNotContain("Lê Văn Nam", text);
        Assert.DoesNotContain("Phạm Thu Trang", text);
        Assert.Contains("Người nộp đề nghị dừng", text);
    }
}
