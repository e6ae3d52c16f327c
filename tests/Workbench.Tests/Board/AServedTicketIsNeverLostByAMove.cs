using Bunit;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data.Staffing;
using HanoiWorkbench.Workbench.Components.Pages.Board;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Workbench.Tests.Board;

/// <summary>
/// Issue #10 pt 2 on the board: the manager is told a person is serving and chooses to let them finish (the move waits for
/// the ticket) or to hand the ticket to another open counter (the move is now, the citizen keeps their turn); a counter
/// serving a citizen is closed only with a counter to take the ticket; the counter's groups and a future absence are the
/// manager's to change; every action is one recorded move with who, when and why, shown on the board.
/// </summary>
public sealed class AServedTicketIsNeverLostByAMove : BoardContext
{
    private async Task ServingAndOpenAsync()
    {
        await Moves.OpenCounterAsync(Manager.Id, Counters[1].Id, "Mở thêm quầy", ct: Ct);
        await Queue.CallNextAsync(Clerk.Id, CounterId, Ct);
        await OpenTheBoardAsync();
        Pick(Clerk.Id);
        await ChooseAsync<int?>("move-counter", Counters[1].Id);
        Type("move-reason", "Nhóm đông");
    }

    [Fact]
    public async Task Let_finish_keeps_the_clerk_with_the_citizen_and_moves_them_when_the_ticket_is_finished()
    {
        await ServingAndOpenAsync();

        Submit(); // "let them finish" is the panel's first choice

        Cut.WaitForAssertion(() =>
        {
            Assert.Empty(Cut.FindAll("[data-testid=move-panel]"));
            Assert.Contains($"{Counters[0].Name} · {FirstTicket.Number} → {Counters[1].Name}", Text($"where-{Clerk.Id}"), StringComparison.Ordinal);
        });
        var ticket = await TicketAsync(FirstTicket.TicketId);
        Assert.Equal((TicketStatus.Called, CounterId), (ticket.Status, ticket.CounterId));

        await Queue.FinishAsync(Clerk.Id, FirstTicket.TicketId, Ct);

        Cut.WaitForAssertion(() => Assert.Equal(Counters[1].Name, Text($"where-{Clerk.Id}")));
        Assert.Equal(Counters[1].Id, (await StaffAsync(Clerk.Id)).CurrentCounterId);
        Assert.Equal(Clerk.FullName, Text("counter-staff-2"));
    }

    [Fact]
    public async Task Hand_to_another_counter_moves_the_clerk_now_and_the_ticket_waits_for_that_counter_alone()
    {
        var other = await SeatAnotherClerkAsync(2);
        await ServingAndOpenAsync();
        await ChooseRadioAsync("move-ticket-choice", false);
        await ChooseAsync<int?>("move-hand-to", Counters[2].Id);

        Submit();

        Cut.WaitForAssertion(() =>
        {
            Assert.Equal(Counters[1].Name, Text($"where-{Clerk.Id}"));
            Assert.Equal("—", Text("counter-serving-2"));
        });
        var ticket = await TicketAsync(FirstTicket.TicketId);
        Assert.Equal((TicketStatus.Waiting, (int?)null, (int?)Counters[2].Id), (ticket.Status, ticket.CounterId, ticket.ReservedCounterId));
        var called = await Queue.CallNextAsync(other.Id, Counters[2].Id, Ct);
        Assert.Equal(FirstTicket.TicketId, called!.Id);
        // One recorded move each, with who and why, on the board.
        Cut.WaitForAssertion(() => Assert.Contains("Nhóm đông", Text("board-moves"), StringComparison.Ordinal));
        await using var db = await Db.CreateDbContextAsync(Ct);
        var recorded = await db.StaffMoves.AsNoTracking().Where(m => m.StaffId == Clerk.Id && m.ActorStaffId == Manager.Id).Select(m => m.Kind).ToListAsync(Ct);
        Assert.Equal(new[] { StaffMoveKind.TicketHandedOn, StaffMoveKind.SeatAtCounter }.Order(), recorded.Order());
    }

    [Fact]
    public async Task A_counter_serving_a_citizen_is_closed_only_with_a_counter_to_take_the_ticket()
    {
        await Moves.OpenCounterAsync(Manager.Id, Counters[1].Id, "Mở thêm quầy", ct: Ct);
        var other = await SeatAnotherClerkAsync(1);
        await Queue.CallNextAsync(Clerk.Id, CounterId, Ct);
        await OpenTheBoardAsync();
        var before = await SnapshotAsync();

        Cut.Find("[data-testid=toggle-counter-1]").Click();
        Cut.WaitForAssertion(() => Assert.Contains(FirstTicket.Number, Text("close-serving"), StringComparison.Ordinal));
        Assert.Equal(before, await SnapshotAsync()); // the button only asked
        Submit("close-submit");
        Refused("Hãy ghi lý do.");
        Assert.Equal(before, await SnapshotAsync());
        Type("close-reason", "Cán bộ đi họp");
        Submit("close-submit");
        Refused("Hãy chọn quầy nhận vé đang phục vụ.");
        Assert.Equal(before, await SnapshotAsync());

        await ChooseAsync<int?>("close-hand-to", Counters[1].Id);
        Submit("close-submit");

        Cut.WaitForAssertion(() =>
        {
            Assert.Empty(Cut.FindAll("[data-testid=close-panel]"));
            Assert.Equal("Đóng", Text("counter-state-1"));
        });
        var ticket = await TicketAsync(FirstTicket.TicketId);
        Assert.Equal((TicketStatus.Waiting, (int?)Counters[1].Id), (ticket.Status, ticket.ReservedCounterId));
        Assert.Null((await StaffAsync(Clerk.Id)).CurrentCounterId);
        Assert.Equal(FirstTicket.TicketId, (await Queue.CallNextAsync(other.Id, Counters[1].Id, Ct))!.Id);
    }

