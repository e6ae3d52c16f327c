using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Core.Tests.Applications;

/// <summary>Every (status, action) pair, driven through the <see cref="Application"/> entity, against the lifecycle table.</summary>
public sealed class LifecycleTransitionsThroughTheApplication
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
    private const int Staff = 7, Branch = 3;

    private static readonly Procedure Procedure = new("1.000001", "Đăng ký khai sinh", 1, 5, ProcessingUnit.WorkingDays, 0, null,
        ["Tờ khai"], AuthorityLevel.Ward, 1, OnlineLevel.Full);

    /// <summary>The allowed moves as the domain brief states them (domain.md §3): status, action, resulting status.</summary>
    public static TheoryData<ApplicationStatus, ApplicationAction, ApplicationStatus> Allowed => new()
    {
        { ApplicationStatus.Submitted, ApplicationAction.Receive, ApplicationStatus.Received },
        { ApplicationStatus.Submitted, ApplicationAction.Refuse, ApplicationStatus.Refused },
        { ApplicationStatus.Submitted, ApplicationAction.RequestSupplement, ApplicationStatus.SupplementRequested },
        { ApplicationStatus.Submitted, ApplicationAction.Withdraw, ApplicationStatus.Withdrawn },
        { ApplicationStatus.Received, ApplicationAction.Stop, ApplicationStatus.Stopped },
        { ApplicationStatus.Received, ApplicationAction.RequestSupplement, ApplicationStatus.SupplementRequested },
        { ApplicationStatus.Received, ApplicationAction.StartProcessing, ApplicationStatus.InProcessing },
        { ApplicationStatus.Received, ApplicationAction.Withdraw, ApplicationStatus.Withdrawn },
        { ApplicationStatus.InProcessing, ApplicationAction.RequestSupplement, ApplicationStatus.SupplementRequested },
        { ApplicationStatus.InProcessing, ApplicationAction.AwaitFinancialObligation, ApplicationStatus.AwaitingFinancialObligation },
        { ApplicationStatus.InProcessing, ApplicationAction.Stop, ApplicationStatus.Stopped },
        { ApplicationStatus.InProcessing, ApplicationAction.Withdraw, ApplicationStatus.Withdrawn },
        { ApplicationStatus.InProcessing, ApplicationAction.Complete, ApplicationStatus.Completed },
        { ApplicationStatus.SupplementRequested, ApplicationAction.ReceiveSupplement, ApplicationStatus.InProcessing },
        { ApplicationStatus.SupplementRequested, ApplicationAction.Stop, ApplicationStatus.Stopped },
        { ApplicationStatus.SupplementRequested, ApplicationAction.Withdraw, ApplicationStatus.Withdrawn },
        { ApplicationStatus.AwaitingFinancialObligation, ApplicationAction.FulfilFinancialObligation, ApplicationStatus.InProcessing },
        { ApplicationStatus.AwaitingFinancialObligation, ApplicationAction.Stop, ApplicationStatus.Stopped },
        { ApplicationStatus.AwaitingFinancialObligation, ApplicationAction.Withdraw, ApplicationStatus.Withdrawn },
        { ApplicationStatus.Completed, ApplicationAction.Return, ApplicationStatus.Returned },
    };

    public static TheoryData<ApplicationStatus, ApplicationAction> Refused()
    {
        var allowed = Allowed.Select(row => (row.Data.Item1, row.Data.Item2)).ToHashSet();
        var data = new TheoryData<ApplicationStatus, ApplicationAction>();
        foreach (var status in Enum.GetValues<ApplicationStatus>())
            foreach (var action in Enum.GetValues<ApplicationAction>())
                if (!allowed.Contains((status, action))) data.Add(status, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void An_allowed_action_moves_the_application_and_records_a_step(ApplicationStatus from, ApplicationAction action, ApplicationStatus to)
    {
        var app = InStatus(from, viaProcessing: from == ApplicationStatus.SupplementRequested);
        var steps = app.Steps.Count;
        var version = app.Version;
        Assert.Contains(action, app.AllowedActions());

        Apply(app, action, T0.AddDays(1));

        Assert.Equal(to, app.Status);
        Assert.Equal(steps + 1, app.Steps.Count);
        var step = app.Steps[^1];
        Assert.Equal((action, from, to, Staff, Branch), (step.Action, step.FromStatus, step.ToStatus, step.StaffId, step.BranchId));
        Assert.Equal(T0.AddDays(1), step.At);
        Assert.True(app.Version > version);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_refused_action_changes_nothing_and_says_why(ApplicationStatus from, ApplicationAction action)
    {
        var app = InStatus(from);
        var (status, steps, version) = (app.Status, app.Steps.Count, app.Version);
        Assert.DoesNotContain(action, app.AllowedActions());

        var error = Assert.Throws<DomainException>(() => Apply(app, action, T0.AddDays(1)));

        Assert.NotEmpty(error.Message);
        Assert.Equal((status, steps, version), (app.Status, app.Steps.Count, app.Version));
    }

    [Fact]
    public void A_supplement_received_resumes_the_interrupted_status_and_moves_the_due_date_by_the_pause()
    {
        var calendar = new WorkingCalendar([]);
        var hours = WorkingHours.Default;
        var due = DueDateRules.ComputeDue(T0, ProcessingUnit.WorkingDays, 5, calendar, hours);
        var app = Application.ReceiveAtCounter("X-260302-0001", Applicant(), Procedure, 1, Branch, Staff, [new ReceivedDocument("Tờ khai", 1)], T0, due);
        var pausedAt = T0.AddHours(1);
        app.RequestSupplement(Staff, Branch, pausedAt, "Bản sao giấy khai sinh", "Thành phần bắt buộc của thủ tục");
        Assert.Null(Assert.Single(app.Pauses).EndedAt);

        // Two full working days later (Wed 10:00): the due moves two working days later.
        var resumedAt = pausedAt.AddDays(2);
        var newDue = DueDateRules.ExtendByPauses(due, app.Pauses.Select(p => (p.StartedAt, p.EndedAt)), resumedAt, calendar, hours);
        app.ReceiveSupplement(Staff, Branch, resumedAt, newDue);

        Assert.Equal(ApplicationStatus.Received, app.Status);
        Assert.Equal(resumedAt, app.Pauses[0].EndedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.FromHours(7)), app.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(7)), due);
    }

    [Fact]
    public void Waiting_for_fees_and_taxes_stops_the_clock_is_never_late_and_paying_moves_the_due_date_by_the_wait()
    {
        var calendar = new WorkingCalendar([]);
        var hours = WorkingHours.Default;
        var due = DueDateRules.ComputeDue(T0, ProcessingUnit.WorkingDays, 2, calendar, hours);
        var app = Application.ReceiveAtCounter("X-260302-0003", Applicant(), Procedure, 1, Branch, Staff, [new ReceivedDocument("Tờ khai", 1)], T0, due);
        app.StartProcessing(Staff, Branch, T0.AddHours(1));
        var askedAt = T0.AddHours(2);

        Assert.Throws<DomainException>(() => app.AwaitFinancialObligation(Staff, Branch, askedAt, "  "));
        Assert.Empty(app.Pauses);
        app.AwaitFinancialObligation(Staff, Branch, askedAt, "Lệ phí trước bạ 500.000 đồng");

        var pause = Assert.Single(app.Pauses);
        Assert.Equal((PauseKind.FinancialObligation, "Lệ phí trước bạ 500.000 đồng", ApplicationStatus.InProcessing), (pause.Kind, pause.Reason, pause.ResumeTo));
        // Three days later the promise has passed, but the clock stands still while the citizen pays: not late.
        var paidAt = askedAt.AddDays(3);
        Assert.True(paidAt > due);
        Assert.False(app.IsLate(paidAt));
        // A supplement cannot be "received" while nothing was asked for: only the fee pause is open.
        Assert.Null(app.OpenPause(PauseKind.Supplement));

        var newDue = DueDateRules.ExtendByPauses(due, [(pause.StartedAt, paidAt)], paidAt, calendar, hours);
        app.FulfilFinancialObligation(Staff, Branch, paidAt, newDue);

        Assert.Equal((ApplicationStatus.InProcessing, paidAt), (app.Status, pause.EndedAt));
        // Received Mon 2 Mar 09:00 for two working days: due Wed 4 Mar 09:00. Asked Mon 11:00, paid Thu 11:00: three working
        // days stood still, so the date moves to Mon 9 Mar 09:00.
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.FromHours(7)), due);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(7)), app.DueAt);
        Assert.False(app.IsLate(paidAt));
    }

    [Fact]
    public void The_extension_letter_is_refused_while_the_application_is_on_time_and_kept_as_late_afterwards()
    {
        var due = T0.AddDays(7);
        var app = Application.ReceiveAtCounter("X-260302-0002", Applicant(), Procedure, 1, Branch, Staff, [new ReceivedDocument("Tờ khai", 1)], T0, due);

        Assert.Throws<DomainException>(() => app.Extend(Staff, Branch, T0.AddDays(1), due.AddDays(3), "Cần xác minh", willBeLate: false));
        app.Extend(Staff, Branch, T0.AddDays(6), due.AddDays(3), "Cần xác minh", willBeLate: true);

        Assert.Equal(due, app.OriginalDueAt);
        Assert.Equal(due.AddDays(3), app.DueAt);
        Assert.True(app.IsLate(T0.AddDays(6)));
    }

    [Fact]
    public void Returning_by_post_needs_the_tracking_number()
    {
        var app = InStatus(ApplicationStatus.Completed);
        Assert.Throws<DomainException>(() => app.Return(Staff, Branch, T0.AddDays(2), ReturnMethod.Post, " "));
        app.Return(Staff, Branch, T0.AddDays(2), ReturnMethod.Post, "EMS123456789VN");
        Assert.Equal("EMS123456789VN", app.PostalTrackingNumber);
    }

    private static Applicant Applicant() => new("Nguyễn Văn An", "001090012345", "0912345678", "Tây Hồ, Hà Nội");

    /// <summary>An application brought to <paramref name="status"/> through legal moves only.</summary>
    private static Application InStatus(ApplicationStatus status, bool viaProcessing = false)
    {
        if (status == ApplicationStatus.Submitted)
            return Application.Submit("X-260302-0009", Applicant(), Procedure, 1, Branch, Channel.Online, [new ReceivedDocument("Tờ khai", 1)], T0);
        var app = Application.ReceiveAtCounter("X-260302-0009", Applicant(), Procedure, 1, Branch, Staff, [new ReceivedDocument("Tờ khai", 1)], T0, T0.AddDays(7));
        var t = T0;
        void Step(ApplicationAction a) => Apply(app, a, t = t.AddMinutes(10));
        switch (status)
        {
            case ApplicationStatus.Received: break;
            case ApplicationStatus.Refused:
                app = Application.Submit("X-260302-0010", Applicant(), Procedure, 1, Branch, Channel.Online, [new ReceivedDocument("Tờ khai", 1)], T0);
                Apply(app, ApplicationAction.Refuse, t.AddMinutes(10));
                break;
            case ApplicationStatus.InProcessing: Step(ApplicationAction.StartProcessing); break;
            case ApplicationStatus.SupplementRequested:
                if (viaProcessing) Step(ApplicationAction.StartProcessing);
                Step(ApplicationAction.RequestSupplement);
                break;
            case ApplicationStatus.AwaitingFinancialObligation: Step(ApplicationAction.StartProcessing); Step(ApplicationAction.AwaitFinancialObligation); break;
            case ApplicationStatus.Withdrawn: Step(ApplicationAction.Withdraw); break;
            case ApplicationStatus.Stopped: Step(ApplicationAction.StartProcessing); Step(ApplicationAction.Stop); break;
            case ApplicationStatus.Completed: Step(ApplicationAction.StartProcessing); Step(ApplicationAction.Complete); break;
            case ApplicationStatus.Returned: Step(ApplicationAction.StartProcessing); Step(ApplicationAction.Complete); Step(ApplicationAction.Return); break;
        }
        Assert.Equal(status, app.Status);
        return app;
    }

    private static void Apply(Application app, ApplicationAction action, DateTimeOffset at)
    {
        switch (action)
        {
            case ApplicationAction.Receive: app.ReceiveSubmission(Staff, Branch, at, at.AddDays(5), [new ReceivedDocument("Tờ khai", 1)]); break;
            case ApplicationAction.Refuse: app.Refuse(Staff, Branch, at, "Hồ sơ không thuộc thẩm quyền"); break;
            case ApplicationAction.StartProcessing: app.StartProcessing(Staff, Branch, at); break;
            case ApplicationAction.RequestSupplement: app.RequestSupplement(Staff, Branch, at, "Tờ khai", "Chưa có trong hồ sơ"); break;
            case ApplicationAction.ReceiveSupplement: app.ReceiveSupplement(Staff, Branch, at, at.AddDays(5)); break;
            case ApplicationAction.AwaitFinancialObligation: app.AwaitFinancialObligation(Staff, Branch, at, "Nộp lệ phí trước bạ"); break;
            case ApplicationAction.FulfilFinancialObligation: app.FulfilFinancialObligation(Staff, Branch, at, at.AddDays(5)); break;
            case ApplicationAction.Stop: app.Stop(Staff, Branch, at, "Công dân không bổ sung đúng hạn"); break;
            case ApplicationAction.Withdraw: app.Withdraw(Staff, Branch, at); break;
            case ApplicationAction.Complete: app.Complete(Staff, Branch, at); break;
            case ApplicationAction.Return: app.Return(Staff, Branch, at, ReturnMethod.InPerson); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
