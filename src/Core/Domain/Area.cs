namespace HanoiWorkbench.Core.Domain;

/// <summary>An area of jurisdiction (district before 1 Jul 2025, ward/commune after): data, so either set can be loaded.</summary>
public sealed class Area
{
    private Area() { Code = Name = ""; }

    public const int CodeMaxLength = 20, NameMaxLength = 200;

    public Area(string code, string name, AreaKind kind)
    {
        Code = Guard.Required(code, "Mã địa bàn", CodeMaxLength);
        Name = Guard.Required(name, "Tên địa bàn", NameMaxLength);
        Kind = kind;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public AreaKind Kind { get; private set; }
    public bool IsActive { get; private set; }

    public bool IsDistrictLevel => Kind is AreaKind.UrbanDistrict or AreaKind.RuralDistrict or AreaKind.Town;

    public void Rename(string name) => Name = Guard.Required(name, "Tên địa bàn", NameMaxLength);
    public void SetActive(bool active) => IsActive = active;
}
