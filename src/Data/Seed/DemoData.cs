using System.Globalization;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data.Seed;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Data;

/// <summary>
/// The invented staff (~220) and the four demo accounts of <see cref="DemoAccounts"/>, on top of the reference data.
/// Run by <c>seed --demo</c>, by a Development start on a database without staff, and by the test hosts: never by a
/// production start. The demo password skips the password policy on purpose; no other path does.
/// </summary>
public static class DemoData
{
    public const string StaffEmailDomain = "hcc.hanoi.gov.vn";
    private const int StaffSeed = 20241015;

    public static Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        return SeedAsync(services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>(), cancellationToken);
    }

    /// <summary>Reference data, then whatever demo staff and demo account is missing: a deleted demo account comes back.</summary>
    public static async Task SeedAsync(IDbContextFactory<WorkbenchDbContext> contexts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        await DatabaseInitializer.InitializeAsync(contexts, cancellationToken).ConfigureAwait(false);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await SeedStaffAsync(db, cancellationToken).ConfigureAwait(false);
            await SeedDemoUsersAsync(db, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Development's rule: demo data goes into a database that has no staff yet (a fresh one), once. Afterwards the
    /// database is the developer's: a demo account they delete stays deleted until they run <c>seed --demo</c>.
    /// </summary>
    public static async Task<bool> SeedIfFreshAsync(IDbContextFactory<WorkbenchDbContext> contexts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            if (await db.Staff.AnyAsync(cancellationToken).ConfigureAwait(false)) return false;
        await SeedAsync(contexts, cancellationToken).ConfigureAwait(false);
        return true;
    }

    internal sealed record PlannedStaff(string FullName, string Email, StaffRole Role, string BranchCode, IReadOnlyList<string> SkillCodes);

    /// <summary>The staff roster, the same at every run: one manager per branch, 3 directors, 2 admins, 6–8 clerks per branch.</summary>
    internal static IReadOnlyList<PlannedStaff> PlanStaff(IReadOnlyList<string> branchCodes, IReadOnlyList<string> fieldCodes)
    {
        var rng = new Random(StaffSeed);
        var list = new List<PlannedStaff>();
        var number = 0;
        PlannedStaff Person(StaffRole role, string branch, string? email = null, IReadOnlyList<string>? skills = null)
        {
            var (surname, middle, given, _) = VietnameseNames.Next(rng);
            number++;
            var address = email ?? string.Create(CultureInfo.InvariantCulture,
                $"{VietnameseNames.EmailStem(surname, middle, given)}.{number:000}@{StaffEmailDomain}");
            var skillCount = role is StaffRole.Clerk or StaffRole.BranchManager ? rng.Next(2, 6) : 0;
            skills ??= fieldCodes.OrderBy(_ => rng.Next()).Take(skillCount).Order(StringComparer.Ordinal).ToList();
            return new PlannedStaff($"{surname} {middle} {given}", address, role, branch, skills);
        }

        foreach (var branch in branchCodes)
            list.Add(Person(StaffRole.BranchManager, branch, branch == DemoAccounts.BranchManager.BranchCode ? DemoAccounts.BranchManager.Email : null));
        for (var i = 0; i < 3; i++) list.Add(Person(StaffRole.Director, DemoAccounts.Director.BranchCode, i == 0 ? DemoAccounts.Director.Email : null));
        for (var i = 0; i < 2; i++) list.Add(Person(StaffRole.Admin, DemoAccounts.Admin.BranchCode, i == 0 ? DemoAccounts.Admin.Email : null));
        foreach (var branch in branchCodes)
        {
            var clerks = rng.Next(6, 9);
            for (var i = 0; i < clerks; i++) list.Add(Person(StaffRole.Clerk, branch));
        }
        var demoSkills = fieldCodes.Where(c => c is "ho-tich" or "chung-thuc" or "tu-phap" or "ly-lich-tu-phap").ToList();
        list.Add(Person(StaffRole.Clerk, DemoAccounts.Clerk.BranchCode, DemoAccounts.Clerk.Email, demoSkills.Count > 0 ? demoSkills : null));
        return list;
    }

    private static async Task SeedStaffAsync(WorkbenchDbContext db, CancellationToken ct)
    {
        var branches = await db.Branches.ToDictionaryAsync(b => b.Code, b => b.Id, ct).ConfigureAwait(false);
        var fields = await db.ProcedureFields.ToDictionaryAsync(f => f.Code, ct).ConfigureAwait(false);
        var existing = (await db.Staff.Select(s => s.Email).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var plan = PlanStaff(branches.Keys.Order(StringComparer.Ordinal).ToList(), fields.Keys.Order(StringComparer.Ordinal).ToList());
        foreach (var p in plan)
        {
            if (existing.Contains(p.Email) || !branches.TryGetValue(p.BranchCode, out var branchId)) continue;
            var staff = new Staff(p.FullName, p.Email, p.Role, branchId);
            staff.SetSkills(p.SkillCodes.Select(c => fields[c]));
            db.Staff.Add(staff);
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }


    private static async Task SeedDemoUsersAsync(WorkbenchDbContext db, CancellationToken ct)
    {
        var hasher = new PasswordHasher<WorkbenchUser>();
        foreach (var account in DemoAccounts.All)
        {
            var normalized = account.Email.ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct).ConfigureAwait(false)) continue;
            var staffId = await db.Staff.Where(s => s.Email == account.Email).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            // Same fields UserManager.CreateAsync would set (upper-invariant normalizer, V3 hash, fresh stamps).
            var user = new WorkbenchUser
            {
                UserName = account.Email,
                NormalizedUserName = normalized,
                Email = account.Email,
                NormalizedEmail = normalized,
                EmailConfirmed = true,
                LockoutEnabled = true,
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                StaffId = staffId,
            };
            user.PasswordHash = hasher.HashPassword(user, DemoAccounts.Password);
            db.Users.Add(user);
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }
}
