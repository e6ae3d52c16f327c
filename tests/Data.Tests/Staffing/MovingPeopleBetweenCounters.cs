using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Data.Staffing;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Staffing;

public sealed class MovingPeopleBetweenCounters
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_manager_moves_an_idle_clerk_to_an_open_counter_the_old_one_closes_and_the_clerk_s_screens_are_told()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, from) = await f.Queue.SeatClerkAsync(0);
        var to = await f.OpenCounterAsync(2);
        f.Queue.Events.Clear();

        await f.Moves.MoveToCounterAsync(f.Manager03, clerk, to, reason: "Nhóm A đông", ct: Ct);

        Assert.Equal(to, (await f.StaffAsync(clerk)).CurrentCounterId);
        await using (var db = f.Queue.Database.Factory.CreateDbContext())
            Assert.False((await db.Counters.SingleAsync(c => c.Id == from, Ct)).IsOpen);
        var record = (await f.MovesOfAsync(clerk)).Last();
        Assert.Equal((StaffMoveKind.SeatAtCounter, f.Manager03, "Nhóm A đông"), (record.Kind, record.ActorStaffId, record.Reason));
        Assert.Contains((LiveEventKind.StaffAssigned, f.Br03, (long)clerk), f.Queue.Events.Published);
        Assert.Contains((LiveEventKind.CounterChanged, f.Br03, (long)to), f.Queue.Events.Published);
        Assert.Contains((LiveEventKind.CounterChanged, f.Br03, (long)from), f.Queue.Events.Published);
        var person = (await f.People.PeopleAsync(f.Br03, ct: Ct)).People.Single(p => p.StaffId == clerk);
        Assert.Equal((Presence.Here, to), (person.Presence, person.CounterId));
    }

    [Fact]
    public async Task Moving_to_a_closed_counter_is_refused_and_nothing_changes()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, _) = await f.Queue.SeatClerkAsync(0);

        await f.AssertRefusedAsync(() => f.Moves.MoveToCounterAsync(f.Manager03, clerk, f.Queue.Counters[2], "Cân bằng tải giữa các quầy", ct: Ct), "Quầy đích đang đóng");
    }

    [Fact]
    public async Task Two_people_on_one_counter_is_refused_and_nothing_changes()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (first, _) = await f.Queue.SeatClerkAsync(0);
        var (_, taken) = await f.Queue.SeatClerkAsync(1);

        await f.AssertRefusedAsync(() => f.Moves.MoveToCounterAsync(f.Manager03, first, taken, "Cân bằng tải giữa các quầy", ct: Ct), "Quầy này đã có cán bộ ngồi");
    }

    [Fact]
    public async Task A_counter_of_another_branch_is_refused()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, _) = await f.Queue.SeatClerkAsync(0);

        await f.AssertRefusedAsync(() => f.Moves.MoveToCounterAsync(f.Director, clerk, f.Counters05[0], "Cân bằng tải giữa các quầy", ct: Ct), "không thuộc chi nhánh");
    }

    [Fact]
    public async Task Moving_someone_serving_without_a_choice_is_refused_and_the_ticket_stays_where_it_is()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, _, _) = await f.ServingClerkAsync(0);
        var to = await f.OpenCounterAsync(2);

        await f.AssertRefusedAsync(() => f.Moves.MoveToCounterAsync(f.Manager03, clerk, to, "Cân bằng tải giữa các quầy", ct: Ct), "Cán bộ đang phục vụ một công dân");
    }

    [Fact]
    public async Task Let_finish_keeps_the_clerk_with_the_citizen_and_the_move_takes_effect_when_the_ticket_is_finished()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, from, ticket) = await f.ServingClerkAsync(0);
        var to = await f.OpenCounterAsync(2);

        await f.Moves.MoveToCounterAsync(f.Manager03, clerk, to, "Sau khi xong", TicketChoice.LetFinish, ct: Ct);

        var waiting = await f.StaffAsync(clerk);
        Assert.Equal((from, (int?)to), (waiting.CurrentCounterId, waiting.PendingCounterId));
        var person = (await f.People.PeopleAsync(f.Br03, ct: Ct)).People.Single(p => p.StaffId == clerk);
        Assert.Equal((ticket.Number, (int?)to), (person.ServingNumber, person.PendingCounterId));
        f.Queue.Events.Clear();

        await f.Queue.Service.StartAsync(clerk, ticket.Id, Ct);
        Assert.Equal(from, (await f.StaffAsync(clerk)).CurrentCounterId);
        await f.Queue.Service.FinishAsync(clerk, ticket.Id, Ct);

        var moved = await f.StaffAsync(clerk);
        Assert.Equal((to, (int?)null), (moved.CurrentCounterId, moved.PendingCounterId));
        Assert.Equal([StaffMoveKind.SeatAfterTicket, StaffMoveKind.PendingSeatApplied], (await f.MovesOfAsync(clerk)).Select(m => m.Kind));
        Assert.Contains((LiveEventKind.StaffAssigned, f.Br03, (long)clerk), f.Queue.Events.Published);
        Assert.Contains((LiveEventKind.CounterChanged, f.Br03, (long)to), f.Queue.Events.Published);
        await using var db = f.Queue.Database.Factory.CreateDbContext();
        Assert.Equal(TicketStatus.Finished, (await db.Tickets.SingleAsync(t => t.Id == ticket.Id, Ct)).Status);
        Assert.False((await db.Counters.SingleAsync(c => c.Id == from, Ct)).IsOpen);
    }

    [Fact]
    public async Task A_let_finish_move_whose_counter_was_taken_meanwhile_is_dropped_and_the_history_says_why()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, from, ticket) = await f.ServingClerkAsync(0);
        var to = await f.OpenCounterAsync(2);
        await f.Moves.MoveToCounterAsync(f.Manager03, clerk, to, "Cân bằng tải giữa các quầy", TicketChoice.LetFinish, ct: Ct);
        var other = await f.AddStaffAsync("Người ngồi trước", StaffRole.Clerk, f.Br03);
        await f.Moves.MoveToCounterAsync(f.Manager03, other, to, "Cân bằng tải giữa các quầy", ct: Ct);

        await f.Queue.Service.FinishAsync(clerk, ticket.Id, Ct);

        var stayed = await f.StaffAsync(clerk);
        Assert.Equal((from, (int?)null), (stayed.CurrentCounterId, stayed.PendingCounterId));
        var dropped = (await f.MovesOfAsync(clerk)).Last();
        Assert.Equal(StaffMoveKind.PendingSeatDropped, dropped.Kind);
        Assert.Contains("đã có cán bộ ngồi", dropped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hand_to_counter_sends_the_served_ticket_to_the_chosen_counter_where_it_is_called_next_not_lost()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, _, ticket) = await f.ServingClerkAsync(0);
        var (colleague, colleagueCounter) = await f.Queue.SeatClerkAsync(1);
        await f.Queue.Service.IssueTicketAsync(f.Br03, f.Queue.GroupA, PriorityCategory.Elderly, Ct);
        var to = await f.OpenCounterAsync(2);

        await f.Moves.MoveToCounterAsync(f.Manager03, clerk, to, "Chuyển vé", TicketChoice.HandTo(colleagueCounter), ct: Ct);

        Assert.Equal(to, (await f.StaffAsync(clerk)).CurrentCounterId);
        await using (var db = f.Queue.Database.Factory.CreateDbContext())
        {
            var handed = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket.Id, Ct);
            Assert.Equal((TicketStatus.Waiting, (int?)colleagueCounter), (handed.Status, handed.ReservedCounterId));
        }
        Assert.Equal([StaffMoveKind.TicketHandedOn, StaffMoveKind.SeatAtCounter], (await f.MovesOfAsync(clerk)).Select(m => m.Kind));
        // The handed ticket comes before the elderly citizen who waits in the ordinary queue.
        var next = await f.Queue.Service.CallNextAsync(colleague, colleagueCounter, Ct);
        Assert.Equal(ticket.Id, next!.Id);
    }

    [Fact]
    public async Task Hand_to_the_counter_they_are_moving_to_takes_the_ticket_along()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, _, ticket) = await f.ServingClerkAsync(0);
        var to = await f.OpenCounterAsync(2);

        await f.Moves.MoveToCounterAsync(f.Manager03, clerk, to, "Cân bằng tải giữa các quầy", TicketChoice.HandTo(to), ct: Ct);

        Assert.Equal(ticket.Id, (await f.Queue.Service.CallNextAsync(clerk, to, Ct))!.Id);
    }

    [Fact]
    public async Task Hand_to_a_closed_counter_or_without_one_is_refused_and_nothing_changes()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, _, _) = await f.ServingClerkAsync(0);
        var to = await f.OpenCounterAsync(2);

        await f.AssertRefusedAsync(() => f.Moves.MoveToCounterAsync(f.Manager03, clerk, to, "Cân bằng tải giữa các quầy", TicketChoice.HandTo(f.Queue.Counters[1]), ct: Ct),
            "Quầy nhận vé đang đóng");
        await f.AssertRefusedAsync(() => f.Moves.MoveToCounterAsync(f.Manager03, clerk, to, "Cân bằng tải giữa các quầy", new TicketChoice(Core.Staffing.ServingTicketChoice.HandToCounter), ct: Ct),
            "Hãy chọn quầy nhận vé");
    }

    [Fact]
    public async Task An_absent_person_cannot_be_seated()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, _) = await f.Queue.SeatClerkAsync(0);
        await f.Moves.RecordAbsenceAsync(f.Manager03, clerk, f.Now, f.Now.AddHours(4), "Ốm", ct: Ct);
        var to = await f.OpenCounterAsync(2);

        await f.AssertRefusedAsync(() => f.Moves.MoveToCounterAsync(f.Manager03, clerk, to, "Cân bằng tải giữa các quầy", ct: Ct), "Cán bộ đang được ghi nhận vắng mặt từ 02/03/2026 09:00 đến 02/03/2026 13:00");
    }
}
