namespace HanoiWorkbench.Core.Domain;

/// <summary>The person an application is for. Personal data (Decree 13/2023): shown only to those who need it.</summary>
public sealed record Applicant(string FullName, string CitizenId, string Phone, string Address)
{
    public const int FullNameMaxLength = 120, CitizenIdMaxLength = 12, PhoneMaxLength = 20, AddressMaxLength = 300;

    /// <summary>
    /// The applicant as stored: names in NFC within their lengths, no markup or invisible characters; the ID number and
    /// phone come already checked by their rules (<see cref="Rules.CitizenIdRules"/>, <see cref="Rules.PhoneRules"/>).
    /// </summary>
    public Applicant Checked()
    {
        var name = Guard.Required(FullName, "Họ và tên", FullNameMaxLength);
        var id = Guard.Required(CitizenId, "Số CCCD", CitizenIdMaxLength);
        var phone = Guard.Required(Phone, "Số điện thoại", PhoneMaxLength);
        var address = Guard.Required(Address, "Địa chỉ", AddressMaxLength);
        return name == FullName && id == CitizenId && phone == Phone && address == Address ? this : new Applicant(name, id, phone, address);
    }

    public string SearchName { get; init; } = Text.VietnameseText.Fold(FullName);
}
