namespace HanoiWorkbench.Core.Domain;

/// <summary>A service point. A branch may have reception points under it (<see cref="ParentBranchId"/>).</summary>
public sealed class Branch
{
    private Branch() { Code = Name = AgencyId = Address = ""; }

    public const int CodeMaxLength = 20, NameMaxLength = 200, AgencyIdMaxLength = 40, AddressMaxLength = 300;

    public Branch(string code, string name, string agencyId, string address, double latitude, double longitude,
        TimeOnly opensAt, TimeOnly closesAt, int? homeAreaId = null, int? parentBranchId = null)
    {
        Code = ValidateCode(code);
        Name = Guard.Required(name, "Tên chi nhánh", NameMaxLength);
        AgencyId = ValidateAgencyId(agencyId);
        Address = Guard.Required(address, "Địa chỉ", AddressMaxLength);
        SetLocation(latitude, longitude);
        SetOpeningHours(opensAt, closesAt);
        HomeAreaId = homeAreaId;
        ParentBranchId = parentBranchId;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    /// <summary>Receiving agency id used as the prefix of application codes, e.g. 000.00.01.H26.</summary>
    public string AgencyId { get; private set; }
    public string Address { get; private set; }
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }
    public TimeOnly OpensAt { get; private set; }
    public TimeOnly ClosesAt { get; private set; }
    public int? HomeAreaId { get; private set; }
    public int? ParentBranchId { get; private set; }
    public bool IsActive { get; private set; }

    public List<Counter> Counters { get; private set; } = [];

    public void Update(string name, string agencyId, string address, double latitude, double longitude, TimeOnly opensAt, TimeOnly closesAt)
    {
        var n = Guard.Required(name, "Tên chi nhánh", NameMaxLength);
        var a = ValidateAgencyId(agencyId);
        var ad = Guard.Required(address, "Địa chỉ", AddressMaxLength);
        ValidateLocation(latitude, longitude);
        ValidateHours(opensAt, closesAt);
        (Name, AgencyId, Address, Latitude, Longitude, OpensAt, ClosesAt) = (n, a, ad, latitude, longitude, opensAt, closesAt);
    }

    public void SetActive(bool active) => IsActive = active;
    public void SetParent(int? parentBranchId)
    {
        if (parentBranchId == Id && Id != 0) throw new DomainException("Chi nhánh không thể trực thuộc chính nó.", nameof(ParentBranchId));
        ParentBranchId = parentBranchId;
    }

    public bool IsOpenAt(TimeOnly time) => time >= OpensAt && time < ClosesAt;

    private void SetLocation(double latitude, double longitude)
    {
        ValidateLocation(latitude, longitude);
        (Latitude, Longitude) = (latitude, longitude);
    }

    private void SetOpeningHours(TimeOnly opensAt, TimeOnly closesAt)
    {
        ValidateHours(opensAt, closesAt);
        (OpensAt, ClosesAt) = (opensAt, closesAt);
    }

    private static void ValidateLocation(double latitude, double longitude)
    {
        if (double.IsNaN(latitude) || latitude is < -90 or > 90) throw new DomainException("Vĩ độ phải nằm trong khoảng -90 đến 90.", nameof(Latitude));
        if (double.IsNaN(longitude) || longitude is < -180 or > 180) throw new DomainException("Kinh độ phải nằm trong khoảng -180 đến 180.", nameof(Longitude));
    }

    private static void ValidateHours(TimeOnly opensAt, TimeOnly closesAt)
    {
        if (closesAt <= opensAt) throw new DomainException("Giờ đóng cửa phải sau giờ mở cửa.", nameof(ClosesAt));
    }

    public const string CodeCharactersMessage = "Mã chi nhánh chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang.";

    /// <summary>The branch's code as stored (it names the branch in URLs, tickets and files): ASCII letters, digits, '.', '_', '-'.</summary>
    public static string ValidateCode(string? code)
    {
        var value = Guard.Required(code, "Mã chi nhánh", CodeMaxLength, nameof(Code));
        foreach (var c in value)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
                throw new DomainException(CodeCharactersMessage, nameof(Code));
        return value;
    }

    public static string ValidateAgencyId(string? agencyId)
    {
        var value = Guard.Required(agencyId, "Mã cơ quan tiếp nhận", AgencyIdMaxLength);
        foreach (var c in value)
            if (!(char.IsAsciiLetterOrDigit(c) || c == '.'))
                throw new DomainException("Mã cơ quan tiếp nhận chỉ gồm chữ không dấu, chữ số và dấu chấm.", nameof(AgencyId));
        return value;
    }
}