    [Fact]
    public async Task The_manager_gives_the_clerks_counter_another_service_group_and_the_board_shows_it()
    {
        await OpenTheBoardAsync();
        Pick(Clerk.Id);
        await ChooseRadioAsync("move-kind", MoveKind.Groups);
        List<string> configured;
        await using (var read = await Db.CreateDbContextAsync(Ct))
            configured = await read.Counters.Where(c => c.Id == CounterId).SelectMany(c => c.ServiceGroups).OrderBy(g => g.Letter).Select(g => g.Letter).ToListAsync(Ct);
        List<string> all;
        await using (var read = await Db.CreateDbContextAsync(Ct))
            all = await read.ServiceGroups.OrderBy(g => g.Letter).Select(g => g.Letter).ToListAsync(Ct);
        var added = all.First(l => !configured.Contains(l));
        var box = Cut.FindComponents<MudBlazor.MudCheckBox<bool>>()
            .Single(b => Equals(b.Instance.UserAttributes.GetValueOrDefault("data-testid"), $"move-group-{added}"));
        await Cut.InvokeAsync(() => box.Instance.ValueChanged.InvokeAsync(true));
        Type("move-reason", "Tập trung nhóm đông");

        Submit();

        await using var db = await Db.CreateDbContextAsync(Ct);
        var letters = await db.Counters.Where(c => c.Id == CounterId).SelectMany(c => c.ServiceGroups).OrderBy(g => g.Letter).Select(g => g.Letter).ToListAsync(Ct);
        Assert.Equal(configured.Append(added).Order(StringComparer.Ordinal), letters);
        Cut.WaitForAssertion(() => Assert.Equal(string.Join(", ", letters), Text("counter-groups-1")));
        Assert.Contains("Tập trung nhóm đông", Text("board-moves"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_future_absence_shows_on_the_board_and_the_manager_cancels_it_from_there()
    {
        var tomorrow = Clock.GetUtcNow().AddDays(1);
        var period = await Moves.RecordAbsenceAsync(Manager.Id, Clerk.Id, tomorrow, tomorrow.AddHours(4), "Nghỉ phép", ct: Ct);
        await OpenTheBoardAsync();

        Cut.Find($"[data-testid=cancel-period-{period}]").Click();
        Cut.WaitForAssertion(() => Assert.Contains("vắng mặt", Text("cancel-panel"), StringComparison.Ordinal));
        var before = await SnapshotAsync();
        Submit("cancel-submit");
        Refused("Hãy ghi lý do.");
        Assert.Equal(before, await SnapshotAsync()); // nothing cancelled without why
        Type("cancel-reason", "Cán bộ đổi lịch nghỉ");
        Submit("cancel-submit");

        Cut.WaitForAssertion(() =>
        {
            Assert.Empty(Cut.FindAll($"[data-testid=cancel-period-{period}]"));
            Assert.Empty(Cut.FindAll("[data-testid=cancel-panel]"));
        });
        await using var db = await Db.CreateDbContextAsync(Ct);
        Assert.NotNull((await db.StaffPeriods.AsNoTracking().SingleAsync(p => p.Id == period, Ct)).CancelledAt);
        var recorded = await db.StaffMoves.AsNoTracking().SingleAsync(m => m.Kind == StaffMoveKind.PeriodCancelled && m.StaffId == Clerk.Id, Ct);
        Assert.Equal((Manager.Id, "Cán bộ đổi lịch nghỉ"), (recorded.ActorStaffId, recorded.Reason));
    }

    [Fact]
    public async Task A_closed_counter_opens_from_the_board_only_with_why_and_a_common_reason_is_one_tap()
    {
        await OpenTheBoardAsync();
        var before = await SnapshotAsync();

        Cut.Find("[data-testid=toggle-counter-2]").Click();
        Cut.WaitForAssertion(() => Assert.NotNull(Cut.Find("[data-testid=open-panel]")));
        Submit("open-submit");
        Refused("Hãy ghi lý do.");
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal("Đóng", Text("counter-state-2"));

        var common = Cut.FindComponents<MudBlazor.MudChip<string>>()
            .Single(c => c.Markup.Contains(Core.Staffing.StaffMoveRules.CommonReasons[0], StringComparison.Ordinal));
        await Cut.InvokeAsync(() => common.Instance.OnClick.InvokeAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs()));
        Submit("open-submit");

        Cut.WaitForAssertion(() =>
        {
            Assert.Empty(Cut.FindAll("[data-testid=open-panel]"));
            Assert.NotEqual("Đóng", Text("counter-state-2"));
        });
        await using var db = await Db.CreateDbContextAsync(Ct);
        var recorded = await db.StaffMoves.AsNoTracking().SingleAsync(m => m.Kind == StaffMoveKind.OpenCounter && m.CounterId == Counters[1].Id, Ct);
        Assert.Equal((Manager.Id, Core.Staffing.StaffMoveRules.CommonReasons[0]), (recorded.ActorStaffId, recorded.Reason));
    }
}
