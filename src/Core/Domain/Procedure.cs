using HanoiWorkbench.Core.Text;

namespace HanoiWorkbench.Core.Domain;

/// <summary>An administrative procedure (thủ tục hành chính). Editing the rules bumps <see cref="Version"/>; applications keep the version they were received under.</summary>
public sealed class Procedure
{
    private Procedure() { Name = SearchName = ""; }

    public Procedure(string? nationalCode, string name, int fieldId, int processingValue, ProcessingUnit unit,
        long feeVnd, string? feeNote, IEnumerable<string> requiredDocuments, AuthorityLevel authority,
        int serviceGroupId, OnlineLevel onlineLevel)
    {
        Name = SearchName = "";
        FieldId = fieldId;
        ServiceGroupId = serviceGroupId;
        Apply(nationalCode, name, processingValue, unit, feeVnd, feeNote, requiredDocuments, authority, onlineLevel);
        Version = 1;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string? NationalCode { get; private set; }
    public string Name { get; private set; }
    /// <summary>Name without diacritics, lower case: the key for "dang ky khai sinh" style search.</summary>
    public string SearchName { get; private set; }
    public int FieldId { get; private set; }
    public ProcedureField? Field { get; private set; }
    public int Version { get; private set; }
    public int ProcessingValue { get; private set; }
    public ProcessingUnit ProcessingUnit { get; private set; }
    public long FeeVnd { get; private set; }
    public string? FeeNote { get; private set; }
    public List<string> RequiredDocuments { get; private set; } = [];
    public AuthorityLevel Authority { get; private set; }
    public int ServiceGroupId { get; private set; }
    public ServiceGroup? ServiceGroup { get; private set; }
    public OnlineLevel OnlineLevel { get; private set; }
    public bool IsActive { get; private set; }

    public void Update(string? nationalCode, string name, int fieldId, int processingValue, ProcessingUnit unit,
        long feeVnd, string? feeNote, IEnumerable<string> requiredDocuments, AuthorityLevel authority,
        int serviceGroupId, OnlineLevel onlineLevel)
    {
        Apply(nationalCode, name, processingValue, unit, feeVnd, feeNote, requiredDocuments, authority, onlineLevel);
        FieldId = fieldId;
        ServiceGroupId = serviceGroupId;
        Version++;
    }

    public void SetActive(bool active) => IsActive = active;

    private void Apply(string? nationalCode, string name, int processingValue, ProcessingUnit unit, long feeVnd,
        string? feeNote, IEnumerable<string> requiredDocuments, AuthorityLevel authority, OnlineLevel onlineLevel)
    {
        var n = Guard.Required(name, "Tên thủ tục", 400);
        if (unit == ProcessingUnit.SameDay && processingValue != 0)
            throw new DomainException("Thủ tục trả trong ngày có thời hạn 0.");
        if (unit != ProcessingUnit.SameDay && processingValue is < 1 or > 365)
            throw new DomainException("Thời hạn giải quyết phải từ 1 đến 365.");
        if (feeVnd < 0) throw new DomainException("Lệ phí không được âm.");
        var docs = requiredDocuments.Select(d => d.Trim()).Where(d => d.Length > 0).Distinct().ToList();
        if (docs.Count == 0) throw new DomainException("Thủ tục phải có ít nhất một thành phần hồ sơ.");
        NationalCode = Guard.Optional(nationalCode, "Mã thủ tục", 40);
        Name = n;
        SearchName = VietnameseText.Fold(n);
        ProcessingValue = processingValue;
        ProcessingUnit = unit;
        FeeVnd = feeVnd;
        FeeNote = Guard.Optional(feeNote, "Ghi chú lệ phí", 500);
        RequiredDocuments = docs;
        Authority = authority;
        OnlineLevel = onlineLevel;
    }
}
