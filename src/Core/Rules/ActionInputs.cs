using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Text;

namespace HanoiWorkbench.Core.Rules;

/// <summary>Which text a clerk gives with an action on an application.</summary>
public enum ActionTextKind
{
    /// <summary>What is missing or must be completed (a supplement request).</summary>
    WhatIsMissing,
    /// <summary>Why: the reason of a refusal, a stop, a supplement request or an extension.</summary>
    Reason,
    /// <summary>A note: the financial obligation awaited, the result, or a free note.</summary>
    Note,
    /// <summary>The postal tracking number of a result returned by post.</summary>
    TrackingNumber,
    /// <summary>Why a supplement is requested again (guidance is given once and completely).</summary>
    RepeatReason,
}

/// <summary>
/// One text of an action: its label, whether it is required, how long it may be. The domain refuses with the message of
/// <see cref="Check"/>; the action dialog shows the same message beside the field before anything is sent.
/// </summary>
public sealed record ActionText(ActionTextKind Kind, string Label, bool Required, int MaxLength, bool OneLine = false)
{
    /// <summary>The clean (trimmed, NFC) value, or the Vietnamese problem with it.</summary>
    public (string? Value, string? Problem) Check(string? value) => OneLine
        ? TextRules.CheckName(value, Label, MaxLength, Required)
        : TextRules.CheckText(value, Label, MaxLength, Required);

    /// <summary>The clean value, or a <see cref="DomainException"/> with the problem.</summary>
    public string? Require(string? value)
    {
        var (clean, problem) = Check(value);
        return problem is null ? clean : throw new DomainException(problem, Kind.ToString());
    }
}

/// <summary>What each action on an application asks of the clerk, in one place for the domain and the dialog.</summary>
public static class ActionInputs
{
    public static readonly ActionText WhatIsMissing = new(ActionTextKind.WhatIsMissing, "Nội dung cần bổ sung, hoàn thiện", true, Application.NoteMaxLength);
    public static readonly ActionText SupplementReason = new(ActionTextKind.Reason, "Lý do cần bổ sung", true, Application.NoteMaxLength);
    public static readonly ActionText RefusalReason = new(ActionTextKind.Reason, "Lý do từ chối", true, Application.NoteMaxLength);
    public static readonly ActionText StopReason = new(ActionTextKind.Reason, "Lý do dừng giải quyết", true, Application.NoteMaxLength);
    public static readonly ActionText ExtensionReason = new(ActionTextKind.Reason, "Lý do chậm trễ", true, Application.NoteMaxLength);
    public static readonly ActionText FinancialObligation = new(ActionTextKind.Note, "Nghĩa vụ tài chính (phí, thuế phải nộp)", true, Application.NoteMaxLength);
    public static readonly ActionText Result = new(ActionTextKind.Note, "Kết quả giải quyết", false, Application.NoteMaxLength);
    public static readonly ActionText OutcomeRefusalReason = new(ActionTextKind.Reason, "Lý do từ chối giải quyết", true, Application.NoteMaxLength);
    public static readonly ActionText RepeatSupplementReason = new(ActionTextKind.RepeatReason, "Lý do yêu cầu bổ sung lần nữa", true, Application.NoteMaxLength);
    public const string RepeatSupplementMissing =
        "Hồ sơ đã được yêu cầu bổ sung một lần (hướng dẫn một lần, đầy đủ): ghi rõ lý do phải yêu cầu bổ sung lần nữa.";
    public static readonly ActionText Note = new(ActionTextKind.Note, "Ghi chú", false, Application.NoteMaxLength);
    public static readonly ActionText TrackingNumber = new(ActionTextKind.TrackingNumber, "Số hiệu bưu gửi", true, Application.PostalTrackingNumberMaxLength, OneLine: true);

    /// <summary>The texts an action asks for, in the order the dialog shows them.</summary>
    /// <param name="outcome">For completing: granted asks for an optional result, refused for the written reason.</param>
    /// <param name="repeatSupplement">For a supplement request: one was requested before, so this one must say why.</param>
    public static IReadOnlyList<ActionText> For(ApplicationAction action, ReturnMethod method = ReturnMethod.InPerson,
        ProcessingOutcome outcome = ProcessingOutcome.Granted, bool repeatSupplement = false) => action switch
    {
        ApplicationAction.RequestSupplement => repeatSupplement ? [WhatIsMissing, SupplementReason, RepeatSupplementReason] : [WhatIsMissing, SupplementReason],
        ApplicationAction.Refuse => [RefusalReason],
        ApplicationAction.Stop => [StopReason],
        ApplicationAction.AwaitFinancialObligation => [FinancialObligation],
        ApplicationAction.Complete => [ResultFor(outcome)],
        ApplicationAction.Return => method == ReturnMethod.Post ? [TrackingNumber] : [],
        _ => [Note],
    };

    /// <summary>What completing asks for: a result note when granted, the written reason when refused.</summary>
    public static ActionText ResultFor(ProcessingOutcome outcome) => outcome == ProcessingOutcome.Refused ? OutcomeRefusalReason : Result;

    /// <summary>The outcome as the application's page, its steps and the forms write it.</summary>
    public static string OutcomeLabel(ProcessingOutcome outcome) => outcome switch
    {
        ProcessingOutcome.Granted => "Giải quyết",
        ProcessingOutcome.Refused => "Từ chối giải quyết",
        _ => outcome.ToString(),
    };

    /// <summary>The apology and extension letter (Form 4) asks for why, and a new date.</summary>
    public static readonly IReadOnlyList<ActionText> Extension = [ExtensionReason];

    /// <summary>
    /// What is wrong with the new due date of an extension, or null: it must be given, and after both the current due date
    /// and now.
    /// </summary>
    public static string? NewDueDateProblem(DateTimeOffset? newDueAt, DateTimeOffset? currentDueAt, DateTimeOffset now) =>
        newDueAt is not { } proposed ? "Chọn ngày hẹn trả mới."
        : currentDueAt is { } current && proposed <= current ? "Ngày hẹn mới phải sau ngày hẹn hiện tại."
        : proposed <= now ? "Ngày hẹn mới phải sau thời điểm hiện tại."
        : null;
}
