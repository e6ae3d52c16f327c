using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Data;

/// <summary>A sign-in account seeded for demonstrations, linked to a staff record of <see cref="Role"/>.</summary>
public sealed record DemoAccount(string Email, StaffRole Role, string BranchCode, string Description);

/// <summary>The demo accounts the seeder creates (all with <see cref="Password"/>): for tests, the README and the sign-in page.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo@2026";

    /// <summary>Every password ever published for demo accounts: a non-Development start refuses to run while any account has one.</summary>
    public static readonly IReadOnlyList<string> KnownPasswords = [Password];

    public static readonly DemoAccount Clerk = new("canbo@hcc.hanoi.gov.vn", StaffRole.Clerk, "BR03", "Cán bộ một cửa, Chi nhánh số 1 (Tây Hồ)");
    public static readonly DemoAccount BranchManager = new("lanhdao@hcc.hanoi.gov.vn", StaffRole.BranchManager, "BR03", "Lãnh đạo Chi nhánh số 1 (Tây Hồ)");
    public static readonly DemoAccount Director = new("giamdoc@hcc.hanoi.gov.vn", StaffRole.Director, "BR01", "Ban Giám đốc Trung tâm");
    public static readonly DemoAccount Admin = new("quantri@hcc.hanoi.gov.vn", StaffRole.Admin, "BR01", "Quản trị hệ thống");

    public static readonly IReadOnlyList<DemoAccount> All = [Clerk, BranchManager, Director, Admin];
}
