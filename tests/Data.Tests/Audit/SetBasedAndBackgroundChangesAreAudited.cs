using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Pool;
using HanoiWorkbench.Data.Audit;
using HanoiWorkbench.Data.Calendar;
using HanoiWorkbench.Data.Pool;
using HanoiWorkbench.Data.Staffing;
using HanoiWorkbench.Data.Tests.Pool;
using HanoiWorkbench.Data.Tests.Queue;
using HanoiWorkbench.Data.Tests.Staffing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace HanoiWorkbench.Data.Tests.Audit;

/// <summary>
/// Issue 14, point 5, the gaps: changes the change tracker never sees (the atomic ticket call, the pool claim, the return of
/// untouched claims) and the background jobs' changes are appended too — the jobs under a named system actor — and a deleted
/// calendar day is audited with the person who deleted it. The chain still holds afterwards.
/// </summary>
public sealed class SetBasedAndBackgroundChangesAreAudited
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<AuditEntry>> EntriesAsync(TempDatabase db, string action)
    {
        await using var context = db.Factory.CreateDbContext();
        return await context.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Sequence).ToListAsync(Ct);
    }

    private static async Task AssertChainHoldsAsync(TempDatabase db)
    {
        var check = await new AuditLog(db.Factory, TimeProvider.System).VerifyAsync(Ct);
        Assert.True(check.Holds, check.Broken?.Reason);
    }

    [Fact]
    public async Task The_atomic_call_of_a_ticket_is_appended_with_the_clerk_and_the_counter()
    {
        await using var queue = await QueueFixture.CreateAsync();
        var clerk = await queue.SeatClerkAsync(0);
        await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);

        Ticket called;
        using (AuditScope.Use(new AuditActor("canbo@hcc.hanoi.gov.vn", clerk.StaffId, queue.Clock)))
            called = (await queue.Service.CallNextAsync(clerk.StaffId, clerk.CounterId, Ct))!;

        var entry = Assert.Single(await EntriesAsync(queue.Database, "Gọi vé"));
        Assert.Equal(("canbo@hcc.hanoi.gov.vn", (int?)clerk.StaffId, nameof(Ticket), called.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (entry.UserName, entry.StaffId, entry.EntityType, entry.EntityId));
        Assert.Contains("\"Status\":\"Waiting\"", entry.Before, StringComparison.Ordinal);
        Assert.Contains($"\"CounterId\":\"{clerk.CounterId}\"", entry.After, StringComparison.Ordinal);
        await AssertChainHoldsAsync(queue.Database);
    }

    [Fact]
    public async Task A_pool_claim_and_its_return_after_the_timeout_are_appended_the_return_under_the_system_actor()
    {
        await using var h = await PoolHarness.CreateAsync();
        var (fieldId, clerks) = await h.AddClerksAsync(1);
        await h.AddItemsAsync(fieldId, 1);
        var item = (await h.Pool.TakeNextAsync(clerks[0], Ct))!;
        h.Clock.Advance(PoolPolicy.Default.ClaimTimeout + TimeSpan.FromMinutes(1));
        using var job = new PoolMaintenance(h.Pool, h.Clock, NullLogger<PoolMaintenance>.Instance);

        Assert.True(await job.RunOnceAsync(Ct) >= 1);

        var claim = Assert.Single(await EntriesAsync(h.Database, "Nhận việc từ kho chung"));
        Assert.Equal((clerks[0], item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (claim.StaffId!.Value, claim.EntityId));
        var returned = Assert.Single(await EntriesAsync(h.Database, "Trả việc quá hạn giữ về kho chung"));
        Assert.Equal((PoolMaintenance.AuditActorName, (int?)null, nameof(WorkItem)), (returned.UserName, returned.StaffId, returned.EntityType));
        Assert.Contains($"\"ClaimedByStaffId\":\"{clerks[0]}\"", returned.Before, StringComparison.Ordinal);
        await AssertChainHoldsAsync(h.Database);
    }

    [Fact]
    public async Task A_lend_ended_by_the_background_job_is_appended_under_its_system_actor()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, _) = await f.Queue.SeatClerkAsync(0);
        await f.Moves.LendAsync(f.Manager03, clerk, f.Br05, f.Now.AddMinutes(10), f.Now.AddHours(1), "BR05 thiếu người", ct: Ct);

        f.Queue.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await f.Job.RunOnceAsync(Ct));
        f.Queue.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await f.Job.RunOnceAsync(Ct));

        await using var db = f.Queue.Database.Factory.CreateDbContext();
        var byJob = await db.AuditEntries.AsNoTracking().Where(e => e.UserName == StaffPeriodMaintenance.AuditActorName).ToListAsync(Ct);
        var staffChanges = byJob.Where(e => e.EntityType == nameof(Staff) && e.EntityId == clerk.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(staffChanges.Count >= 2, $"the lend's start and end: {staffChanges.Count}");
        Assert.Contains(staffChanges, e => e.After is { } after && after.Contains($"\"CurrentBranchId\":\"{f.Br05}\"", StringComparison.Ordinal));
        Assert.Contains(staffChanges, e => e.After is { } after && after.Contains($"\"CurrentBranchId\":\"{f.Br03}\"", StringComparison.Ordinal));
        Assert.All(byJob, e => Assert.Null(e.StaffId));
        await AssertChainHoldsAsync(f.Queue.Database);
    }

    [Fact]
    public async Task A_deleted_calendar_day_is_appended_with_the_person_and_its_values_before()
    {
        await using var temp = await TempDatabase.SeededAsync();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        var overrides = new CalendarOverrides(temp.Factory, new CalendarProvider(temp.Factory), clock);
        using (AuditScope.Use(new AuditActor("quantri@hcc.hanoi.gov.vn", 1, clock)))
        {
            Assert.True((await overrides.SaveAsync(null, new DateOnly(2026, 6, 1), CalendarEntryKind.DayOff, "Nghỉ thử", TestAdmin.Actor, ct: Ct)).Saved);
            var id = (await overrides.ForYearAsync(2026, Ct)).Single(o => o.Date == new DateOnly(2026, 6, 1)).Id;
            Assert.True((await overrides.DeleteAsync(id, TestAdmin.Actor, Ct)).Saved);
        }

        var deleted = Assert.Single(await EntriesAsync(temp, "Xóa CalendarEntry"));
        Assert.Equal("quantri@hcc.hanoi.gov.vn", deleted.UserName);
        Assert.Contains("Nghỉ thử", deleted.Before, StringComparison.Ordinal);
        await AssertChainHoldsAsync(temp);
    }
}
