using HanoiWorkbench.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests;

public sealed class ReferenceDataSeeding
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Dictionary<string, int>> CountsAsync(WorkbenchDbContext db) => new()
    {
        ["areas"] = await db.Areas.CountAsync(Ct),
        ["branches"] = await db.Branches.CountAsync(Ct),
        ["groups"] = await db.ServiceGroups.CountAsync(Ct),
        ["counters"] = await db.Counters.CountAsync(Ct),
        ["fields"] = await db.ProcedureFields.CountAsync(Ct),
        ["procedures"] = await db.Procedures.CountAsync(Ct),
        ["staff"] = await db.Staff.CountAsync(Ct),
        ["calendar"] = await db.CalendarEntries.CountAsync(Ct),
        ["users"] = await db.Users.CountAsync(Ct),
    };

    [Fact]
    public async Task Seeding_twice_gives_identical_counts()
    {
        await using var temp = await TempDatabase.SeededAsync();
        Dictionary<string, int> first;
        await using (var db = temp.Factory.CreateDbContext()) first = await CountsAsync(db);
        await DatabaseInitializer.InitializeAsync(temp.Factory, Ct);
        await using (var db = temp.Factory.CreateDbContext()) Assert.Equal(first, await CountsAsync(db));
    }

    [Fact]
    public async Task Thirty_districts_are_active_and_the_126_wards_are_loaded_inactive()
    {
        await using var temp = await TempDatabase.SeededAsync();
        await using var db = temp.Factory.CreateDbContext();
        var areas = await db.Areas.ToListAsync(Ct);
        Assert.Equal(30, areas.Count(a => a.IsActive && a.IsDistrictLevel));
        Assert.Equal(126, areas.Count(a => !a.IsActive && !a.IsDistrictLevel));
        Assert.Equal(AreaKind.Town, areas.Single(a => a.IsDistrictLevel && a.Name == "Sơn Tây").Kind);
        Assert.Equal(AreaKind.RuralDistrict, areas.Single(a => a.IsDistrictLevel && a.Name == "Ba Vì").Kind);
        Assert.Equal(AreaKind.UrbanDistrict, areas.Single(a => a.IsDistrictLevel && a.Name == "Hà Đông").Kind);
    }

    [Fact]
    public async Task Every_one_of_the_30_branches_has_3_to_8_counters_each_serving_1_to_3_groups()
    {
        await using var temp = await TempDatabase.SeededAsync();
        await using var db = temp.Factory.CreateDbContext();
        var branches = await db.Branches.Include(b => b.Counters).ThenInclude(c => c.ServiceGroups).ToListAsync(Ct);
        Assert.Equal(30, branches.Count);
        Assert.All(branches, b =>
        {
            Assert.InRange(b.Counters.Count, 3, 8);
            Assert.All(b.Counters, c => Assert.InRange(c.ServiceGroups.Count, 1, 3));
            Assert.Equal(6, b.Counters.SelectMany(c => c.ServiceGroups).Select(g => g.Id).Distinct().Count());
            Assert.NotNull(b.HomeAreaId);
            Assert.Equal(new TimeOnly(8, 0), b.OpensAt);
        });
        Assert.Equal(30, branches.Select(b => b.AgencyId).Distinct().Count());
        Assert.Equal("000.00.03.H26", branches.Single(b => b.Code == "BR03").AgencyId);
    }

    [Fact]
    public async Task All_80_procedures_are_loaded_over_at_least_8_fields_with_their_checklists()
    {
        await using var temp = await TempDatabase.SeededAsync();
        await using var db = temp.Factory.CreateDbContext();
        var procedures = await db.Procedures.ToListAsync(Ct);
        Assert.Equal(80, procedures.Count);
        Assert.True(procedures.Select(p => p.FieldId).Distinct().Count() >= 8);
        var birth = procedures.Single(p => p.Name == "Đăng ký khai sinh");
        Assert.Equal(ProcessingUnit.SameDay, birth.ProcessingUnit);
        Assert.Equal(0, birth.ProcessingValue);
        Assert.Equal(4, birth.RequiredDocuments.Count);
        Assert.All(procedures, p => Assert.NotEmpty(p.RequiredDocuments));
        Assert.Contains(procedures, p => p.ProcessingUnit == ProcessingUnit.WorkingDays && p.ProcessingValue > 0);
    }

    [Fact]
    public async Task Staff_has_a_manager_per_branch_three_directors_two_admins_and_skilled_clerks()
    {
        await using var temp = await TempDatabase.SeededAsync();
        await using var db = temp.Factory.CreateDbContext();
        var staff = await db.Staff.Include(s => s.Skills).ToListAsync(Ct);
        Assert.True(staff.Count >= 220, $"only {staff.Count} staff");
        Assert.Equal(30, staff.Where(s => s.Role == StaffRole.BranchManager).Select(s => s.HomeBranchId).Distinct().Count());
        Assert.Equal(30, staff.Count(s => s.Role == StaffRole.BranchManager));
        Assert.Equal(3, staff.Count(s => s.Role == StaffRole.Director));
        Assert.Equal(2, staff.Count(s => s.Role == StaffRole.Admin));
        Assert.All(staff.Where(s => s.Role == StaffRole.Clerk), s => Assert.InRange(s.Skills.Count, 2, 5));
        Assert.All(staff, s => Assert.Matches(@"^[a-z0-9.]+@hcc\.hanoi\.gov\.vn$", s.Email));
        Assert.Equal(staff.Count, staff.Select(s => s.Email).Distinct().Count());
    }

    [Fact]
    public async Task Calendar_overrides_are_those_announced_for_2025_and_2026()
    {
        await using var temp = await TempDatabase.SeededAsync();
        await using var db = temp.Factory.CreateDbContext();
        var entries = await db.CalendarEntries.OrderBy(c => c.Date).ToListAsync(Ct);
        Assert.Equal(19, entries.Count);
        Assert.All(entries, e => Assert.NotNull(e.Covers));
        var calendar = new Core.Calendar.WorkingCalendar(entries);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 2, 3)));   // no computed make-up day beside the Tết notice
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 1, 2)));  // 2026 New Year notice 12729/VPCP-KGVX
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 1, 10)));
        Assert.Equal(CalendarEntryKind.WorkingDay, entries.Single(e => e.Date == new DateOnly(2025, 4, 26)).Kind);
        Assert.Contains(entries, e => e.Date == new DateOnly(2025, 5, 2) && e.Kind == CalendarEntryKind.DayOff);
        Assert.Contains(entries, e => e.Date == new DateOnly(2026, 4, 27) && e.Kind == CalendarEntryKind.DayOff);
        Assert.Contains(entries, e => e.Date == new DateOnly(2025, 4, 7));
        Assert.Equal(5, entries.Count(e => e.Date.Year == 2026 && e.Date.Month == 2));
        Assert.DoesNotContain(entries, e => e.Kind == CalendarEntryKind.DayOff && e.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Fact]
    public async Task The_four_demo_accounts_sign_in_with_the_demo_password_and_link_to_staff_of_their_role()
    {
        await using var temp = await TempDatabase.SeededAsync();
        await using var db = temp.Factory.CreateDbContext();
        var hasher = new PasswordHasher<WorkbenchUser>();
        foreach (var account in DemoAccounts.All)
        {
            var user = await db.Users.SingleAsync(u => u.NormalizedEmail == account.Email.ToUpperInvariant(), Ct);
            Assert.True(user.EmailConfirmed);
            Assert.True(user.LockoutEnabled);
            Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(user, user.PasswordHash!, DemoAccounts.Password));
            var staff = await db.Staff.SingleAsync(s => s.Id == user.StaffId, Ct);
            Assert.Equal(account.Role, staff.Role);
            Assert.Equal(account.Email, staff.Email);
            var branch = await db.Branches.SingleAsync(b => b.Id == staff.HomeBranchId, Ct);
            Assert.Equal(account.BranchCode, branch.Code);
        }
    }
}

public sealed class BranchAddressesAreCleaned
{
    [Theory]
    [InlineData("25 Liễu Giai, phường Ngọc Khánh (former UBND quận Ba Đình)", "25 Liễu Giai, phường Ngọc Khánh")]
    [InlineData("Former UBND quận Đống Đa (Đặng Tiến Đông area, phường Trung Liệt) - street number unverified", "UBND quận Đống Đa (Đặng Tiến Đông, phường Trung Liệt)")]
    [InlineData("Phường Bạch Mai (per 2026 news); former UBND quận Hai Bà Trưng was 30 Lê Đại Hành", "Phường Bạch Mai")]
    [InlineData("UBND thị xã Sơn Tây, phường Quang Trung (centre of Sơn Tây)", "UBND thị xã Sơn Tây, phường Quang Trung")]
    public void The_English_notes_of_the_reference_file_never_reach_an_address(string raw, string expected) =>
        Assert.Equal(expected, HanoiWorkbench.Data.DatabaseInitializer.CleanAddress(raw));
}
