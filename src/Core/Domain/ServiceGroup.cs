namespace HanoiWorkbench.Core.Domain;

/// <summary>A queue service group, identified on tickets by its letter (A civil status, B certification...).</summary>
public sealed class ServiceGroup
{
    private ServiceGroup() { Letter = Name = ""; }

    public const int NameMaxLength = 200;

    public ServiceGroup(string letter, string name)
    {
        Letter = ValidateLetter(letter);
        Name = Guard.Required(name, "Tên nhóm dịch vụ", NameMaxLength);
    }

    public int Id { get; private set; }
    public string Letter { get; private set; }
    public string Name { get; private set; }

    public void Rename(string name) => Name = Guard.Required(name, "Tên nhóm dịch vụ", NameMaxLength);

    private static string ValidateLetter(string? letter)
    {
        var v = Guard.Required(letter, "Chữ cái nhóm", 1).ToUpperInvariant();
        if (!char.IsAsciiLetterUpper(v[0])) throw new DomainException("Chữ cái nhóm phải là một chữ cái A–Z.");
        return v;
    }
}
