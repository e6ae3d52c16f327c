using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Staffing;
using HanoiWorkbench.Data.Staffing;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Staffing;

public sealed class AbsencesAndLends
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lend_starts_and_ends_by_itself_as_the_clock_moves_and_both_boards_follow()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, counter) = await f.Queue.SeatClerkAsync(0);
        var from = f.Now.AddHours(1);
        await f.Moves.LendAsync(f.Manager03, clerk, f.Br05, from, from.AddHours(2), "BR05 thiếu người", ct: Ct);

        var arriving = (await f.People.PeopleAsync(f.Br05, ct: Ct)).People.Single(p => p.StaffId == clerk);
        Assert.Equal((Presence.Arriving, StaffPeriodKind.Lend), (arriving.Presence, arriving.Next!.Kind));
        Assert.Equal(0, await f.Job.RunOnceAsync(Ct));
        Assert.Equal(counter, (await f.StaffAsync(clerk)).CurrentCounterId);

        f.Queue.Clock.Advance(TimeSpan.FromHours(1));
        f.Queue.Events.Clear();
        Assert.Equal(1, await f.Job.RunOnceAsync(Ct));

        var lent = await f.StaffAsync(clerk);
        Assert.Equal((f.Br05, (int?)null), (lent.CurrentBranchId, lent.CurrentCounterId));
        Assert.Equal(Presence.LentIn, (await f.People.PeopleAsync(f.Br05, ct: Ct)).People.Single(p => p.StaffId == clerk).Presence);
        Assert.Equal(Presence.LentOut, (await f.People.PeopleAsync(f.Br03, ct: Ct)).People.Single(p => p.StaffId == clerk).Presence);
        Assert.Contains((LiveEventKind.StaffAssigned, f.Br05, (long)clerk), f.Queue.Events.Published);
        Assert.Contains((LiveEventKind.StaffAssigned, f.Br03, (long)clerk), f.Queue.Events.Published);
        Assert.Contains((LiveEventKind.CounterChanged, f.Br03, (long)counter), f.Queue.Events.Published);
        // At the receiving branch the manager there may seat them.
        await f.Moves.OpenCounterAsync(f.Manager05, f.Counters05[0], "Mở thêm quầy", ct: Ct);
        await f.Moves.MoveToCounterAsync(f.Manager05, clerk, f.Counters05[0], "Cân bằng tải giữa các quầy", ct: Ct);

        f.Queue.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await f.Job.RunOnceAsync(Ct));

        var home = await f.StaffAsync(clerk);
        Assert.Equal((f.Br03, (int?)null), (home.CurrentBranchId, home.CurrentCounterId));
        var ended = (await f.MovesOfAsync(clerk)).Last();
        Assert.Equal((StaffMoveKind.LendEnded, (int?)null, (int?)f.Br05), (ended.Kind, ended.ActorStaffId, ended.OtherBranchId));
        Assert.Contains(ended.Id, (await f.People.PeopleAsync(f.Br05, ct: Ct)).Moves.Select(m => m.Id));
        Assert.DoesNotContain(clerk, (await f.People.PeopleAsync(f.Br05, ct: Ct)).People.Select(p => p.StaffId));
        Assert.Equal(0, await f.Job.RunOnceAsync(Ct));
    }

    [Fact]
    public async Task A_lend_due_while_the_person_serves_waits_for_the_ticket_and_then_starts()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, counter, ticket) = await f.ServingClerkAsync(0);
        await f.Moves.LendAsync(f.Manager03, clerk, f.Br05, f.Now.AddMinutes(30), f.Now.AddHours(3), "Biệt phái", ct: Ct);
        f.Queue.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, await f.Job.RunOnceAsync(Ct));
        Assert.Equal((f.Br03, (int?)counter), ((await f.StaffAsync(clerk)).CurrentBranchId, (await f.StaffAsync(clerk)).CurrentCounterId));

        await f.Queue.Service.FinishAsync(clerk, ticket.Id, Ct);
        Assert.Equal(1, await f.Job.RunOnceAsync(Ct));
        Assert.Equal(f.Br05, (await f.StaffAsync(clerk)).CurrentBranchId);
    }

    [Fact]
    public async Task An_absence_from_now_takes_the_person_off_their_counter_and_ends_by_itself()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, counter) = await f.Queue.SeatClerkAsync(0);

        await f.Moves.RecordAbsenceAsync(f.Manager03, clerk, f.Now, f.Now.AddHours(2), "Đi khám bệnh", ct: Ct);

        Assert.Null((await f.StaffAsync(clerk)).CurrentCounterId);
        var absent = (await f.People.PeopleAsync(f.Br03, ct: Ct)).People.Single(p => p.StaffId == clerk);
        Assert.Equal((Presence.Absent, "Đi khám bệnh"), (absent.Presence, absent.Current!.Reason));
        await using (var db = f.Queue.Database.Factory.CreateDbContext())
            Assert.False((await db.Counters.SingleAsync(c => c.Id == counter, Ct)).IsOpen);

        f.Queue.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await f.Job.RunOnceAsync(Ct));
        Assert.Equal(Presence.Here, (await f.People.PeopleAsync(f.Br03, ct: Ct)).People.Single(p => p.StaffId == clerk).Presence);
        Assert.Equal([StaffMoveKind.Absence, StaffMoveKind.AbsenceStarted, StaffMoveKind.AbsenceEnded],
            (await f.MovesOfAsync(clerk)).Select(m => m.Kind).Where(k => k >= StaffMoveKind.Absence));
    }

    [Fact]
    public async Task An_absence_from_now_of_someone_serving_needs_a_choice_and_hand_to_counter_keeps_the_ticket()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, _, ticket) = await f.ServingClerkAsync(0);
        var other = await f.OpenCounterAsync(2);

        await f.AssertRefusedAsync(() => f.Moves.RecordAbsenceAsync(f.Manager03, clerk, f.Now, f.Now.AddHours(2), "Ốm", ct: Ct),
            "Cán bộ đang phục vụ một công dân");
        await f.Moves.RecordAbsenceAsync(f.Manager03, clerk, f.Now, f.Now.AddHours(2), "Ốm", TicketChoice.HandTo(other), ct: Ct);

        Assert.Null((await f.StaffAsync(clerk)).CurrentCounterId);
        await using var db = f.Queue.Database.Factory.CreateDbContext();
        var row = await db.Tickets.Where(t => t.Id == ticket.Id).Select(t => new { t.Status, t.ReservedCounterId }).SingleAsync(Ct);
        Assert.Equal((TicketStatus.Waiting, (int?)other), (row.Status, row.ReservedCounterId));
    }

    [Fact]
    public async Task A_lend_overlapping_another_lend_or_an_absence_is_refused_and_nothing_is_stored()
    {
        await using var f = await MovesFixture.CreateAsync();
        var clerk = await f.AddStaffAsync("Cán bộ biệt phái", StaffRole.Clerk, f.Br03);
        var day = f.Now.AddDays(1);
        await f.Moves.LendAsync(f.Manager03, clerk, f.Br05, day, day.AddHours(8), "Đợt 1", ct: Ct);
        await f.Moves.RecordAbsenceAsync(f.Manager03, clerk, day.AddDays(1), day.AddDays(1).AddHours(8), "Nghỉ phép", ct: Ct);

        await f.AssertRefusedAsync(() => f.Moves.LendAsync(f.Manager03, clerk, f.Br07, day.AddHours(4), day.AddHours(12), "Đợt 2", ct: Ct),
            "Trùng với đợt biệt phái từ 03/03/2026 09:00");
        await f.AssertRefusedAsync(() => f.Moves.LendAsync(f.Manager03, clerk, f.Br07, day.AddDays(1).AddHours(2), day.AddDays(2), "Đợt 3", ct: Ct),
            "Trùng với đợt vắng mặt");
        await f.AssertRefusedAsync(() => f.Moves.RecordAbsenceAsync(f.Manager03, clerk, day.AddHours(1), day.AddHours(2), "Ốm", ct: Ct),
            "Trùng với đợt biệt phái");
        await f.AssertRefusedAsync(() => f.Moves.LendAsync(f.Manager03, clerk, f.Br03, day.AddDays(5), day.AddDays(6), "Về nhà", ct: Ct),
            "khác chi nhánh của cán bộ");
        await f.AssertRefusedAsync(() => f.Moves.LendAsync(f.Manager03, clerk, f.Br05, day.AddDays(-3), day.AddDays(-2), "Quá khứ", ct: Ct),
            "Khoảng thời gian đã qua");
        await f.AssertRefusedAsync(() => f.Moves.LendAsync(f.Manager03, clerk, f.Br05, day.AddDays(5), day.AddDays(6), " ", ct: Ct), "Hãy ghi lý do");
    }

    [Fact]
    public async Task A_future_lend_can_be_cancelled_and_then_no_longer_counts_but_a_started_one_cannot()
    {
        await using var f = await MovesFixture.CreateAsync();
        var clerk = await f.AddStaffAsync("Cán bộ biệt phái", StaffRole.Clerk, f.Br03);
        var later = await f.Moves.LendAsync(f.Manager03, clerk, f.Br05, f.Now.AddDays(1), f.Now.AddDays(2), "Đợt sau", ct: Ct);
        var now = await f.Moves.LendAsync(f.Manager03, clerk, f.Br07, f.Now, f.Now.AddHours(3), "Đợt này", ct: Ct);

        await f.Moves.CancelPeriodAsync(f.Manager03, later, "Không cần nữa", Ct);

        Assert.DoesNotContain(clerk, (await f.People.PeopleAsync(f.Br05, ct: Ct)).People.Select(p => p.StaffId));
        await f.Moves.LendAsync(f.Manager03, clerk, f.Br05, f.Now.AddDays(1), f.Now.AddDays(2), "Lại đợt sau", ct: Ct);
        await f.AssertRefusedAsync(() => f.Moves.CancelPeriodAsync(f.Manager03, now, "Không cần nữa", ct: Ct), "đã bắt đầu");
        await f.AssertRefusedAsync(() => f.Moves.CancelPeriodAsync(f.Manager03, later, "Không cần nữa", ct: Ct), "đã được huỷ");
        Assert.Equal(f.Br07, (await f.StaffAsync(clerk)).CurrentBranchId);
    }
}
