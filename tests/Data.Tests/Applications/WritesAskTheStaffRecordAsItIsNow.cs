using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Applications;
using HanoiWorkbench.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Applications;

/// <summary>
/// Issue 14, point 2: a page keeps the actor it captured when it opened; every write service reads the staff record again in
/// its own transaction and asks the permission table, so a deactivation, demotion or move refuses the next write.
/// </summary>
public sealed class WritesAskTheStaffRecordAsItIsNow
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task ChangeStaffAsync(ApplicationFixture f, int staffId, Action<Staff> change)
    {
        await using var db = f.Db.Factory.CreateDbContext();
        change(await db.Staff.SingleAsync(s => s.Id == staffId, Ct));
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<(long Id, int Version)> ReceivedAsync(ApplicationFixture f, Actor clerk)
    {
        var saved = await f.Reception.ReceiveAsync(await f.ValidRequestAsync(Ct), clerk, Ct);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Values));
        await using var db = f.Db.Factory.CreateDbContext();
        return (saved.ApplicationId!.Value, await db.Applications.Where(a => a.Id == saved.ApplicationId).Select(a => a.Version).SingleAsync(Ct));
    }

    private static async Task<int> OtherBranchAsync(ApplicationFixture f, int branchId)
    {
        await using var db = f.Db.Factory.CreateDbContext();
        return await db.Branches.Where(b => b.Id != branchId && b.IsActive).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(Ct);
    }

    [Fact]
    public async Task A_clerk_deactivated_after_the_page_opened_can_change_nothing()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var (id, version) = await ReceivedAsync(f, clerk);
        var before = await f.ApplicationCountAsync(Ct);
        await ChangeStaffAsync(f, clerk.StaffId, s => s.Deactivate());

        var acted = await f.Actions.ApplyAsync(id, version, ApplicationAction.StartProcessing, new ActionInput(), clerk, Ct);
        var received = await f.Reception.ReceiveAsync(await f.ValidRequestAsync(Ct), clerk, Ct);

        Assert.Equal((ActionOutcome.Refused, ActingStaff.Inactive), (acted.Outcome, acted.Message));
        Assert.False(received.Succeeded);
        Assert.Contains(ActingStaff.Inactive, received.Errors.Values);
        Assert.Equal(before, await f.ApplicationCountAsync(Ct));
        await using var db = f.Db.Factory.CreateDbContext();
        Assert.Equal((ApplicationStatus.Received, version), await db.Applications.Where(a => a.Id == id).Select(a => new ValueTuple<ApplicationStatus, int>(a.Status, a.Version)).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_clerk_moved_to_another_branch_no_longer_acts_on_the_old_branchs_applications_and_receives_for_the_new_one()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var (id, version) = await ReceivedAsync(f, clerk);
        var other = await OtherBranchAsync(f, clerk.BranchId);
        await ChangeStaffAsync(f, clerk.StaffId, s => s.Update(s.FullName, s.Email, s.Role, other));

        var acted = await f.Actions.ApplyAsync(id, version, ApplicationAction.StartProcessing, new ActionInput(), clerk, Ct);
        var received = await f.Reception.ReceiveAsync(await f.ValidRequestAsync(Ct), clerk, Ct); // the page still says the old branch

        Assert.Equal((ActionOutcome.Refused, Permissions.Refusal(StaffAction.ActOnApplication)), (acted.Outcome, acted.Message));
        Assert.True(received.Succeeded, string.Join("; ", received.Errors.Values));
        await using var db = f.Db.Factory.CreateDbContext();
        var app = await db.Applications.SingleAsync(a => a.Id == received.ApplicationId, Ct);
        Assert.Equal((other, other), (app.ReceivingBranchId, app.HandlingBranchId));
    }

    [Fact]
    public async Task A_clerk_made_administrator_no_longer_reads_or_acts_on_citizens_applications()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var (id, version) = await ReceivedAsync(f, clerk);
        await ChangeStaffAsync(f, clerk.StaffId, s => s.Update(s.FullName, s.Email, StaffRole.Admin, s.HomeBranchId));

        var acted = await f.Actions.ApplyAsync(id, version, ApplicationAction.StartProcessing, new ActionInput(), clerk, Ct);
        var received = await f.Reception.ReceiveAsync(await f.ValidRequestAsync(Ct), clerk, Ct);

        Assert.Equal(ActionOutcome.Refused, acted.Outcome);
        Assert.Contains(Permissions.Refusal(StaffAction.ReceiveApplication), received.Errors.Values);
        Assert.False(AccessRules.CanSeeApplication(StaffRole.Admin, clerk.BranchId, clerk.BranchId, clerk.BranchId));
    }

    [Fact]
    public async Task Acting_records_the_step_at_the_branch_the_clerk_works_at_now()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var (id, version) = await ReceivedAsync(f, clerk);
        var stale = clerk with { BranchId = await OtherBranchAsync(f, clerk.BranchId) }; // a page that captured a branch the clerk is not at

        var acted = await f.Actions.ApplyAsync(id, version, ApplicationAction.StartProcessing, new ActionInput(), stale, Ct);

        Assert.True(acted.Succeeded, acted.Message);
        await using var db = f.Db.Factory.CreateDbContext();
        var step = await db.Applications.Where(a => a.Id == id).SelectMany(a => a.Steps).OrderByDescending(s => s.Id).FirstAsync(Ct);
        Assert.Equal(clerk.BranchId, step.BranchId);
    }
}
