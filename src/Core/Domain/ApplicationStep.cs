using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Core.Domain;

/// <summary>A recorded transition: who, which branch, when, note.</summary>
public sealed class ApplicationStep
{
    /// <summary>A person's note (<see cref="Application.NoteMaxLength"/>) with the words the action adds before it.</summary>
    public const int NoteMaxLength = Application.NoteMaxLength + 100;

    private ApplicationStep() { }

    internal ApplicationStep(ApplicationAction? action, ApplicationStatus? from, ApplicationStatus to, int? staffId, int branchId, DateTimeOffset at, string? note)
    {
        Action = action;
        FromStatus = from;
        ToStatus = to;
        StaffId = staffId;
        BranchId = branchId;
        At = at;
        Note = note;
    }

    public long Id { get; private set; }
    public long ApplicationId { get; private set; }
    public ApplicationAction? Action { get; private set; }
    public ApplicationStatus? FromStatus { get; private set; }
    public ApplicationStatus ToStatus { get; private set; }
    public int? StaffId { get; private set; }
    public int BranchId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Note { get; private set; }
}

/// <summary>A stretch of time during which the due-date clock is stopped: a supplement requested, or the citizen's fees and
/// taxes awaited (<see cref="PauseKind"/>).</summary>
public sealed class ClockPause
{
    private ClockPause() { Reason = ""; }

    internal ClockPause(DateTimeOffset startedAt, string reason, ApplicationStatus resumeTo, string? missing = null, string? repeatReason = null,
        PauseKind kind = PauseKind.Supplement)
    {
        Kind = kind;
        RepeatReason = repeatReason;
        StartedAt = startedAt;
        Reason = reason;
        ResumeTo = resumeTo;
        Missing = missing;
    }

    public long Id { get; private set; }
    public PauseKind Kind { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>Why the clock stopped (for a supplement request: why the documents are needed, Form 2's "Lý do"; for fees and
    /// taxes: what the citizen must pay).</summary>
    public string Reason { get; private set; }
    /// <summary>For a supplement request, what is missing or must be completed (Form 2's "Nội dung"); kept apart from why.</summary>
    public string? Missing { get; private set; }
    public ApplicationStatus ResumeTo { get; private set; }
    /// <summary>Why a second (or later) supplement request was needed: guidance is meant to be given once and completely.</summary>
    public string? RepeatReason { get; private set; }

    internal void End(DateTimeOffset at) => EndedAt = at;
}

/// <summary>A document ticked against the procedure's checklist, with the number of copies received.</summary>
public sealed record ReceivedDocument(string Name, int Count)
{
    public const int NameMaxLength = 300;

    /// <summary>The document as stored: its name a checked one-line name.</summary>
    public ReceivedDocument Checked()
    {
        var name = Guard.Required(Name, "Tên thành phần hồ sơ", NameMaxLength);
        return name == Name ? this : this with { Name = name };
    }
}
