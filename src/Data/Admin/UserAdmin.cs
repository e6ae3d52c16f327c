using HanoiWorkbench.Core.Text;
using System.ComponentModel.DataAnnotations;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Data.Admin;

public sealed record UserAdminRow(string UserId, string Email, int? StaffId, string? StaffName, StaffRole? Role, string? BranchName,
    bool StaffActive, DateTimeOffset? LockedUntil, int FailedAttempts);

public sealed record StaffWithoutAccount(int Id, string FullName, string Email, string BranchName)
{
    public string Label => $"{FullName} · {Email}";

    /// <summary>Whether every word typed is in the name, e-mail or branch, without diacritics ("nguyen tay ho" finds "Nguyễn … · Tây Hồ").</summary>
    public bool Matches(string? query)
    {
        var haystack = VietnameseText.Fold($"{FullName} {Email} {BranchName}");
        return VietnameseText.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => haystack.Contains(w, StringComparison.Ordinal));
    }
}

/// <summary>The one password policy of local accounts: Identity's rules at this length, plus <see cref="CommonPasswordValidator"/>.</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const string LengthMessage = "Mật khẩu phải có từ 12 đến 128 ký tự.";

    public static void Apply(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Password.RequiredLength = MinimumLength;
    }
}

public sealed class PasswordForm
{
    [Required(ErrorMessage = "Nhập mật khẩu.")]
    [StringLength(128, MinimumLength = PasswordPolicy.MinimumLength, ErrorMessage = PasswordPolicy.LengthMessage)]
    public string Password { get; set; } = "";
}

public sealed class NewAccountForm
{
    [Required(ErrorMessage = "Chọn cán bộ.")]
    public int? StaffId { get; set; }

    [Required(ErrorMessage = "Nhập mật khẩu.")]
    [StringLength(128, MinimumLength = PasswordPolicy.MinimumLength, ErrorMessage = PasswordPolicy.LengthMessage)]
    public string Password { get; set; } = "";
}

/// <summary>
/// Local sign-in accounts, through ASP.NET Core Identity's <see cref="UserManager{TUser}"/> so its password and user rules apply.
/// Each operation runs in its own DI scope: the audit entry is added to the same context the user store saves, so the
/// change and its audit entry are written by one SaveChanges, or not at all.
/// </summary>
public sealed class UserAdmin(IServiceScopeFactory scopes, IDbContextFactory<WorkbenchDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserAdminRow>> ListAsync(CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.StaffId, u.LockoutEnd, u.AccessFailedCount }).ToListAsync(ct).ConfigureAwait(false);
        var staff = await db.Staff.AsNoTracking()
            .Select(s => new { s.Id, s.FullName, s.Role, s.IsActive, Branch = db.Branches.Where(b => b.Id == s.HomeBranchId).Select(b => b.Name).FirstOrDefault() })
            .ToDictionaryAsync(s => s.Id, ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        return users.Select(u =>
        {
            var s = u.StaffId is { } id ? staff.GetValueOrDefault(id) : null;
            return new UserAdminRow(u.Id, u.Email ?? "", u.StaffId, s?.FullName, s?.Role, s?.Branch, s?.IsActive ?? false,
                u.LockoutEnd is { } end && end > now ? end : null, u.AccessFailedCount);
        }).ToList();
    }

    public async Task<IReadOnlyList<StaffWithoutAccount>> StaffWithoutAccountAsync(CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        return await db.Staff.AsNoTracking()
            .Where(s => s.IsActive && !db.Users.Any(u => u.StaffId == s.Id))
            .OrderBy(s => s.FullName)
            .Select(s => new StaffWithoutAccount(s.Id, s.FullName, s.Email, db.Branches.Where(b => b.Id == s.HomeBranchId).Select(b => b.Name).FirstOrDefault() ?? ""))
            .ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Creates the local account of a staff member: the sign-in name and e-mail are the staff e-mail.</summary>
    public async Task<SaveResult> CreateAsync(int staffId, string password, AdminActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var result = new SaveResult();
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var (users, db) = Resolve(scope);
        if (await AuditedSave.RefusalAsync(db, actor, StaffAction.ManageAccounts, ct).ConfigureAwait(false) is { } refused) return result.AddError(refused);
        var staff = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == staffId, ct).ConfigureAwait(false);
        if (staff is null) return result.AddFieldError(nameof(NewAccountForm.StaffId), "Chọn cán bộ.");
        if (!staff.IsActive) return result.AddFieldError(nameof(NewAccountForm.StaffId), "Cán bộ đã ngừng hoạt động.");
        if (await db.Users.AnyAsync(u => u.StaffId == staffId, ct).ConfigureAwait(false))
            return result.AddFieldError(nameof(NewAccountForm.StaffId), "Cán bộ này đã có tài khoản.");

        var user = new WorkbenchUser { UserName = staff.Email, Email = staff.Email, EmailConfirmed = true, LockoutEnabled = true, StaffId = staffId };
        Audit(db, actor, "Tạo tài khoản", user.Id, $"{staff.Email} · cán bộ {staffId}");
        var outcome = await users.CreateAsync(user, password).ConfigureAwait(false);
        return outcome.Succeeded ? SaveResult.Saved(staffId) : AddIdentityErrors(result, outcome, nameof(NewAccountForm.Password), users.Options);
    }

    public async Task<SaveResult> ResetPasswordAsync(string userId, string newPassword, AdminActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var result = new SaveResult();
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var (users, db) = Resolve(scope);
        if (await AuditedSave.RefusalAsync(db, actor, StaffAction.ManageAccounts, ct).ConfigureAwait(false) is { } refused) return result.AddError(refused);
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null) return result.AddError("Tài khoản không còn tồn tại.");
        var token = await users.GeneratePasswordResetTokenAsync(user).ConfigureAwait(false);
        Audit(db, actor, "Đặt lại mật khẩu", user.Id, user.Email);
        var outcome = await users.ResetPasswordAsync(user, token, newPassword).ConfigureAwait(false);
        return outcome.Succeeded ? SaveResult.Saved(user.StaffId ?? 0) : AddIdentityErrors(result, outcome, nameof(PasswordForm.Password), users.Options);
    }

    /// <summary>Lifts a lock-out after too many failed sign-ins and clears the failure count, in one update.</summary>
    public async Task<SaveResult> UnlockAsync(string userId, AdminActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var result = new SaveResult();
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var (users, db) = Resolve(scope);
        if (await AuditedSave.RefusalAsync(db, actor, StaffAction.ManageAccounts, ct).ConfigureAwait(false) is { } refused) return result.AddError(refused);
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null) return result.AddError("Tài khoản không còn tồn tại.");
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        Audit(db, actor, "Mở khóa tài khoản", user.Id, user.Email);
        var outcome = await users.UpdateAsync(user).ConfigureAwait(false);
        return outcome.Succeeded ? SaveResult.Saved(user.StaffId ?? 0) : AddIdentityErrors(result, outcome, "", users.Options);
    }

    private static (UserManager<WorkbenchUser> Users, WorkbenchDbContext Db) Resolve(AsyncServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchUser>>(), scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>());

    private void Audit(WorkbenchDbContext db, AdminActor actor, string action, string userId, string? details) =>
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), actor.UserName, actor.StaffId, action, nameof(WorkbenchUser), userId, details));

    private static SaveResult AddIdentityErrors(SaveResult result, IdentityResult outcome, string passwordField, IdentityOptions options)
    {
        foreach (var error in outcome.Errors)
        {
            var (field, message) = IdentityErrorText.Vietnamese(error, options);
            if (field == IdentityErrorText.PasswordField && passwordField.Length > 0) result.AddFieldError(passwordField, message);
            else result.AddError(message);
        }
        return result;
    }
}

