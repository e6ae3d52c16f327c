using HanoiWorkbench.Core.Live;
using System.ComponentModel.DataAnnotations;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Admin;

public sealed class StaffForm
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "Nhập họ và tên.")]
    [StringLength(Staff.FullNameMaxLength, ErrorMessage = "Họ và tên dài tối đa {1} ký tự.")]
    public string FullName { get; set; } = "";

    [Required(ErrorMessage = "Nhập email.")]
    [StringLength(Staff.EmailMaxLength, ErrorMessage = "Email dài tối đa {1} ký tự.")]
    [EmailAddress(ErrorMessage = "Email không đúng định dạng.")]
    public string Email { get; set; } = "";

    public StaffRole Role { get; set; } = StaffRole.Clerk;

    [Required(ErrorMessage = "Chọn chi nhánh gốc.")]
    public int? HomeBranchId { get; set; }

    public IReadOnlyCollection<int> SkillIds { get; set; } = [];

    public bool IsActive { get; set; } = true;
}

public sealed record StaffAdminRow(int Id, string FullName, string Email, StaffRole Role, int HomeBranchId, string HomeBranchName,
    IReadOnlyList<string> Skills, bool IsActive, bool HasAccount);

/// <summary>Staff records: roles, home branch and skills. The e-mail is also the sign-in name of the linked local account.</summary>
public sealed class StaffAdmin(IDbContextFactory<WorkbenchDbContext> dbFactory, TimeProvider clock, ILiveEvents live)
{
    private static readonly DomainErrorRouter Routes = new(typeof(StaffForm));

    public async Task<IReadOnlyList<StaffAdminRow>> ListAsync(int? branchId, StaffRole? role, string? search, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var q = db.Staff.AsNoTracking();
        if (branchId is { } b) q = q.Where(s => s.HomeBranchId == b);
        if (role is { } r) q = q.Where(s => s.Role == r);
        var rows = await q.OrderBy(s => s.FullName)
            .Select(s => new
            {
                s.Id, s.FullName, s.Email, s.Role, s.HomeBranchId, s.IsActive,
                Branch = db.Branches.Where(x => x.Id == s.HomeBranchId).Select(x => x.Name).FirstOrDefault(),
                Skills = s.Skills.OrderBy(f => f.Name).Select(f => f.Name).ToList(),
                HasAccount = db.Users.Any(u => u.StaffId == s.Id),
            })
            .ToListAsync(ct).ConfigureAwait(false);
        var key = VietnameseText.Fold(search);
        return rows
            .Where(s => key.Length == 0 || VietnameseText.Fold(s.FullName + " " + s.Email).Contains(key, StringComparison.Ordinal))
            .Select(s => new StaffAdminRow(s.Id, s.FullName, s.Email, s.Role, s.HomeBranchId, s.Branch ?? "", s.Skills, s.IsActive, s.HasAccount))
            .ToList();
    }

    public async Task<StaffForm?> GetAsync(int id, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var s = await db.Staff.AsNoTracking().Include(x => x.Skills).FirstOrDefaultAsync(x => x.Id == id, ct).ConfigureAwait(false);
        return s is null ? null : new StaffForm
        {
            Id = s.Id, FullName = s.FullName, Email = s.Email, Role = s.Role, HomeBranchId = s.HomeBranchId,
            SkillIds = s.Skills.Select(f => f.Id).ToList(), IsActive = s.IsActive,
        };
    }

    public async Task<SaveResult> SaveAsync(StaffForm form, AdminActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(actor);
        var result = new SaveResult();
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);

        Staff? staff = null;
        if (form.Id is { } id)
        {
            staff = await db.Staff.Include(s => s.Skills).FirstOrDefaultAsync(s => s.Id == id, ct).ConfigureAwait(false);
            if (staff is null) return result.AddError("Cán bộ không còn tồn tại.");
        }
        var email = form.Email.Trim().ToLowerInvariant();
        var normalized = email.ToUpperInvariant();
        var selfId = form.Id ?? 0;
        if (await db.Staff.AnyAsync(s => s.Email == email && s.Id != selfId, ct).ConfigureAwait(false)
            || await db.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.StaffId != selfId, ct).ConfigureAwait(false))
            result.AddFieldError(nameof(StaffForm.Email), "Email đã được dùng cho cán bộ hoặc tài khoản khác.");
        if (form.HomeBranchId is not { } branchId || !await db.Branches.AnyAsync(b => b.Id == branchId, ct).ConfigureAwait(false))
            result.AddFieldError(nameof(StaffForm.HomeBranchId), "Chọn chi nhánh gốc.");
        var skillIds = form.SkillIds.Distinct().ToList();
        var skills = await db.ProcedureFields.Where(f => skillIds.Contains(f.Id)).ToListAsync(ct).ConfigureAwait(false);
        if (skills.Count != skillIds.Count)
            result.AddFieldError(nameof(StaffForm.SkillIds), "Có lĩnh vực không còn tồn tại.");
        if (result.HasErrors) return result;

        string action;
        try
        {
            if (staff is null)
            {
                staff = new Staff(form.FullName, email, form.Role, form.HomeBranchId!.Value);
                db.Staff.Add(staff);
                action = "Tạo cán bộ";
            }
            else
            {
                staff.Update(form.FullName, email, form.Role, form.HomeBranchId!.Value);
                action = "Sửa cán bộ";
            }
            staff.SetSkills(skills);
            if (form.IsActive) staff.Activate(); else staff.Deactivate();
        }
        catch (DomainException ex)
        {
            Routes.Add(result, ex);
            return result;
        }

        // The linked local account signs in with the staff e-mail: keep the two in step in the same save.
        if (staff.Id != 0)
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.StaffId == staff.Id, ct).ConfigureAwait(false);
            if (user is not null && !string.Equals(user.Email, staff.Email, StringComparison.OrdinalIgnoreCase))
            {
                user.Email = user.UserName = staff.Email;
                user.NormalizedEmail = user.NormalizedUserName = staff.Email.ToUpperInvariant();
                user.SecurityStamp = Guid.NewGuid().ToString();
            }
        }

        var s = staff;
        await AuditedSave.SaveAsync(db, clock, actor, action, nameof(Staff), () => AuditedSave.Id(s.Id),
            $"{s.FullName} · {s.Email} · {s.Role} · chi nhánh {s.HomeBranchId} · {(s.IsActive ? "hoạt động" : "ngừng hoạt động")}", ct).ConfigureAwait(false);
        // Screens showing this branch (counter pages, lobby displays, dashboards) re-read.
        await live.PublishAsync(LiveEventKind.StaffAssigned, s.CurrentBranchId, s.Id, ct).ConfigureAwait(false);
        return SaveResult.Saved(s.Id);
    }
}
