using HanoiWorkbench.Data.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TestContext = Xunit.TestContext;

namespace HanoiWorkbench.Workbench.Tests.Admin;

public sealed class AdminServicesRefuseDuplicates : AdminTestContext, IAsyncLifetime
{
    private static readonly AdminActor Actor = new(AdminUserName, null);

    public async ValueTask InitializeAsync() => await StartAsync();

    [Fact]
    public async Task A_counter_number_already_used_in_the_branch_is_refused_on_the_number_field()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await Db.CreateDbContextAsync(ct);
        var existing = await db.Counters.OrderBy(c => c.Id).FirstAsync(ct);
        var group = await db.ServiceGroups.Select(g => g.Id).FirstAsync(ct);
        var countersBefore = await db.Counters.CountAsync(ct);

        var result = await Services.GetRequiredService<CounterAdmin>().SaveAsync(
            new CounterForm { BranchId = existing.BranchId, Number = existing.Number, ServiceGroupIds = [group] }, Actor, ct);

        Assert.False(result.Succeeded);
        Assert.Contains("Chi nhánh đã có quầy mang số này.", result.FieldErrors[nameof(CounterForm.Number)]);
        Assert.Equal(countersBefore, await db.Counters.CountAsync(ct));
        Assert.False(await db.AuditEntries.AnyAsync(ct));
        Assert.Empty(Live.Published);
    }

    [Fact]
    public async Task A_staff_email_already_used_by_someone_else_is_refused_on_the_email_field()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await Db.CreateDbContextAsync(ct);
        var people = await db.Staff.OrderBy(s => s.Id).Take(2).ToListAsync(ct);
        var service = Services.GetRequiredService<StaffAdmin>();
        var form = (await service.GetAsync(people[1].Id, ct))!;
        form.Email = people[0].Email.ToUpperInvariant();

        var result = await service.SaveAsync(form, Actor, ct);

        Assert.False(result.Succeeded);
        Assert.True(result.FieldErrors.ContainsKey(nameof(StaffForm.Email)));
        await using var check = await Db.CreateDbContextAsync(ct);
        Assert.Equal(people[1].Email, (await check.Staff.SingleAsync(s => s.Id == people[1].Id, ct)).Email);
        Assert.False(await check.AuditEntries.AnyAsync(ct));
    }

    [Fact]
    public async Task A_new_staff_member_with_an_unused_email_is_saved_and_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await Db.CreateDbContextAsync(ct);
        var branch = await db.Branches.Select(b => b.Id).FirstAsync(ct);

        var result = await Services.GetRequiredService<StaffAdmin>().SaveAsync(
            new StaffForm { FullName = "Trần Thị Mai", Email = "mai.tt@hcc.hanoi.gov.vn", HomeBranchId = branch }, Actor, ct);

        Assert.True(result.Succeeded);
        await using var check = await Db.CreateDbContextAsync(ct);
        Assert.True(await check.Staff.AnyAsync(s => s.Email == "mai.tt@hcc.hanoi.gov.vn", ct));
        Assert.Equal("Tạo cán bộ", (await check.AuditEntries.SingleAsync(ct)).Action);
        Assert.Equal([(HanoiWorkbench.Core.Live.LiveEventKind.StaffAssigned, (int?)branch, (long?)result.Id)], Live.Published);
    }
}