/// <summary>Identity's error codes in Vietnamese (its own descriptions are English).</summary>
public static class IdentityErrorText
{
    public const string PasswordField = "password";

    public static (string Field, string Message) Vietnamese(IdentityError error, IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(options);
        return error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => (PasswordField, $"Mật khẩu phải có ít nhất {options.Password.RequiredLength} ký tự."),
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => (PasswordField, "Mật khẩu phải có ít nhất một chữ số (0–9)."),
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => (PasswordField, "Mật khẩu phải có ít nhất một chữ thường (a–z)."),
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => (PasswordField, "Mật khẩu phải có ít nhất một chữ hoa (A–Z)."),
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => (PasswordField, "Mật khẩu phải có ít nhất một ký tự đặc biệt (ví dụ @, #, !)."),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => (PasswordField, $"Mật khẩu phải có ít nhất {options.Password.RequiredUniqueChars} ký tự khác nhau."),
            CommonPasswordValidator.ErrorCode => (PasswordField, CommonPasswordValidator.Message),
            CommonPasswordValidator.UnreadableCode => (PasswordField, CommonPasswordValidator.UnreadableMessage),
            nameof(IdentityErrorDescriber.PasswordMismatch) => (PasswordField, "Mật khẩu không đúng."),
            nameof(IdentityErrorDescriber.DuplicateEmail) => ("", "Email đã được dùng cho tài khoản khác."),
            nameof(IdentityErrorDescriber.DuplicateUserName) => ("", "Tên đăng nhập đã được dùng cho tài khoản khác."),
            nameof(IdentityErrorDescriber.InvalidEmail) => ("", "Email không hợp lệ."),
            nameof(IdentityErrorDescriber.InvalidUserName) => ("", "Tên đăng nhập chỉ được chứa chữ cái, chữ số và các ký tự - . _ @ +."),
            nameof(IdentityErrorDescriber.InvalidToken) => ("", "Mã xác nhận không hợp lệ hoặc đã hết hạn. Hãy thử lại."),
            nameof(IdentityErrorDescriber.ConcurrencyFailure) => ("", "Tài khoản vừa được người khác thay đổi. Hãy tải lại trang."),
            nameof(IdentityErrorDescriber.UserAlreadyHasPassword) => ("", "Tài khoản đã có mật khẩu."),
            _ => ("", "Không thực hiện được thao tác với tài khoản."),
        };
    }
}
