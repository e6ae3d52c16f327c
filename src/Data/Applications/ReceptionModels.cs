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
}

/// <summary>One line of the procedure's checklist as the clerk ticked it.</summary>
public sealed record DocumentTick(string Name, bool Ticked, int Count);

/// <summary>What the clerk typed and ticked at the counter.</summary>
public sealed record ReceptionRequest(
    int? ProcedureId,
    int? AreaId,
    string? FullName,
    string? CitizenId,
    int? BirthYear,
    bool? IsMale,
    string? Phone,
    string? Address,
    IReadOnlyList<DocumentTick> Documents);

/// <summary>The clerk acting, and the branch they sit at now.</summary>
public sealed record Actor(int StaffId, int BranchId);

/// <summary>Saved with its code, or the Vietnamese errors per field (and nothing saved).</summary>
public sealed record ReceptionResult(long? ApplicationId, string? Code, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => ApplicationId is not null;

    public static ReceptionResult Invalid(IReadOnlyDictionary<string, string> errors) => new(null, null, errors);
}

/// <summary>A procedure as the picker and the checklist need it.</summary>
public sealed record ProcedureChoice(int Id, string Name, string? Code, int Version, ProcessingUnit Unit, int ProcessingValue,
    long FeeVnd, string? FeeNote, IReadOnlyList<string> RequiredDocuments);

public sealed record AreaChoice(int Id, string Name, AreaKind Kind);

/// <summary>Everything the reception form offers: active procedures, every active area, the branch's home area.</summary>
public sealed record ReceptionOptions(IReadOnlyList<ProcedureChoice> Procedures, IReadOnlyList<AreaChoice> Areas, int? HomeAreaId, string BranchName);
