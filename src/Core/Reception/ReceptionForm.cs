using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Reception;

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

/// <summary>A procedure as the picker and the checklist need it.</summary>
public sealed record ProcedureChoice(int Id, string Name, string? Code, int Version, ProcessingUnit Unit, int ProcessingValue,
    long FeeVnd, string? FeeNote, IReadOnlyList<string> RequiredDocuments);
