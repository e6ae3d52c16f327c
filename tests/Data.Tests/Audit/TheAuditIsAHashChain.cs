using HanoiWorkbench.Core.Audit;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Data.Tests.Audit;

/// <summary>
/// Issue 14, point 5: every entry is sealed after the head with SHA-256 over its canonical form and the previous hash; the
/// check names the first broken link when a row is edited, deleted or cut off behind the application's back; appends are
/// serialised by the head row's lock, and a sequence number cannot be used twice.
/// </summary>
public sealed class TheAuditIsAHashChain
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    // Sub-millisecond ticks, as a real clock has: the stored time must read back to the same hash on every provider.
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));

    private static async Task<(TempDatabase Db, AuditLog Log)> WithEntriesAsync(int count)
    {
        var temp = await TempDatabase.SeededAsync();
        var log = new AuditLog(temp.Factory, Clock);
        for (var i = 0; i < count; i++) await log.AppendAsync("canbo@hcc.hanoi.gov.vn", 7, "Đăng nhập", "Tài khoản", $"u{i}", $"lần {i}", Ct);
        return (temp, log);
    }

    private static async Task<long> FirstSequenceAsync(TempDatabase temp)
    {
        await using var db = temp.Factory.CreateDbContext();
        return await db.AuditEntries.Where(e => e.Sequence > 0).MinAsync(e => e.Sequence, Ct);
    }

    [Fact]
    public async Task Appended_entries_follow_one_another_and_the_check_holds()
    {
        var (temp, log) = await WithEntriesAsync(5);
        await using var _ = temp;

        var check = await log.VerifyAsync(Ct);

        Assert.True(check.Holds, check.Broken?.Reason);
        await using var db = temp.Factory.CreateDbContext();
        var chain = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > 0).OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(check.Checked, chain.Count);
        Assert.Equal(AuditChain.Genesis, chain[0].PreviousHash);
        Assert.All(chain.Zip(chain.Skip(1)), p => Assert.Equal(p.First.Hash, p.Second.PreviousHash));
        Assert.Equal(Enumerable.Range(1, chain.Count).Select(i => (long)i), chain.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_row_edited_behind_the_applications_back_is_named_as_the_first_broken_link()
    {
        var (temp, log) = await WithEntriesAsync(5);
        await using var _ = temp;
        var edited = await FirstSequenceAsync(temp) + 2;
        await using (var db = temp.Factory.CreateDbContext())
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Details\" = 'đã sửa' WHERE \"Sequence\" = {edited}", Ct);

        var check = await log.VerifyAsync(Ct);

        Assert.Equal(edited, check.Broken?.Sequence);
        Assert.Contains("đã bị sửa", check.Broken!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_deleted_from_the_middle_or_cut_off_the_end_is_found()
    {
        var (temp, log) = await WithEntriesAsync(5);
        await using var _ = temp;
        var first = await FirstSequenceAsync(temp);
        await using (var db = temp.Factory.CreateDbContext())
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {first + 1}", Ct);
        Assert.Equal(first + 1, (await log.VerifyAsync(Ct)).Broken?.Sequence);

        var (tail, tailLog) = await WithEntriesAsync(3);
        await using var __ = tail;
        await using (var db = tail.Factory.CreateDbContext())
        {
            var last = await db.AuditEntries.MaxAsync(e => e.Sequence, Ct);
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {last}", Ct);
        }
        Assert.Contains("các mục cuối", (await tailLog.VerifyAsync(Ct)).Broken?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_appends_that_both_read_the_same_head_cannot_both_be_stored()
    {
        // What the head's lock prevents, done by hand: two entries sealed after the same head. The unique sequence refuses the second.
        await using var temp = await TempDatabase.SeededAsync();
        await using var db = temp.Factory.CreateDbContext();
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(Ct);
        var (a, b) = (new AuditEntry(Clock.GetUtcNow(), "a", null, "x", "y", "1"), new AuditEntry(Clock.GetUtcNow(), "b", null, "x", "y", "2"));
        a.Seal(head.LastSequence + 1, head.LastHash);
        b.Seal(head.LastSequence + 1, head.LastHash);
        await using (var first = temp.Factory.CreateDbContext())
        {
            first.AuditEntries.Add(a);
            await first.SaveChangesAsync(Ct);
        }
        await using var second = temp.Factory.CreateDbContext();
        second.AuditEntries.Add(b);

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task An_append_waits_for_the_open_one_and_follows_it()
    {
        await using var temp = await TempDatabase.SeededAsync();
        var log = new AuditLog(temp.Factory, Clock);
        await using var holder = temp.Factory.CreateDbContext();
        await using var tx = await holder.Database.BeginTransactionAsync(Ct);
        var held = new AuditEntry(Clock.GetUtcNow(), "giu", null, "Giữ đầu chuỗi", "Thử", "1");
        holder.AuditEntries.Add(held);
        await holder.SaveChangesAsync(Ct); // the head row is locked until commit

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = Task.Run(async () =>
        {
            await start.Task;
            await log.AppendAsync("sau", null, "Nối tiếp", "Thử", "2", ct: Ct);
        }, Ct);
        start.SetResult();
        if (TestProvider.IsPostgres) await WaitUntilBlockedOnALockAsync(temp);
        Assert.False(second.IsCompleted, "the second append finished while the first held the head");
        await tx.CommitAsync(Ct);
        await second;

        await using var db = temp.Factory.CreateDbContext();
        var after = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityId == "2" && e.EntityType == "Thử", Ct);
        Assert.Equal((held.Sequence + 1, held.Hash), (after.Sequence, after.PreviousHash));
        Assert.True((await log.VerifyAsync(Ct)).Holds);
    }

    // PostgreSQL shows the waiting backend: the race happened and the second append is queued behind the head's row lock.
    private static async Task WaitUntilBlockedOnALockAsync(TempDatabase temp)
    {
        await using var db = temp.Factory.CreateDbContext();
        var name = db.Database.GetDbConnection().Database;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = {name} AND wait_event_type = 'Lock'")
                   .SingleAsync(deadline.Token) == 0)
            await Task.Yield();
    }
}

/// <summary>A change saved on behalf of a person appends who, when, what and the values before and after, without personal data.</summary>
public sealed class StateChangesAreAudited
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_application_action_for_a_signed_in_clerk_is_appended_with_before_and_after()
    {
        await using var f = await Applications.ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var saved = await f.Reception.ReceiveAsync(await f.ValidRequestAsync(Ct), clerk, Ct);
        int version;
        await using (var db = f.Db.Factory.CreateDbContext())
            version = await db.Applications.Where(a => a.Id == saved.ApplicationId).Select(a => a.Version).SingleAsync(Ct);

        using (AuditScope.Use(new AuditActor(DemoAccounts.Clerk.Email, clerk.StaffId, f.Clock)))
            Assert.True((await f.Actions.ApplyAsync(saved.ApplicationId!.Value, version, ApplicationAction.StartProcessing, new HanoiWorkbench.Data.Applications.ActionInput(), clerk, Ct)).Succeeded);

        await using var check = f.Db.Factory.CreateDbContext();
        var entry = await check.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == nameof(Application) && e.EntityId == saved.ApplicationId.ToString(), Ct);
        Assert.Equal((DemoAccounts.Clerk.Email, (int?)clerk.StaffId, "Sửa Application"), (entry.UserName, entry.StaffId, entry.Action));
        Assert.Contains("\"Status\":\"Received\"", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"InProcessing\"", entry.After, StringComparison.Ordinal);
        Assert.True(entry.Sequence > 0);
        var all = string.Join("\n", await check.AuditEntries.AsNoTracking().Select(e => e.Before + e.After + e.Details).ToListAsync(Ct));
        Assert.DoesNotContain("001190012345", all, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", all, StringComparison.Ordinal);
        Assert.True((await new AuditLog(f.Db.Factory, f.Clock).VerifyAsync(Ct)).Holds);
    }

    [Fact]
    public async Task Without_a_person_nothing_is_audited_automatically()
    {
        await using var f = await Applications.ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);

        var saved = await f.Reception.ReceiveAsync(await f.ValidRequestAsync(Ct), clerk, Ct);

        await using var check = f.Db.Factory.CreateDbContext();
        Assert.False(await check.AuditEntries.AnyAsync(e => e.EntityType == nameof(Application) && e.EntityId == saved.ApplicationId.ToString(), Ct));
    }
}

/// <summary>A citizen's public look-up is appended with the code asked for, never the phone digits.</summary>
public sealed class PublicLookUpsAreAudited
{
    [Fact]
    public async Task A_look_up_is_appended_with_its_code_and_whether_it_answered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var temp = await TempDatabase.SeededAsync();
        var query = new HanoiWorkbench.Data.Search.PublicStatusQuery(temp.Factory, new AuditLog(temp.Factory, new FakeTimeProvider()));

        Assert.Null(await query.FindAsync("000.00.03.H26-260302-0001", "5678", ct));

        await using var db = temp.Factory.CreateDbContext();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "Tra cứu công khai", ct);
        Assert.Equal(("000.00.03.H26-260302-0001", "Không tìm thấy"), (entry.EntityId, entry.Details));
        Assert.DoesNotContain("5678", entry.Details + entry.UserName + entry.EntityId, StringComparison.Ordinal);
    }
}
