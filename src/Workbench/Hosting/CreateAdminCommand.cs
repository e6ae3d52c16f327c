using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Workbench.Hosting;

/// <summary>The parsed <c>create-admin --email E --name N --branch CODE</c>.</summary>
public sealed record CreateAdminOptions(string Email, string FullName, string BranchCode);

/// <summary>
/// <c>create-admin</c>: the first administrator of a production database (staff record and local account), under the
/// same password policy as the admin pages. The password comes from <see cref="PasswordVariable"/> or standard input,
/// never from the command line, which shells keep in their history and other users see in the process list.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";
    public const string PasswordVariable = "WORKBENCH_ADMIN_PASSWORD";
    public const string Usage = "Usage: create-admin --email <e-mail> --name \"<full name>\" --branch <branch code>; " +
        "the password is read from " + PasswordVariable + " or standard input.";

    /// <summary>Null when <paramref name="args"/> is not this command; otherwise the options, or an error to print.</summary>
    public static (CreateAdminOptions? Options, string? Error)? TryParse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || !string.Equals(args[0], Name, StringComparison.OrdinalIgnoreCase)) return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (args[i] is not ("--email" or "--name" or "--branch") || i + 1 >= args.Length)
                return (null, args[i] == "--password" ? "The password is never taken from the command line. " + Usage : Usage);
            values[args[i]] = args[i + 1].Trim();
        }
        return values.TryGetValue("--email", out var email) && values.TryGetValue("--name", out var name) && values.TryGetValue("--branch", out var branch)
            ? (new CreateAdminOptions(email, name, branch), null)
            : (null, Usage);
    }

    /// <summary>Creates the administrator; 0 on success, 2 when refused (nothing written), with the reasons on <paramref name="output"/>.</summary>
    public static async Task<int> RunAsync(CreateAdminOptions options, string password, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        await DatabaseInitializer.InitializeAsync(services, ct);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchUser>>();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();

        var errors = new List<string>();
        var branchId = await db.Branches.Where(b => b.Code == options.BranchCode).Select(b => (int?)b.Id).FirstOrDefaultAsync(ct);
        if (branchId is null) errors.Add($"Không có chi nhánh mã {options.BranchCode}.");
        if (await users.FindByEmailAsync(options.Email) is not null) errors.Add("Email đã được dùng cho tài khoản khác.");
        var staff = await db.Staff.FirstOrDefaultAsync(s => s.Email == options.Email, ct);
        if (staff is not null && (staff.Role != StaffRole.Admin || !staff.IsActive))
            errors.Add("Email thuộc một cán bộ không phải quản trị viên đang hoạt động.");
        if (staff is null && branchId is not null)
        {
            try { staff = new Staff(options.FullName, options.Email, StaffRole.Admin, branchId.Value); }
            catch (DomainException e) { errors.Add(e.Message); }
        }
        var user = new WorkbenchUser { UserName = options.Email, Email = options.Email, EmailConfirmed = true, LockoutEnabled = true };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => IdentityErrorText.Vietnamese(e, users.Options).Message));
        }
        if (errors.Count > 0)
        {
            foreach (var error in errors.Distinct(StringComparer.Ordinal)) await output.WriteLineAsync(error);
            await output.WriteLineAsync("Chưa tạo tài khoản nào.");
            return 2;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (staff!.Id == 0) db.Staff.Add(staff);
        await db.SaveChangesAsync(ct);
        user.StaffId = staff.Id;
        var clock = services.GetRequiredService<TimeProvider>();
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), Name, null, "Tạo quản trị viên (dòng lệnh)", nameof(WorkbenchUser), user.Id, options.Email));
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors) await output.WriteLineAsync(IdentityErrorText.Vietnamese(error, users.Options).Message);
            return 2;
        }
        await transaction.CommitAsync(ct);
        await output.WriteLineAsync($"Đã tạo quản trị viên {options.Email}. Đăng nhập tại /account/login.");
        return 0;
    }

    /// <summary>The password from <see cref="PasswordVariable"/>, else a line of standard input (typed twice, unechoed, at a terminal).</summary>
    public static string? ReadPassword(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromVariable) return fromVariable;
        if (Console.IsInputRedirected) return Console.In.ReadLine();
        var first = ReadHidden(output, "Mật khẩu: ");
        var second = ReadHidden(output, "Nhập lại mật khẩu: ");
        if (first == second) return first;
        output.WriteLine("Hai lần nhập không khớp.");
        return null;
    }

    private static string ReadHidden(TextWriter output, string prompt)
    {
        output.Write(prompt);
        var text = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; }
            else if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        output.WriteLine();
        return text.ToString();
    }
}
