using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Privacy;
using HanoiWorkbench.Data.Applications;
using HanoiWorkbench.Data.Privacy;
using HanoiWorkbench.Data.Tests.Applications;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Privacy;

/// <summary>
/// Issue 14, point 4: an ID number or phone is shown unmasked only to the officer working on the application (the permission
/// table on the handling branch), and every reveal is an audit entry naming who, when, which application and which field —
/// never the value itself.
/// </summary>
public sealed class RevealingPersonalData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<long> ReceivedAsync(ApplicationFixture f, Actor clerk)
    {
        var saved = await f.Reception.ReceiveAsync(await f.ValidRequestAsync(Ct), clerk, Ct);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Values));
        return saved.ApplicationId!.Value;
    }

    private static async Task<List<AuditEntry>> RevealEntriesAsync(ApplicationFixture f)
    {
        await using var db = f.Db.Factory.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == PersonalDataAccess.RevealAction).OrderBy(e => e.Sequence).ToListAsync(Ct);
    }

    [Fact]
    public async Task The_clerk_handling_the_application_sees_each_field_and_each_reveal_is_audited_without_the_value()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var id = await ReceivedAsync(f, clerk);
        var access = new PersonalDataAccess(f.Db.Factory, f.Clock);

        var citizenId = await access.RevealAsync(id, clerk.StaffId, PersonalField.CitizenId, Ct);
        f.Clock.Advance(TimeSpan.FromMinutes(2));
        var phone = await access.RevealAsync(id, clerk.StaffId, PersonalField.Phone, Ct);

        Assert.Equal("001190012345", citizenId);
        Assert.Equal("0912345678", phone);
        var entries = await RevealEntriesAsync(f);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(clerk.StaffId, e.StaffId);
            Assert.Equal(nameof(Application), e.EntityType);
            Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.EntityId);
            Assert.DoesNotContain("001190012345", (e.Details ?? "") + e.Before + e.After, StringComparison.Ordinal);
            Assert.DoesNotContain("0912345678", (e.Details ?? "") + e.Before + e.After, StringComparison.Ordinal);
        });
        Assert.Contains("Số định danh cá nhân", entries[0].Details, StringComparison.Ordinal);
        Assert.Contains("Số điện thoại", entries[1].Details, StringComparison.Ordinal);
        Assert.Equal(ApplicationFixture.Monday9.AddMinutes(2), entries[1].At);
        Assert.True((await new HanoiWorkbench.Data.Audit.AuditLog(f.Db.Factory, f.Clock).VerifyAsync(Ct)).Holds);
    }

    [Fact]
    public async Task A_clerk_of_another_branch_and_the_administrator_are_refused_and_nothing_is_audited()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var id = await ReceivedAsync(f, clerk);
        var admin = await f.ClerkAsync(DemoAccounts.Admin.Email, Ct);
        int stranger;
        await using (var db = f.Db.Factory.CreateDbContext())
            stranger = await db.Staff.Where(s => s.Role == StaffRole.Clerk && s.IsActive && s.HomeBranchId != clerk.BranchId && s.CurrentBranchId != clerk.BranchId)
                .Select(s => s.Id).FirstAsync(Ct);
        var access = new PersonalDataAccess(f.Db.Factory, f.Clock);

        var refusedStranger = await Assert.ThrowsAsync<DomainException>(() => access.RevealAsync(id, stranger, PersonalField.CitizenId, Ct));
        var refusedAdmin = await Assert.ThrowsAsync<DomainException>(() => access.RevealAsync(id, admin.StaffId, PersonalField.Phone, Ct));

        Assert.Contains("không có quyền", refusedStranger.Message, StringComparison.Ordinal);
        Assert.Contains("không có quyền", refusedAdmin.Message, StringComparison.Ordinal);
        Assert.Empty(await RevealEntriesAsync(f));
    }

    [Fact]
    public async Task An_application_handed_to_another_branch_is_revealed_there_and_no_longer_at_the_receiving_branch()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var id = await ReceivedAsync(f, clerk);
        int otherClerk, otherBranch;
        await using (var db = f.Db.Factory.CreateDbContext())
        {
            var other = await db.Staff.Where(s => s.Role == StaffRole.Clerk && s.IsActive && s.HomeBranchId == s.CurrentBranchId && s.HomeBranchId != clerk.BranchId)
                .OrderBy(s => s.Id).FirstAsync(Ct);
            (otherClerk, otherBranch) = (other.Id, other.HomeBranchId);
            var app = await db.Applications.SingleAsync(a => a.Id == id, Ct);
            app.HandTo(otherBranch, other.Id, clerk.StaffId, clerk.BranchId, f.Clock.GetUtcNow(), "Chuyển xử lý");
            await db.SaveChangesAsync(Ct);
        }
        var access = new PersonalDataAccess(f.Db.Factory, f.Clock);

        Assert.Equal("0912345678", await access.RevealAsync(id, otherClerk, PersonalField.Phone, Ct));
        await Assert.ThrowsAsync<DomainException>(() => access.RevealAsync(id, clerk.StaffId, PersonalField.Phone, Ct));
        Assert.Single(await RevealEntriesAsync(f));
    }
}
