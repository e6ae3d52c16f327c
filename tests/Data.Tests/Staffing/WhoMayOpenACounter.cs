using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data.Staffing;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Staffing;

/// <summary>A clerk opening their own counter obeys the absences and lends a manager recorded, as a manager's seat move does.</summary>
public sealed class WhoMayOpenACounter
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task ConfigureForGroupAAsync(MovesFixture f, int counterId) =>
        await f.Moves.SetCounterGroupsAsync(f.Director, counterId, [f.Queue.GroupA], "Cấu hình quầy", ct: Ct);

    [Fact]
    public async Task A_clerk_recorded_absent_now_cannot_open_a_counter_and_nothing_changes()
    {
        await using var f = await MovesFixture.CreateAsync();
        await ConfigureForGroupAAsync(f, f.Queue.Counters[0]);
        await f.Moves.RecordAbsenceAsync(f.Manager03, f.Clerk03, f.Now, f.Now.AddHours(2), "Đi khám bệnh", ct: Ct);

        await f.AssertRefusedAsync(() => f.Queue.Service.OpenCounterAsync(f.Clerk03, f.Queue.Counters[0], [f.Queue.GroupA], Ct),
            "Cán bộ đang được ghi nhận vắng mặt từ 02/03/2026 09:00 đến 02/03/2026 11:00: không thể ngồi quầy.");
        await f.AssertRefusedAsync(() => f.Moves.MoveToCounterAsync(f.Manager03, f.Clerk03, f.Queue.Counters[0], "Cân bằng tải giữa các quầy", ct: Ct), "vắng mặt");

        f.Queue.Clock.Advance(TimeSpan.FromHours(2));
        await f.Queue.Service.OpenCounterAsync(f.Clerk03, f.Queue.Counters[0], [f.Queue.GroupA], Ct);
        Assert.Equal(f.Queue.Counters[0], (await f.StaffAsync(f.Clerk03)).CurrentCounterId);
    }

    [Fact]
    public async Task A_clerk_seated_at_one_counter_may_open_another_of_the_branch_and_leaves_the_first()
    {
        await using var f = await MovesFixture.CreateAsync();
        await ConfigureForGroupAAsync(f, f.Queue.Counters[0]);
        await ConfigureForGroupAAsync(f, f.Queue.Counters[1]);
        await f.Queue.Service.OpenCounterAsync(f.Clerk03, f.Queue.Counters[0], [f.Queue.GroupA], Ct);

        await f.Queue.Service.OpenCounterAsync(f.Clerk03, f.Queue.Counters[1], [f.Queue.GroupA], Ct);

        Assert.Equal(f.Queue.Counters[1], (await f.StaffAsync(f.Clerk03)).CurrentCounterId);
    }

    [Fact]
    public async Task A_clerk_lent_away_now_cannot_open_a_counter_at_home_even_before_the_period_job_moved_them()
    {
        await using var f = await MovesFixture.CreateAsync();
        await ConfigureForGroupAAsync(f, f.Queue.Counters[0]);
        await f.Moves.LendAsync(f.Manager03, f.Clerk03, f.Br05, f.Now.AddMinutes(30), f.Now.AddHours(3), "BR05 thiếu người", ct: Ct);
        f.Queue.Clock.Advance(TimeSpan.FromMinutes(31)); // the lend covers now; the job has not run yet

        string branch05;
        await using (var db = f.Queue.Database.Factory.CreateDbContext())
            branch05 = await db.Branches.Where(b => b.Id == f.Br05).Select(b => b.Name).SingleAsync(Ct);
        await f.AssertRefusedAsync(() => f.Queue.Service.OpenCounterAsync(f.Clerk03, f.Queue.Counters[0], [f.Queue.GroupA], Ct),
            $"Cán bộ đang được biệt phái sang {branch05} đến 02/03/2026 12:00");
    }

    [Fact]
    public async Task A_person_lent_in_opens_a_counter_at_the_receiving_branch()
    {
        await using var f = await MovesFixture.CreateAsync();
        var counter05 = f.Counters05[0];
        await ConfigureForGroupAAsync(f, counter05);
        await f.Moves.LendAsync(f.Manager03, f.Clerk03, f.Br05, f.Now.AddMinutes(30), f.Now.AddHours(3), "BR05 thiếu người", ct: Ct);
        f.Queue.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(1, await f.Job.RunOnceAsync(Ct));

        await f.Queue.Service.OpenCounterAsync(f.Clerk03, counter05, [f.Queue.GroupA], Ct);

        var lent = await f.StaffAsync(f.Clerk03);
        Assert.Equal((f.Br05, (int?)counter05), (lent.CurrentBranchId, lent.CurrentCounterId));
        await f.AssertRefusedAsync(() => f.Queue.Service.OpenCounterAsync(f.Clerk03, f.Queue.Counters[0], [f.Queue.GroupA], Ct), "biệt phái sang");
    }

    [Fact]
    public async Task The_clerks_desk_offers_only_the_groups_the_manager_configured_and_ticks_this_sessions_choice()
    {
        await using var f = await MovesFixture.CreateAsync();
        await using var db = f.Queue.Database.Factory.CreateDbContext();
        var ab = await db.ServiceGroups.Where(g => g.Letter == "A" || g.Letter == "B").OrderBy(g => g.Letter).Select(g => g.Id).ToArrayAsync(Ct);
        await f.Moves.SetCounterGroupsAsync(f.Manager03, f.Queue.Counters[0], ab, "Cấu hình quầy", ct: Ct);
        await f.Queue.Service.OpenCounterAsync(f.Clerk03, f.Queue.Counters[0], [ab[1]], Ct);

        var desk = await f.Queue.Queries.DeskAsync(f.Clerk03, Ct);

        var mine = desk.Counters.Single(c => c.Id == f.Queue.Counters[0]);
        Assert.Equal(ab, mine.ConfiguredGroupIds.Order());
        Assert.Equal([ab[1]], mine.GroupIds);
    }
}
