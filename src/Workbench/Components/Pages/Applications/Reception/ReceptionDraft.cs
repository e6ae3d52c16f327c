using HanoiWorkbench.Core.Reception;
using HanoiWorkbench.Data.Applications;

namespace HanoiWorkbench.Workbench.Components.Pages.Applications.Reception;

/// <summary>The reception form's state while the clerk fills it in; <see cref="ToRequest"/> is what the server checks again.</summary>
public sealed class ReceptionDraft
{
    public ProcedureChoice? Procedure { get; private set; }
    public int? AreaId { get; set; }
    public string? FullName { get; set; }
    public string? CitizenId { get; set; }
    public int? BirthYear { get; set; }
    /// <summary>"nam", "nu" or empty (not given).</summary>
    public string Sex { get; set; } = "";
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public List<DocumentRow> Documents { get; } = [];

    /// <summary>Fields the clerk has left at least once: their errors show; all show after a first confirm.</summary>
    public HashSet<string> Touched { get; } = [];
    public bool Submitted { get; set; }

    public void Choose(ProcedureChoice? procedure)
    {
        Procedure = procedure;
        Documents.Clear();
        if (procedure is not null) Documents.AddRange(procedure.RequiredDocuments.Select(d => new DocumentRow(d)));
    }

    public ReceptionRequest ToRequest() => new(Procedure?.Id, AreaId, FullName, CitizenId, BirthYear,
        Sex switch { "nam" => true, "nu" => false, _ => null }, Phone, Address,
        Documents.Select(d => new DocumentTick(d.Name, d.Ticked, d.Count)).ToList());

    public bool Shows(string field) => Submitted || Touched.Contains(field);

    public sealed class DocumentRow(string name)
    {
        public string Name { get; } = name;
        public bool Ticked { get; set; }
        public int Count { get; set; } = 1;
    }
}
