namespace HanoiWorkbench.Core.Domain;

/// <summary>A member of staff. Roles and branch scope always come from this record, whatever the sign-in method.</summary>
public sealed class Staff
{
    private Staff() { FullName = Email = ""; }

    public const int FullNameMaxLength = 120, EmailMaxLength = 200, ExternalObjectIdMaxLength = 64;

    public Staff(string fullName, string email, StaffRole role, int homeBranchId)
    {
        FullName = Guard.Required(fullName, "Họ và tên", FullNameMaxLength);
        Email = ValidateEmail(email);
        Role = role;
        HomeBranchId = homeBranchId;
        CurrentBranchId = homeBranchId;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string FullName { get; private set; }
    public string Email { get; private set; }
    public StaffRole Role { get; private set; }
    public int HomeBranchId { get; private set; }
    public int CurrentBranchId { get; private set; }
    public int? CurrentCounterId { get; private set; }
    /// <summary>Entra ID object id, when the person signs in with Microsoft.Identity.Web.</summary>
    public string? ExternalObjectId { get; private set; }
    public bool IsActive { get; private set; }
    public List<ProcedureField> Skills { get; private set; } = [];
    /// <summary>The counter a manager moved the person to, taken when they finish the ticket in front of them.</summary>
    public int? PendingCounterId { get; private set; }
    /// <summary>Moves with every change of where the person works, so two managers moving them at once cannot both win.</summary>
    public int Version { get; private set; }

    /// <summary>True while lent to a branch other than the home branch.</summary>
    public bool IsOnLoan => CurrentBranchId != HomeBranchId;

    public void Update(string fullName, string email, StaffRole role, int homeBranchId)
    {
        var n = Guard.Required(fullName, "Họ và tên", FullNameMaxLength);
        var e = ValidateEmail(email);
        var wasAtHome = !IsOnLoan;
        (FullName, Email, Role, HomeBranchId) = (n, e, role, homeBranchId);
        if (wasAtHome) { CurrentBranchId = homeBranchId; CurrentCounterId = null; PendingCounterId = null; }
        Version++;
    }

    /// <summary>Moves the person to a branch (their own or lent to another), leaving any counter.</summary>
    public void AssignToBranch(int branchId)
    {
        if (!IsActive) throw new DomainException("Cán bộ đã ngừng hoạt động, không thể điều động.");
        CurrentBranchId = branchId;
        CurrentCounterId = null;
        PendingCounterId = null;
        Version++;
    }

    public void SitAt(Counter counter)
    {
        if (!IsActive) throw new DomainException("Cán bộ đã ngừng hoạt động.");
        if (counter.BranchId != CurrentBranchId)
            throw new DomainException("Quầy không thuộc chi nhánh cán bộ đang làm việc.");
        CurrentCounterId = counter.Id;
        PendingCounterId = null;
        Version++;
    }

    public void LeaveCounter()
    {
        CurrentCounterId = null;
        PendingCounterId = null;
        Version++;
    }

    /// <summary>Moves the person to <paramref name="counter"/> once the ticket they are serving is finished.</summary>
    public void PlanSeat(Counter counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        if (!IsActive) throw new DomainException("Cán bộ đã ngừng hoạt động.");
        if (counter.BranchId != CurrentBranchId) throw new DomainException("Quầy không thuộc chi nhánh cán bộ đang làm việc.");
        if (counter.Id == CurrentCounterId) throw new DomainException("Cán bộ đang ngồi ở quầy này.");
        PendingCounterId = counter.Id;
        Version++;
    }

    public void DropPlannedSeat()
    {
        PendingCounterId = null;
        Version++;
    }

    /// <summary>A manager decided something about the person (an absence, a lend, a cancellation) that their row does not show.</summary>
    public void NoteDecision() => Version++;

    public void SetSkills(IEnumerable<ProcedureField> fields)
    {
        Skills.Clear();
        Skills.AddRange(fields.DistinctBy(f => f.Id));
    }

    public bool HasSkill(int fieldId) => Skills.Any(s => s.Id == fieldId);

    public void LinkExternalIdentity(string objectId) => ExternalObjectId = Guard.Required(objectId, "Mã định danh Entra ID", ExternalObjectIdMaxLength);

    public void Deactivate() { IsActive = false; CurrentCounterId = null; PendingCounterId = null; Version++; }
    public void Activate() { IsActive = true; Version++; }

    private static string ValidateEmail(string? email)
    {
        var e = Guard.Required(email, "Email", EmailMaxLength).ToLowerInvariant();
        var at = e.IndexOf('@');
        if (at < 1 || at != e.LastIndexOf('@') || at == e.Length - 1 || !e[(at + 1)..].Contains('.'))
            throw new DomainException("Email không đúng định dạng.", nameof(Email));
        return e;
    }
}
