using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace HanoiWorkbench.Data.Admin;

/// <summary>
/// Refuses passwords from the embedded list of common ones (common-passwords.txt, ~8,000 entries: well-known passwords,
/// Vietnamese and Hanoi words, the center's own words, each with the usual digits, years and symbols). A password is
/// common when it is on the list ignoring case, or when what remains after stripping leading and trailing digits and
/// symbols is: "Matkhau@2026!!" and "Quantri123456" are the same guess as "matkhau" and "quantri".
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<WorkbenchUser>
{
    public const string ErrorCode = "CommonPassword";
    public const string Message = "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.";

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var lower = password.Trim().ToLowerInvariant();
        var core = lower.Trim("0123456789!@#$%^&*()-_=+.,;:?~ ".ToCharArray());
        return List.Value.Contains(lower) || List.Value.Contains(core);
    }

    public const string UnreadableCode = "UnreadablePassword";
    public const string UnreadableMessage = "Mật khẩu chứa ký tự điều khiển hoặc ký tự không hợp lệ. Chỉ dùng chữ, chữ số và ký hiệu gõ được từ bàn phím.";

    /// <summary>A password the hash cannot read (a lone UTF-16 surrogate) or no keyboard types (control characters).</summary>
    public static bool IsUnreadable(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        for (var i = 0; i < password.Length; i++)
        {
            var c = password[i];
            if (char.IsHighSurrogate(c) && i + 1 < password.Length && char.IsLowSurrogate(password[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c) || char.IsControl(c)) return true;
        }
        return false;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<WorkbenchUser> manager, WorkbenchUser user, string? password) =>
        Task.FromResult(password switch
        {
            null => IdentityResult.Success,
            _ when IsUnreadable(password) => IdentityResult.Failed(new IdentityError { Code = UnreadableCode, Description = UnreadableMessage }),
            _ when IsCommon(password) => IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = Message }),
            _ => IdentityResult.Success,
        });

    private static FrozenSet<string> Load()
    {
        const string name = "HanoiWorkbench.Data.Admin.common-passwords.txt";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') words.Add(line.Trim());
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
