namespace HanoiWorkbench.Core.Domain;

/// <summary>A field (lĩnh vực) of procedures, e.g. Hộ tịch; staff skills are held per field.</summary>
public sealed class ProcedureField
{
    private ProcedureField() { Code = Name = ""; }

    public const int CodeMaxLength = 40, NameMaxLength = 200;

    public ProcedureField(string code, string name)
    {
        Code = Guard.Required(code, "Mã lĩnh vực", CodeMaxLength);
        Name = Guard.Required(name, "Tên lĩnh vực", NameMaxLength);
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
}
