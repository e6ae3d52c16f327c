using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Reception;

/// <summary>What the officer decided at the counter instead of receiving; the value is the form's number in Annex I.</summary>
public enum ReceptionDecisionKind
{
    /// <summary>Written guidance to complete the file (Form 2): nothing received, no code, no clock.</summary>
    Guidance = 2,
    /// <summary>Refusal to receive, with the reason (Form 3).</summary>
    Refusal = 3,
}

/// <summary>
/// A reception decision that is not a reception (domain.md §3): guidance to complete (Form 2) or a refusal (Form 3), given at the
/// counter. It is recorded (who, when, where, for which procedure, to whom, what was lacking and why) and counted apart: it has
/// no application code, starts no clock, is no reception and no line of the tracking book.
/// </summary>
public sealed class ReceptionDecision
{
    public const int MaxMissing = 30;

    private ReceptionDecision() { FullName = ""; CitizenId = ""; Reason = ""; }

    public long Id { get; private set; }
    public ReceptionDecisionKind Kind { get; private set; }
    public int BranchId { get; private set; }
    public int StaffId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int ProcedureId { get; private set; }
    public int ProcedureVersion { get; private set; }
    public int? AreaId { get; private set; }
    /// <summary>The person the form is addressed to: name and ID number (the forms' "Kính gửi" and "Số định danh cá nhân").</summary>
    public string FullName { get; private set; }
    public string CitizenId { get; private set; }
    public string? Phone { get; private set; }
    public string? Address { get; private set; }
    /// <summary>The documents or contents lacking: for guidance what to add or complete, for a refusal what was not there.</summary>
    public List<string> Missing { get; private set; } = [];
    /// <summary>Why: Form 2's "Lý do", Form 3's reason for refusing.</summary>
    public string Reason { get; private set; }
    /// <summary>The token of the form submission: unique, so a second submission of the same form finds this decision.</summary>
    public Guid? Token { get; private set; }

    /// <summary>True once the retention run removed the citizen's personal data (<see cref="Anonymise"/>).</summary>
    public bool IsAnonymised => FullName == Application.AnonymisedName;

    /// <summary>
    /// Removes the citizen's personal data when the retention period has passed (<see cref="Privacy.Retention.DecisionIsDue"/>):
    /// name, ID number, phone and address; what was decided, when, by whom and why stays for the counts and the inspector.
    /// </summary>
    public void Anonymise()
    {
        if (IsAnonymised) throw new DomainException("Quyết định đã được ẩn danh.");
        FullName = Application.AnonymisedName;
        CitizenId = "";
        Phone = null;
        Address = null;
    }

    /// <summary>
    /// Records a decision from checked values (the ID number and phone already normalised by their rules); refuses what the form
    /// could not have sent: guidance without anything lacking, a decision without its reason.
    /// </summary>
    public static ReceptionDecision Issue(ReceptionDecisionKind kind, int branchId, int staffId, DateTimeOffset at, Procedure procedure,
        int? areaId, string fullName, string citizenId, string? phone, string? address, IEnumerable<string> missing, string reason, Guid? token = null)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(missing);
        if (!Enum.IsDefined(kind)) throw new DomainException("Quyết định tiếp nhận không hợp lệ.", nameof(kind));
        var lacking = missing.Select(m => Guard.Required(m, "Giấy tờ, nội dung còn thiếu", ReceivedDocument.NameMaxLength)).Distinct().ToList();
        if (kind == ReceptionDecisionKind.Guidance && lacking.Count == 0) throw new DomainException(ReceptionDecisionRules.NothingMissing, nameof(missing));
        if (lacking.Count > MaxMissing) throw new DomainException($"Tối đa {MaxMissing} giấy tờ, nội dung còn thiếu.", nameof(missing));
        return new ReceptionDecision
        {
            Kind = kind,
            BranchId = branchId,
            StaffId = staffId,
            At = at,
            ProcedureId = procedure.Id,
            ProcedureVersion = procedure.Version,
            AreaId = areaId,
            FullName = Guard.Required(fullName, "Họ và tên", Applicant.FullNameMaxLength),
            CitizenId = Guard.Required(citizenId, "Số CCCD", Applicant.CitizenIdMaxLength),
            Phone = Guard.Optional(phone, "Số điện thoại", Applicant.PhoneMaxLength),
            Address = Guard.Optional(address, "Địa chỉ", Applicant.AddressMaxLength),
            Missing = lacking,
            Reason = ReceptionDecisionRules.ReasonFor(kind).Require(reason)!,
            Token = token,
        };
    }
}
