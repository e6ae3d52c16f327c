using HanoiWorkbench.Core.Text;

namespace HanoiWorkbench.Core.Domain;

/// <summary>An administrative procedure (thủ tục hành chính). Editing the rules bumps <see cref="Version"/>; applications keep the version they were received under.</summary>
public sealed class Procedure
{
    private Procedure() { Name = SearchName = ""; }

    public const int NationalCodeMaxLength = 40, NameMaxLength = 400, FeeNoteMaxLength = 500, DocumentNameMaxLength = 300, MaxDocuments = 50;
    /// <summary>The largest fee a procedure may carry (one thousand billion đồng): anything above is a typing slip.</summary>
    public const long MaxFeeVnd = 1_000_000_000_000L;

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
        var n = Guard.Required(name, "Tên thủ tục", NameMaxLength);
        if (unit == ProcessingUnit.SameDay && processingValue != 0)
            throw new DomainException("Thủ tục trả trong ngày có thời hạn 0.", nameof(ProcessingValue));
        if (unit != ProcessingUnit.SameDay && processingValue is < 1 or > 365)
            throw new DomainException("Thời hạn giải quyết phải từ 1 đến 365.", nameof(ProcessingValue));
        if (feeVnd < 0) throw new DomainException("Lệ phí không được âm.", nameof(FeeVnd));
        if (feeVnd > MaxFeeVnd) throw new DomainException($"Lệ phí tối đa {MaxFeeVnd:N0} ₫.", nameof(FeeVnd));
        ArgumentNullException.ThrowIfNull(requiredDocuments);
        var docs = requiredDocuments.Select(d => Guard.Optional(d, "Thành phần hồ sơ", DocumentNameMaxLength, nameof(RequiredDocuments))).OfType<string>().Distinct().ToList();
        if (docs.Count == 0) throw new DomainException("Thủ tục phải có ít nhất một thành phần hồ sơ.", nameof(RequiredDocuments));
        if (docs.Count > MaxDocuments) throw new DomainException($"Thủ tục có tối đa {MaxDocuments} thành phần hồ sơ.", nameof(RequiredDocuments));
        NationalCode = Guard.Optional(nationalCode, "Mã thủ tục", NationalCodeMaxLength);
        Name = n;
        SearchName = VietnameseText.Fold(n);
        ProcessingValue = processingValue;
        ProcessingUnit = unit;
        FeeVnd = feeVnd;
        FeeNote = Guard.Optional(feeNote, "Ghi chú lệ phí", FeeNoteMaxLength);
        RequiredDocuments = docs;
        Authority = authority;
        OnlineLevel = onlineLevel;
    }
}
