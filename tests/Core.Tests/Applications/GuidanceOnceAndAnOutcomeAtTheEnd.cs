using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Core.Tests.Applications;

/// <summary>
/// Guidance is given once and completely: a second supplement request needs a recorded reason. Processing ends with an
/// outcome: granted, or refused with the written reason. Refusal to receive is a reception decision: never after receipt.
/// </summary>
public sealed class GuidanceOnceAndAnOutcomeAtTheEnd
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
    private const int Staff = 7, Branch = 3;

    private static readonly Procedure Procedure = new("1.000001", "Đăng ký khai sinh", 1, 5, ProcessingUnit.WorkingDays, 0, null,
        ["Tờ khai"], AuthorityLevel.Ward, 1, OnlineLevel.Full);

    private static Application Received() => Application.ReceiveAtCounter("X-260302-0001", new Applicant("Nguyễn Văn An", "001090012345", "0912345678", "Tây Hồ"),
        Procedure, 1, Branch, Staff, [new ReceivedDocument("Tờ khai", 1)], T0, T0.AddDays(7));

    private static Application InProcessing()
    {
        var app = Received();
        app.StartProcessing(Staff, Branch, T0.AddMinutes(5));
        return app;
    }

    [Fact]
    public void A_first_supplement_request_needs_no_reason_for_repeating()
    {
        var app = InProcessing();
        Assert.Equal([ActionInputs.WhatIsMissing, ActionInputs.SupplementReason], ActionInputs.For(ApplicationAction.RequestSupplement, repeatSupplement: app.IsSupplementRepeat));

        app.RequestSupplement(Staff, Branch, T0.AddHours(1), "Bản sao giấy chứng sinh", "Bản chụp không rõ");

        Assert.Null(Assert.Single(app.Pauses).RepeatReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_second_supplement_request_without_its_reason_is_refused_in_Vietnamese_and_changes_nothing(string? repeatReason)
    {
        var app = InProcessing();
        app.RequestSupplement(Staff, Branch, T0.AddHours(1), "Bản sao giấy chứng sinh", "Bản chụp không rõ");
        app.ReceiveSupplement(Staff, Branch, T0.AddHours(3), T0.AddDays(8));
        var (status, steps, pauses, version) = (app.Status, app.Steps.Count, app.Pauses.Count, app.Version);

        var error = Assert.Throws<DomainException>(() =>
            app.RequestSupplement(Staff, Branch, T0.AddHours(4), "Bản sao sổ hộ khẩu", "Cần đối chiếu", repeatReason));

        Assert.Equal(ActionInputs.RepeatSupplementMissing, error.Message);
        Assert.Equal((status, steps, pauses, version), (app.Status, app.Steps.Count, app.Pauses.Count, app.Version));
    }

    [Fact]
    public void A_second_supplement_request_with_its_reason_records_it_and_the_dialog_asks_for_it()
    {
        var app = InProcessing();
        app.RequestSupplement(Staff, Branch, T0.AddHours(1), "Bản sao giấy chứng sinh", "Bản chụp không rõ");
        app.ReceiveSupplement(Staff, Branch, T0.AddHours(3), T0.AddDays(8));
        Assert.Contains(ActionInputs.RepeatSupplementReason, ActionInputs.For(ApplicationAction.RequestSupplement, repeatSupplement: app.IsSupplementRepeat));

        app.RequestSupplement(Staff, Branch, T0.AddHours(4), "Bản sao sổ hộ khẩu", "Cần đối chiếu", " Quy định mới của thủ tục từ 01/3 ");

        Assert.Equal(ApplicationStatus.SupplementRequested, app.Status);
        Assert.Equal("Quy định mới của thủ tục từ 01/3", app.Pauses[^1].RepeatReason);
    }

    public static TheoryData<ProcessingOutcome, string?, string?, string?> Outcomes => new()
    {
        { ProcessingOutcome.Granted, null, null, null },
        { ProcessingOutcome.Granted, "Đã cấp giấy khai sinh", "Đã cấp giấy khai sinh", "Đã cấp giấy khai sinh" },
        { ProcessingOutcome.Refused, "Người yêu cầu không đủ điều kiện", "Người yêu cầu không đủ điều kiện", "Từ chối giải quyết: Người yêu cầu không đủ điều kiện" },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Completing_stores_the_outcome_and_its_text(ProcessingOutcome outcome, string? text, string? resultNote, string? stepNote)
    {
        var app = InProcessing();

        app.Complete(Staff, Branch, T0.AddDays(1), outcome, text);

        Assert.Equal((ApplicationStatus.Completed, outcome, resultNote, stepNote), (app.Status, app.Outcome, app.ResultNote, app.Steps[^1].Note));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_refused_outcome_without_the_written_reason_is_refused_and_changes_nothing(string? reason)
    {
        var app = InProcessing();
        var (steps, version) = (app.Steps.Count, app.Version);
        Assert.Equal([ActionInputs.OutcomeRefusalReason], ActionInputs.For(ApplicationAction.Complete, outcome: ProcessingOutcome.Refused));

        var error = Assert.Throws<DomainException>(() => app.Complete(Staff, Branch, T0.AddDays(1), ProcessingOutcome.Refused, reason));

        Assert.Equal("Lý do từ chối giải quyết không được để trống.", error.Message);
        Assert.Equal((ApplicationStatus.InProcessing, null, steps, version), (app.Status, app.Outcome, app.Steps.Count, app.Version));
    }

    [Fact]
    public void Completing_before_processing_is_refused_whatever_the_outcome()
    {
        var app = Received();
        Assert.Throws<DomainException>(() => app.Complete(Staff, Branch, T0.AddDays(1), ProcessingOutcome.Refused, "Không đủ điều kiện"));
        Assert.Null(app.Outcome);
    }

    public static TheoryData<ApplicationStatus> AfterReceipt => new(ApplicationLifecycle.Unfinished.Where(s => s != ApplicationStatus.Submitted)
        .Concat([ApplicationStatus.Completed, ApplicationStatus.Returned]));

    [Theory]
    [MemberData(nameof(AfterReceipt))]
    public void Once_received_an_application_is_never_refused_reception(ApplicationStatus status)
    {
        Assert.False(ApplicationLifecycle.CanApply(status, ApplicationAction.Refuse));
        Assert.Equal(ApplicationLifecycle.IsOpen(status), ApplicationLifecycle.CanApply(status, ApplicationAction.Stop));
    }
}
