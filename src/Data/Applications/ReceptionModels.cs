using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Data.Applications;

/// <summary>The keys of the reception form's fields: errors come back under these names and are shown beside them.</summary>
public static class ReceptionFields
{
    public const string Procedure = nameof(Procedure);
    public const string Area = nameof(Area);
    public const string FullName = nameof(FullName);
    public const string CitizenId = nameof(CitizenId);
    public const string BirthYear = nameof(BirthYear);
    public const string Phone = nameof(Phone);
    public const string Address = nameof(Address);
    public const string Documents = nameof(Documents);
    /// <summary>Not a field: the application as a whole (not found, changed meanwhile, refused by its status).</summary>
    public const string Application = nameof(Application);
}

/// <summary>One line of the procedure's checklist as the clerk ticked it.</summary>
public sealed record DocumentTick(string Name, bool Ticked, int Count);

/// <summary>What the clerk typed and ticked at the counter, with the token the form was shown with.</summary>
public sealed record ReceptionRequest(
    int? ProcedureId,
    int? AreaId,
    string? FullName,
    string? CitizenId,
    int? BirthYear,
    bool? IsMale,
    string? Phone,
    string? Address,
    IReadOnlyList<DocumentTick> Documents,
    Guid? Token = null);

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

/// <summary>A procedure as the picker and the checklist need it.</summary>
public sealed record ProcedureChoice(int Id, string Name, string? Code, int Version, ProcessingUnit Unit, int ProcessingValue,
    long FeeVnd, string? FeeNote, IReadOnlyList<string> RequiredDocuments);

public sealed record AreaChoice(int Id, string Name, AreaKind Kind);

/// <summary>Everything the reception form offers: active procedures, every active area, the branch's home area.</summary>
public sealed record ReceptionOptions(IReadOnlyList<ProcedureChoice> Procedures, IReadOnlyList<AreaChoice> Areas, int? HomeAreaId, string BranchName);
