using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Security;

/// <summary>
/// The person acting, as their staff record says NOW (read by the write service in its own context and transaction), not as
/// the page captured them when it opened: a deactivation, demotion or move between branches refuses the very next write.
/// </summary>
public sealed record ActingStaff(int StaffId, string FullName, StaffRole Role, int HomeBranchId, int CurrentBranchId, int? CounterId)
{
    public const string Inactive = "Không tìm thấy người thực hiện, hoặc tài khoản đã ngừng hoạt động.";

    public const string Changed = "Vai trò hoặc nơi làm việc của anh/chị vừa thay đổi. Không có gì được lưu: hãy tải lại trang rồi thực hiện lại.";

    public PermissionActor Permission => PermissionActor.Of(Role, HomeBranchId, CurrentBranchId, CounterId);

    public bool Allows(StaffAction action, params int[] branchIds) => Permissions.AllowsAny(Permission, action, branchIds);

    /// <summary>Refuses with the table's Vietnamese reason unless the permission reaches one of the branches.</summary>
    public ActingStaff Require(StaffAction action, params int[] branchIds)
    {
        if (!Allows(action, branchIds)) throw new DomainException(Permissions.Refusal(action));
        return this;
    }

    /// <summary>The active staff record <paramref name="staffId"/>; refused when it is missing or deactivated.</summary>
    public static async Task<ActingStaff> ReadAsync(WorkbenchDbContext db, int staffId, CancellationToken ct) =>
        await FindAsync(db, staffId, ct).ConfigureAwait(false) ?? throw new DomainException(Inactive);

    /// <summary>As <see cref="ReadAsync"/>, or null instead of the refusal.</summary>
    public static Task<ActingStaff?> FindAsync(WorkbenchDbContext db, int staffId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Staff.AsNoTracking().Where(s => s.Id == staffId && s.IsActive)
            .Select(s => new ActingStaff(s.Id, s.FullName, s.Role, s.HomeBranchId, s.CurrentBranchId, s.CurrentCounterId))
            .FirstOrDefaultAsync(ct);
    }
}
