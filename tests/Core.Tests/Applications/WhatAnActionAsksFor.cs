using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Core.Tests.Applications;

/// <summary>The texts each action asks for: one table the domain refuses by and the dialog checks beside each field.</summary>
public sealed class WhatAnActionAsksFor
{
    [Theory]
    [InlineData(ApplicationAction.RequestSupplement, ReturnMethod.InPerson, "WhatIsMissing!,Reason!")]
    [InlineData(ApplicationAction.Refuse, ReturnMethod.InPerson, "Reason!")]
    [InlineData(ApplicationAction.Stop, ReturnMethod.InPerson, "Reason!")]
    [InlineData(ApplicationAction.AwaitFinancialObligation, ReturnMethod.InPerson, "Note!")]
    [InlineData(ApplicationAction.Complete, ReturnMethod.InPerson, "Note")]
    [InlineData(ApplicationAction.StartProcessing, ReturnMethod.InPerson, "Note")]
    [InlineData(ApplicationAction.ReceiveSupplement, ReturnMethod.InPerson, "Note")]
    [InlineData(ApplicationAction.Withdraw, ReturnMethod.InPerson, "Note")]
    [InlineData(ApplicationAction.Return, ReturnMethod.InPerson, "")]
    [InlineData(ApplicationAction.Return, ReturnMethod.Post, "TrackingNumber!")]
    public void Each_action_names_its_texts_and_which_are_required(ApplicationAction action, ReturnMethod method, string expected) =>
        Assert.Equal(expected, string.Join(',', ActionInputs.For(action, method).Select(t => t.Kind + (t.Required ? "!" : ""))));

    [Theory]
    [InlineData("  ", "Lý do từ chối không được để trống.")]
    [InlineData(null, "Lý do từ chối không được để trống.")]
    [InlineData("Hồ sơ không thuộc thẩm quyền", null)]
    public void The_dialog_and_the_domain_give_the_same_message(string? reason, string? expected)
    {
        Assert.Equal(expected, ActionInputs.RefusalReason.Check(reason).Problem);
        var app = Submitted();
        if (expected is null)
        {
            app.Refuse(1, 1, Now, reason!);
            Assert.Equal(ApplicationStatus.Refused, app.Status);
        }
        else
        {
            var refused = Assert.Throws<DomainException>(() => app.Refuse(1, 1, Now, reason!));
            Assert.Equal(expected, refused.Message);
            Assert.Equal(ApplicationStatus.Submitted, app.Status);
        }
    }

    [Fact]
    public void A_text_longer_than_its_field_is_refused_with_the_limit()
    {
        var tooLong = new string('a', Application.NoteMaxLength + 1);
        Assert.Equal($"Lý do cần bổ sung dài tối đa {Application.NoteMaxLength} ký tự.", ActionInputs.SupplementReason.Check(tooLong).Problem);
        Assert.Equal("Số hiệu bưu gửi không được để trống.", ActionInputs.TrackingNumber.Check("").Problem);
    }

    [Fact]
    public void A_supplement_request_keeps_what_is_missing_apart_from_why()
    {
        var app = Submitted();
        app.RequestSupplement(1, 1, Now, " Bản sao giấy khai sinh ", "Bản chụp không rõ");
        var pause = Assert.Single(app.Pauses);
        Assert.Equal(("Bản sao giấy khai sinh", "Bản chụp không rõ"), (pause.Missing, pause.Reason));
        Assert.Throws<DomainException>(() => Submitted().RequestSupplement(1, 1, Now, "Bản sao giấy khai sinh", " "));
    }

    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, HanoiTime.Offset);

    private static readonly Procedure Procedure = new("1.000001", "Đăng ký khai sinh", 1, 5, ProcessingUnit.WorkingDays, 0, null,
        ["Tờ khai"], AuthorityLevel.Ward, 1, OnlineLevel.Full);

    private static Application Submitted() =>
        Application.Submit("000.00.12.H26-261204-0001", new Applicant("Nguyễn Văn An", "001090012345", "0912345678", "Tây Hồ, Hà Nội"),
            Procedure, 1, 12, Channel.Online, [new ReceivedDocument("Tờ khai", 1)], Now.AddDays(-1));

    [Theory]
    [InlineData(null, 48, "Chọn ngày hẹn trả mới.")]
    [InlineData(24, 48, "Ngày hẹn mới phải sau ngày hẹn hiện tại.")]
    [InlineData(48, 48, "Ngày hẹn mới phải sau ngày hẹn hiện tại.")]
    [InlineData(-2, -5, "Ngày hẹn mới phải sau thời điểm hiện tại.")]
    [InlineData(72, 48, null)]
    [InlineData(2, -5, null)]
    public void A_new_due_date_comes_after_the_current_one_and_after_now(int? newInHours, int currentInHours, string? expected) =>
        Assert.Equal(expected, ActionInputs.NewDueDateProblem(newInHours is { } h ? Now.AddHours(h) : null, Now.AddHours(currentInHours), Now));
}
