using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Reception;

namespace HanoiWorkbench.Data.Applications;

/// <summary>The clerk acting, and the branch they sit at now.</summary>
public sealed record Actor(int StaffId, int BranchId);

/// <summary>
/// Saved with its code, or the Vietnamese errors per field (and nothing saved). <see cref="Replayed"/>: the form's token had
/// been used already, so this is the first submission's application and nothing new was stored.
/// </summary>
public sealed record ReceptionResult(long? ApplicationId, string? Code, IReadOnlyDictionary<string, string> Errors, bool Replayed = false)
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public bool Succeeded => ApplicationId is not null;

    public static ReceptionResult Invalid(IReadOnlyDictionary<string, string> errors) => new(null, null, errors);

    public static ReceptionResult Invalid(string message) => Invalid(new Dictionary<string, string> { [ReceptionFields.Application] = message });

    public static ReceptionResult Saved(long applicationId, string code, bool replayed = false) => new(applicationId, code, NoErrors, replayed);
}

/// <summary>An online submission as the checking clerk sees it: the procedure's checklist and what the citizen attached.</summary>
public sealed record SubmissionCheck(long ApplicationId, int Version, ProcedureChoice Procedure, IReadOnlyList<ReceivedDocument> Submitted, DateTimeOffset DueIfReceivedNow);

public sealed record AreaChoice(int Id, string Name, AreaKind Kind);

/// <summary>Everything the reception form offers: active procedures, every active area, the branch's home area.</summary>
public sealed record ReceptionOptions(IReadOnlyList<ProcedureChoice> Procedures, IReadOnlyList<AreaChoice> Areas, int? HomeAreaId, string BranchName);
