using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Core.Tests.Applications;

/// <summary>An online submission is not received until a clerk checks it (domain.md §3); then exactly as at the counter.</summary>
public sealed class ReceivingAnOnlineSubmission
{
    private static readonly DateTimeOffset SubmittedAt = new(2026, 3, 1, 22, 15, 0, TimeSpan.FromHours(7)); // Sunday night
    private static readonly DateTimeOffset CheckedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset DueAt = new(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(7));
    private const int PortalBranch = 12, ClerkBranch = 3, Clerk = 7;

    private static readonly Procedure Procedure = new("1.000001", "Đăng ký khai sinh", 1, 5, ProcessingUnit.WorkingDays, 0, null,
        ["Tờ khai", "Giấy chứng sinh"], AuthorityLevel.Ward, 1, OnlineLevel.Full);

    private static Application Submitted(Channel channel = Channel.Online) =>
        Application.Submit("000.00.12.H26-260301-0042", new Applicant("Nguyễn Văn An", "001090012345", "0912345678", "Tây Hồ, Hà Nội"),
            Procedure, 1, PortalBranch, channel, [new ReceivedDocument("Tờ khai", 1), new ReceivedDocument("Ảnh chụp giấy chứng sinh", 1)], SubmittedAt);

    /// <summary>What the action bar offers in each status: the buttons come from this, never from the page.</summary>
    public static TheoryData<ApplicationStatus, ApplicationAction[]> Buttons => new()
    {
        { ApplicationStatus.Submitted, [ApplicationAction.Receive, ApplicationAction.Refuse, ApplicationAction.RequestSupplement, ApplicationAction.Withdraw] },
        { ApplicationStatus.Received, [ApplicationAction.StartProcessing, ApplicationAction.RequestSupplement, ApplicationAction.Stop, ApplicationAction.Withdraw] },
        { ApplicationStatus.SupplementRequested, [ApplicationAction.ReceiveSupplement, ApplicationAction.Stop, ApplicationAction.Withdraw] },
        { ApplicationStatus.Refused, [] },
        { ApplicationStatus.Withdrawn, [] },
    };

    [Theory]
    [MemberData(nameof(Buttons))]
    public void The_allowed_actions_of_a_status_are_exactly_the_table(ApplicationStatus status, ApplicationAction[] expected) =>
        Assert.Equal(expected.Order(), ApplicationLifecycle.AllowedActions(status).Order());

    [Theory]
    [InlineData(Channel.Online, "Tiếp nhận hồ sơ trực tuyến sau khi kiểm tra")]
    [InlineData(Channel.Post, "Tiếp nhận hồ sơ qua bưu chính sau khi kiểm tra")]
    public void Receiving_keeps_the_code_starts_the_clock_now_and_gives_the_application_to_the_checking_branch(Channel channel, string note)
    {
        var app = Submitted(channel);
        var token = Guid.NewGuid();

        app.ReceiveSubmission(Clerk, ClerkBranch, CheckedAt, DueAt, [new ReceivedDocument("Tờ khai", 1), new ReceivedDocument("Giấy chứng sinh", 2)], token);

        Assert.Equal(("000.00.12.H26-260301-0042", ApplicationStatus.Received), (app.Code, app.Status));
        Assert.Equal((SubmittedAt, (DateTimeOffset?)CheckedAt, (DateTimeOffset?)DueAt), (app.SubmittedAt, app.ReceivedAt, app.DueAt));
        Assert.Equal((ClerkBranch, ClerkBranch, (int?)Clerk, (int?)Clerk), (app.ReceivingBranchId, app.HandlingBranchId, app.ReceivedByStaffId, app.HandlingStaffId));
        Assert.Equal([new ReceivedDocument("Tờ khai", 1), new ReceivedDocument("Giấy chứng sinh", 2)], app.Documents);
        Assert.Equal(token, app.ReceptionToken);
        var step = app.Steps[^1];
        Assert.Equal((ApplicationAction.Receive, ApplicationStatus.Submitted, ApplicationStatus.Received, (int?)Clerk, ClerkBranch, CheckedAt, note),
            (step.Action!.Value, step.FromStatus!.Value, step.ToStatus, step.StaffId, step.BranchId, step.At, step.Note!));
        Assert.DoesNotContain(ApplicationAction.Receive, app.AllowedActions());
    }

    public static TheoryData<string, DateTimeOffset, int, string> Refusals => new()
    {
        { "no document ticked", DueAt, 0, "Đánh dấu ít nhất một giấy tờ đã nhận." },
        { "due before the receipt", CheckedAt.AddMinutes(-1), 1, "Ngày hẹn trả phải sau thời điểm tiếp nhận." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_check_that_would_receive_nothing_valid_is_refused_and_changes_nothing(string _, DateTimeOffset due, int documents, string message)
    {
        var app = Submitted();
        var before = (app.Status, app.Steps.Count, app.Version, app.Documents.Count, app.ReceivingBranchId);

        var error = Assert.Throws<DomainException>(() => app.ReceiveSubmission(Clerk, ClerkBranch, CheckedAt, due,
            Enumerable.Repeat(new ReceivedDocument("Tờ khai", 1), documents).ToList()));

        Assert.Equal(message, error.Message);
        Assert.Equal(before, (app.Status, app.Steps.Count, app.Version, app.Documents.Count, app.ReceivingBranchId));
        Assert.Null(app.ReceivedAt);
    }

    [Fact]
    public void A_submission_asked_for_completion_has_no_clock_and_can_be_received_once_completed()
    {
        var app = Submitted();
        app.RequestSupplement(Clerk, ClerkBranch, CheckedAt, "Giấy chứng sinh bản chính", "Bản chụp không đủ để đối chiếu");
        Assert.Null(app.DueAt);
        app.ReceiveSupplement(Clerk, ClerkBranch, CheckedAt.AddDays(1), CheckedAt.AddDays(1));
        Assert.Equal((ApplicationStatus.Submitted, (DateTimeOffset?)null, (DateTimeOffset?)null), (app.Status, app.ReceivedAt, app.DueAt));

        app.ReceiveSubmission(Clerk, ClerkBranch, CheckedAt.AddDays(1), DueAt.AddDays(1), [new ReceivedDocument("Giấy chứng sinh", 1)]);

        Assert.Equal((ApplicationStatus.Received, (DateTimeOffset?)CheckedAt.AddDays(1)), (app.Status, app.ReceivedAt));
    }

    [Fact]
    public void A_refused_submission_cannot_be_received_afterwards()
    {
        var app = Submitted();
        app.Refuse(Clerk, ClerkBranch, CheckedAt, "Thủ tục không thuộc thẩm quyền");

        var error = Assert.Throws<DomainException>(() => app.ReceiveSubmission(Clerk, ClerkBranch, CheckedAt, DueAt, [new ReceivedDocument("Tờ khai", 1)]));

        Assert.Contains("Không được tiếp nhận", error.Message, StringComparison.Ordinal);
        Assert.Null(app.ReceivedAt);
    }
}
