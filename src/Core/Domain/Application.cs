using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Core.Domain;

/// <summary>
/// An application (hồ sơ). Three places are distinct: the receiving branch, the area whose authority decides it,
/// and the branch/clerk currently handling it. Status changes only through methods that refuse illegal moves.
/// </summary>
public sealed class Application
{
    private Application() { Code = ""; Applicant = null!; }

    /// <summary>Reasons, notes and a result note a person writes.</summary>
    public const int NoteMaxLength = 1000;
    public const int CodeMaxLength = 60, PostalTrackingNumberMaxLength = 100;

    private Application(string code, Applicant applicant, Procedure procedure, int areaId, int receivingBranchId, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        Code = Guard.Required(code, "Mã hồ sơ", CodeMaxLength);
        Applicant = applicant.Checked();
        ProcedureId = procedure.Id;
        ProcedureVersion = procedure.Version;
        AreaId = areaId;
        ReceivingBranchId = receivingBranchId;
        HandlingBranchId = receivingBranchId;
        Channel = channel;
    }

    public long Id { get; private set; }
    public string Code { get; private set; }
    public Applicant Applicant { get; private set; }
    public int ProcedureId { get; private set; }
    public int ProcedureVersion { get; private set; }
    public int AreaId { get; private set; }
    public int ReceivingBranchId { get; private set; }
    public int HandlingBranchId { get; private set; }
    public int? HandlingStaffId { get; private set; }
    public int? ReceivedByStaffId { get; private set; }
    public Channel Channel { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    /// <summary>The due date first promised, kept when an apology letter sets a new one: the application still counts as late.</summary>
    public DateTimeOffset? OriginalDueAt { get; private set; }
    public string? ExtensionReason { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? ReturnedAt { get; private set; }
    public ReturnMethod? ReturnMethod { get; private set; }
    public string? PostalTrackingNumber { get; private set; }
    /// <summary>The result note when granted, the written reason when refused (<see cref="Outcome"/>).</summary>
    public string? ResultNote { get; private set; }
    /// <summary>How processing ended; null until it has (and on applications completed before outcomes were kept).</summary>
    public ProcessingOutcome? Outcome { get; private set; }
    /// <summary>Optimistic concurrency token: bumped by every change, so a second editor is told instead of overwriting.</summary>
    public int Version { get; private set; }
    /// <summary>
    /// The token of the form submission that received the application (at the counter or on checking an online submission):
    /// unique, so a second submission of the same form finds the first result instead of receiving again.
    /// </summary>
    public Guid? ReceptionToken { get; private set; }
    /// <summary>When the applicant's personal data was erased after the retention period (null while it is kept).</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    public List<ReceivedDocument> Documents { get; private set; } = [];
    public List<ApplicationStep> Steps { get; private set; } = [];
    public List<ClockPause> Pauses { get; private set; } = [];

    public bool IsExtended => OriginalDueAt is not null;

    /// <summary>Received at a counter: the receipt is valid at once, so the clock starts now.</summary>
    public static Application ReceiveAtCounter(string code, Applicant applicant, Procedure procedure, int areaId,
        int branchId, int staffId, IEnumerable<ReceivedDocument> documents, DateTimeOffset at, DateTimeOffset dueAt, string? note = null,
        Guid? receptionToken = null)
    {
        var app = new Application(code, applicant, procedure, areaId, branchId, Channel.Counter)
        {
            ReceptionToken = receptionToken,
            SubmittedAt = at,
            Status = ApplicationStatus.Received,
            ReceivedAt = at,
            DueAt = dueAt,
            ReceivedByStaffId = staffId,
            HandlingStaffId = staffId,
        };
        app.Documents.AddRange(Checked(documents));
        app.Steps.Add(new ApplicationStep(ApplicationAction.Receive, null, ApplicationStatus.Received, staffId, branchId, at, note));
        return app;
    }

    /// <summary>Submitted online or by post: not yet received, so no due date until a clerk checks it.</summary>
    public static Application Submit(string code, Applicant applicant, Procedure procedure, int areaId, int branchId,
        Channel channel, IEnumerable<ReceivedDocument> documents, DateTimeOffset at)
    {
        if (channel == Channel.Counter) throw new DomainException("Hồ sơ tại quầy được tiếp nhận trực tiếp.");
        var app = new Application(code, applicant, procedure, areaId, branchId, channel)
        {
            SubmittedAt = at,
            Status = ApplicationStatus.Submitted,
        };
        app.Documents.AddRange(Checked(documents));
        app.Steps.Add(new ApplicationStep(null, null, ApplicationStatus.Submitted, null, branchId, at, channel == Channel.Online ? "Nộp trực tuyến" : "Nộp qua bưu chính"));
        return app;
    }

    public IReadOnlyList<ApplicationAction> AllowedActions() => ApplicationLifecycle.AllowedActions(Status);
    public bool Can(ApplicationAction action) => ApplicationLifecycle.CanApply(Status, action);

    /// <summary>
    /// A clerk checked an online or postal submission and receives it: the code is kept, the receipt is valid now so the
    /// clock starts now, the documents are those the clerk ticked, and the clerk's branch receives and handles it.
    /// </summary>
    public void ReceiveSubmission(int staffId, int branchId, DateTimeOffset at, DateTimeOffset dueAt,
        IReadOnlyCollection<ReceivedDocument> documents, Guid? receptionToken = null, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var checkedDocuments = Checked(documents);
        if (Status == ApplicationStatus.Submitted && documents.Count == 0)
            throw new DomainException("Đánh dấu ít nhất một giấy tờ đã nhận.");
        if (Status == ApplicationStatus.Submitted && dueAt < at)
            throw new DomainException("Ngày hẹn trả phải sau thời điểm tiếp nhận.");
        Move(ApplicationAction.Receive, staffId, branchId, at,
            note ?? (Channel == Channel.Post ? "Tiếp nhận hồ sơ qua bưu chính sau khi kiểm tra" : "Tiếp nhận hồ sơ trực tuyến sau khi kiểm tra"));
        ReceivedAt = at;
        DueAt = dueAt;
        ReceivedByStaffId = staffId;
        HandlingStaffId = staffId;
        ReceivingBranchId = branchId;
        HandlingBranchId = branchId;
        ReceptionToken = receptionToken;
        Documents.Clear();
        Documents.AddRange(checkedDocuments);
    }

    public void Refuse(int staffId, int branchId, DateTimeOffset at, string reason) =>
        Move(ApplicationAction.Refuse, staffId, branchId, at, ActionInputs.RefusalReason.Require(reason));

    public void StartProcessing(int staffId, int branchId, DateTimeOffset at, string? note = null)
    {
        Move(ApplicationAction.StartProcessing, staffId, branchId, at, note);
        HandlingStaffId = staffId;
        HandlingBranchId = branchId;
    }

    /// <summary>
    /// A supplement request (Form 2): what is missing and why, kept apart; the clock stops until it is received. Guidance is given
    /// once and completely: a second request on the same application needs its own recorded reason.
    /// </summary>
    public void RequestSupplement(int staffId, int branchId, DateTimeOffset at, string whatIsMissing, string why, string? repeatReason = null)
    {
        var resumeTo = Status;
        var (_, refusal) = ApplicationLifecycle.Decide(Status, ApplicationAction.RequestSupplement);
        if (refusal is not null) throw new DomainException(refusal);
        var missing = ActionInputs.WhatIsMissing.Require(whatIsMissing)!;
        var reason = ActionInputs.SupplementReason.Require(why)!;
        string? repeat = null;
        if (IsSupplementRepeat)
        {
            if (string.IsNullOrWhiteSpace(repeatReason)) throw new DomainException(ActionInputs.RepeatSupplementMissing, nameof(repeatReason));
            repeat = ActionInputs.RepeatSupplementReason.Require(repeatReason);
        }
        Move(ApplicationAction.RequestSupplement, staffId, branchId, at, missing);
        Pauses.Add(new ClockPause(at, reason, resumeTo, missing, repeat));
    }

    /// <summary>Whether a supplement was requested before: the next request is a repeat and must say why.</summary>
    public bool IsSupplementRepeat => Steps.Any(s => s.Action == ApplicationAction.RequestSupplement);

    public void ReceiveSupplement(int staffId, int branchId, DateTimeOffset at, DateTimeOffset newDueAt, string? note = null)
    {
        var open = OpenPause(PauseKind.Supplement) ?? throw new DomainException("Không có yêu cầu bổ sung nào đang chờ.");
        var resumeTo = open.ResumeTo;
        Move(ApplicationAction.ReceiveSupplement, staffId, branchId, at, note, resumeTo);
        open.End(at);
        if (resumeTo == ApplicationStatus.Submitted) return;
        if (resumeTo == ApplicationStatus.Received && ReceivedAt is null) ReceivedAt = at;
        DueAt = newDueAt;
    }

    /// <summary>The citizen must pay fees or taxes before the work goes on: the clock stops until they are paid (a pause
    /// like a supplement request, kept with what is owed).</summary>
    public void AwaitFinancialObligation(int staffId, int branchId, DateTimeOffset at, string whatIsOwed)
    {
        var resumeTo = Status;
        var owed = ActionInputs.FinancialObligation.Require(whatIsOwed)!;
        Move(ApplicationAction.AwaitFinancialObligation, staffId, branchId, at, owed);
        Pauses.Add(new ClockPause(at, owed, resumeTo, kind: PauseKind.FinancialObligation));
    }

    /// <summary>The fees and taxes are paid: the clock runs again, the due date moved by the working time it stood still
    /// (<paramref name="newDueAt"/>, from <see cref="DueDateRules.ExtendByPauses"/>).</summary>
    public void FulfilFinancialObligation(int staffId, int branchId, DateTimeOffset at, DateTimeOffset newDueAt, string? note = null)
    {
        var open = OpenPause(PauseKind.FinancialObligation);
        Move(ApplicationAction.FulfilFinancialObligation, staffId, branchId, at, note);
        if (open is null) return; // no step began the wait (see RecoverFinancialPause): its date stays as it was
        open.End(at);
        DueAt = newDueAt;
    }

    /// <summary>
    /// An application that began waiting for fees before the workbench kept a pause for them has none: the pause is
    /// recovered from the step that began the wait (its time, what is owed, the status to resume), so paying moves the due
    /// date as for any other. Nothing happens when the application is not waiting for fees or already has its pause.
    /// </summary>
    public void RecoverFinancialPause()
    {
        if (Status != ApplicationStatus.AwaitingFinancialObligation || OpenPause(PauseKind.FinancialObligation) is not null) return;
        var began = Steps.Where(s => s.ToStatus == ApplicationStatus.AwaitingFinancialObligation).OrderBy(s => s.At).LastOrDefault();
        if (began is null) return;
        Pauses.Add(new ClockPause(began.At, string.IsNullOrWhiteSpace(began.Note) ? "Nghĩa vụ tài chính" : began.Note,
            began.FromStatus ?? ApplicationStatus.InProcessing, kind: PauseKind.FinancialObligation));
    }

    /// <summary>The pause of this kind still open, if any.</summary>
    public ClockPause? OpenPause(PauseKind kind) => Pauses.LastOrDefault(p => p.EndedAt is null && p.Kind == kind);

    public void Stop(int staffId, int branchId, DateTimeOffset at, string reason) =>
        Move(ApplicationAction.Stop, staffId, branchId, at, ActionInputs.StopReason.Require(reason));

    public void Withdraw(int staffId, int branchId, DateTimeOffset at, string? note = null) =>
        Move(ApplicationAction.Withdraw, staffId, branchId, at, note);

    /// <summary>Processing ended with the request granted (the usual outcome).</summary>
    public void Complete(int staffId, int branchId, DateTimeOffset at, string? resultNote = null) =>
        Complete(staffId, branchId, at, ProcessingOutcome.Granted, resultNote);

    /// <summary>Processing ended: granted (with an optional result note) or refused, which needs the written reason.</summary>
    public void Complete(int staffId, int branchId, DateTimeOffset at, ProcessingOutcome outcome, string? text)
    {
        if (!Enum.IsDefined(outcome)) throw new DomainException("Kết quả giải quyết không hợp lệ.", nameof(outcome));
        var (_, refusal) = ApplicationLifecycle.Decide(Status, ApplicationAction.Complete);
        if (refusal is not null) throw new DomainException(refusal);
        var note = ActionInputs.ResultFor(outcome).Require(text);
        Move(ApplicationAction.Complete, staffId, branchId, at, note, prefix: outcome == ProcessingOutcome.Refused ? ActionInputs.OutcomeLabel(outcome) : null);
        CompletedAt = at;
        ResultNote = note;
        Outcome = outcome;
    }

    public void Return(int staffId, int branchId, DateTimeOffset at, ReturnMethod method, string? postalTrackingNumber = null)
    {
        string? tracking = null;
        if (method == Domain.ReturnMethod.Post)
            tracking = ActionInputs.TrackingNumber.Require(postalTrackingNumber);
        Move(ApplicationAction.Return, staffId, branchId, at,
            method == Domain.ReturnMethod.Post ? $"Trả qua bưu chính, số hiệu {tracking}" : "Trả trực tiếp");
        ReturnedAt = at;
        ReturnMethod = method;
        PostalTrackingNumber = tracking;
    }

    /// <summary>Apology and extension letter (Form 4): only when the application is late or will be; it still counts as late.</summary>
    public void Extend(int staffId, int branchId, DateTimeOffset at, DateTimeOffset newDueAt, string reason, bool willBeLate)
    {
        if (!ApplicationLifecycle.IsOpen(Status) || DueAt is null)
            throw new DomainException("Chỉ gia hạn được hồ sơ đang giải quyết.");
        if (!(at > DueAt.Value || willBeLate))
            throw new DomainException("Chỉ gửi thư xin lỗi và gia hạn khi hồ sơ đã hoặc sẽ quá hạn.");
        if (ActionInputs.NewDueDateProblem(newDueAt, DueAt, at) is { } dateProblem) throw new DomainException(dateProblem);
        var r = ActionInputs.ExtensionReason.Require(reason)!;
        OriginalDueAt ??= DueAt;
        DueAt = newDueAt;
        ExtensionReason = r;
        Steps.Add(new ApplicationStep(null, Status, Status, staffId, branchId, at, $"Xin lỗi và gia hạn đến {newDueAt:dd/MM/yyyy HH:mm}: {r}"));
        Version++;
    }

    /// <summary>Hands the application to another branch/clerk (recorded as a step).</summary>
    public void HandTo(int branchId, int? staffId, int byStaffId, int byBranchId, DateTimeOffset at, string reason)
    {
        if (ApplicationLifecycle.IsFinal(Status)) throw new DomainException("Hồ sơ đã kết thúc, không thể chuyển.");
        var r = RequireNote(reason, "Lý do chuyển");
        HandlingBranchId = branchId;
        HandlingStaffId = staffId;
        Steps.Add(new ApplicationStep(null, Status, Status, byStaffId, byBranchId, at, r));
        Version++;
    }

    /// <summary>
    /// Erases the applicant's personal data once the retention period after closing has passed (Decree 13/2023/NĐ-CP): name,
    /// ID number, phone and address. The code, procedure, places, dates and steps stay for the statistics and the tracking book.
    /// </summary>
    public void Anonymise(DateTimeOffset at)
    {
        if (!ApplicationLifecycle.IsFinal(Status)) throw new DomainException("Chỉ ẩn danh được hồ sơ đã kết thúc.");
        if (AnonymisedAt is not null) throw new DomainException("Hồ sơ đã được ẩn danh.");
        Applicant = new Applicant(AnonymisedName, "", "", "");
        AnonymisedAt = at;
        Version++;
    }

    /// <summary>The name an anonymised application shows in lists and the tracking book.</summary>
    public const string AnonymisedName = "(Đã ẩn danh)";

    /// <summary>Late = completed after the (original) due date, or still open past it with its clock running (<see cref="Lateness"/>).</summary>
    public bool IsLate(DateTimeOffset now)
    {
        var promised = OriginalDueAt ?? DueAt;
        if (promised is null) return false;
        if (ApplicationLifecycle.Unfinished.Contains(Status)) return Lateness.IsLateNow(Status, promised, OriginalDueAt is not null, now);
        var finishedAt = CompletedAt ?? (ApplicationLifecycle.IsFinal(Status) ? Steps.LastOrDefault()?.At : null);
        return IsLate(OriginalDueAt is not null, (finishedAt ?? now) > promised.Value);
    }

    /// <summary>
    /// The definition of late from its two facts, for readers that only have the facts (a report counts them in SQL):
    /// an apology letter moved the date (it still counts as late), or the work finished, or is still open, after the
    /// first promised moment.
    /// </summary>
    public static bool IsLate(bool extended, bool finishedAfterPromise) => extended || finishedAfterPromise;

    /// <param name="prefix">Words the action puts before the person's note (the outcome of processing), not counted in its length.</param>
    private void Move(ApplicationAction action, int staffId, int branchId, DateTimeOffset at, string? note, ApplicationStatus? overrideTarget = null,
        string? prefix = null)
    {
        var (to, refusal) = ApplicationLifecycle.Decide(Status, action);
        if (to is null) throw new DomainException(refusal!);
        var target = overrideTarget ?? to.Value;
        var text = Guard.OptionalText(note, "Ghi chú", NoteMaxLength);
        if (prefix is not null) text = text is null ? prefix : $"{prefix}: {text}";
        Steps.Add(new ApplicationStep(action, Status, target, staffId, branchId, at, text));
        Status = target;
        Version++;
    }

    private static string RequireNote(string? note, string field) => Guard.RequiredText(note, field, NoteMaxLength);

    private static List<ReceivedDocument> Checked(IEnumerable<ReceivedDocument> documents) => documents.Select(d => d.Checked()).ToList();
}
