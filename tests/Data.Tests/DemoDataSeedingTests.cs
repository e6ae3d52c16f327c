using HanoiWorkbench.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests;

/// <summary>Reference data for every start; demo staff and accounts only from <see cref="DemoData"/>.</summary>
public sealed class DemoDataSeeding
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_start_up_seeding_writes_reference_data_and_no_staff_and_no_account()
    {
        await using var temp = await TempDatabase.ReferenceOnlyAsync();
        await using var db = temp.Factory.CreateDbContext();

        Assert.Equal(30, await db.Branches.CountAsync(Ct));
        Assert.True(await db.Counters.CountAsync(Ct) >= 90);
        Assert.Equal(80, await db.Procedures.CountAsync(Ct));
        Assert.Equal(HanoiWorkbench.Core.Calendar.KnownNotices.Days.Count, await db.CalendarEntries.CountAsync(Ct));
        Assert.Equal(0, await db.Staff.CountAsync(Ct));
        Assert.Equal(0, await db.Users.CountAsync(Ct));
    }

    [Fact]
    public async Task A_deleted_demo_account_stays_deleted_on_every_start_and_comes_back_only_with_demo_seeding()
    {
        await using var temp = await TempDatabase.SeededAsync();
        await DeleteAsync(temp, DemoAccounts.Admin.Email);

        await DatabaseInitializer.InitializeAsync(temp.Factory, Ct);
        Assert.False(await DemoData.SeedIfFreshAsync(temp.Factory, Ct));
        Assert.False(await ExistsAsync(temp, DemoAccounts.Admin.Email));

        await DemoData.SeedAsync(temp.Factory, Ct);
        Assert.True(await ExistsAsync(temp, DemoAccounts.Admin.Email));
    }

    [Fact]
    public async Task Development_seeds_demo_data_into_a_database_without_staff_once()
    {
        await using var temp = await TempDatabase.ReferenceOnlyAsync();

        Assert.True(await DemoData.SeedIfFreshAsync(temp.Factory, Ct));
        Assert.False(await DemoData.SeedIfFreshAsync(temp.Factory, Ct));
        foreach (var account in DemoAccounts.All) Assert.True(await ExistsAsync(temp, account.Email), account.Email);
    }

    [Fact]
    public async Task The_safety_check_finds_every_account_with_a_demo_password_whatever_its_name()
    {
        await using var temp = await TempDatabase.SeededAsync();
        await using (var db = temp.Factory.CreateDbContext())
        {
            var hasher = new PasswordHasher<WorkbenchUser>();
            var real = new WorkbenchUser { UserName = "that.real.person@hcc.hanoi.gov.vn", Email = "that.real.person@hcc.hanoi.gov.vn" };
            real.PasswordHash = hasher.HashPassword(real, DemoAccounts.Password);
            var safe = new WorkbenchUser { UserName = "safe@hcc.hanoi.gov.vn", Email = "safe@hcc.hanoi.gov.vn" };
            safe.PasswordHash = hasher.HashPassword(safe, "Một-câu-dài-không-ai-đoán-2026");
            db.Users.AddRange(real, safe);
            await db.SaveChangesAsync(Ct);
        }

        var found = await AccountSafety.AccountsWithDemoPasswordAsync(temp.Factory, Ct);

        Assert.Equal(DemoAccounts.All.Select(a => a.Email).Append("that.real.person@hcc.hanoi.gov.vn").Order(StringComparer.Ordinal), found);
    }

    [Fact]
    public async Task An_administrator_account_counts_only_when_linked_to_an_active_admin()
    {
        await using var empty = await TempDatabase.ReferenceOnlyAsync();
        await using var demo = await TempDatabase.SeededAsync();

        Assert.False(await AccountSafety.HasAdministratorAccountAsync(empty.Factory, Ct));
        Assert.True(await AccountSafety.HasAdministratorAccountAsync(demo.Factory, Ct));
        await using (var db = demo.Factory.CreateDbContext())
        {
            var admin = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.Admin.Email, Ct);
            admin.Deactivate();
            await db.SaveChangesAsync(Ct);
        }
        Assert.False(await AccountSafety.HasAdministratorAccountAsync(demo.Factory, Ct));
    }

    private static async Task DeleteAsync(TempDatabase temp, string email)
    {
        await using var db = temp.Factory.CreateDbContext();
        await db.Users.Where(u => u.Email == email).ExecuteDeleteAsync(Ct);
    }

    private static async Task<bool> ExistsAsync(TempDatabase temp, string email)
    {
        await using var db = temp.Factory.CreateDbContext();
        return await db.Users.AnyAsync(u => u.Email == email, Ct);
    }
}

public sealed class CommonPasswordsAreRefused
{
    [Theory]
    [InlineData("password", true)]
    [InlineData("Password@2026!", true)]
    [InlineData("QWERTYUIOP123", true)]
    [InlineData("Matkhau@123456", true)]
    [InlineData("123456789012", true)]
    [InlineData("Quantri2026!!", true)]
    [InlineData("Demo@2026", true)]
    [InlineData("Sông-Hồng-chảy-về-2026", false)]
    [InlineData("correct-horse-battery-staple", false)]
    [InlineData("Ba-con-mèo-trên-mái-nhà", false)]
    public void A_password_is_common_when_it_or_its_undecorated_word_is_on_the_list(string password, bool common) =>
        Assert.Equal(common, Admin.CommonPasswordValidator.IsCommon(password));

    [Fact]
    public void The_list_has_a_few_thousand_entries() =>
        Assert.InRange(Admin.CommonPasswordValidator.Count, 5_000, 20_000);
}
