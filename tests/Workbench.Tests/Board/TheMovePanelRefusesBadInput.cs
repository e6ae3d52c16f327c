using Bunit;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Data.Staffing;
using HanoiWorkbench.Workbench.Components.Pages.Board;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Board;

/// <summary>
/// Issue #10 pt 7 on the board: each bad move the manager can make from the move panel is refused with the Vietnamese
/// reason in the panel (which stays open) and changes nothing in the database.
/// </summary>
public sealed class TheMovePanelRefusesBadInput : BoardContext
{
    private async Task AssertRefusedAsync(string refusal, MovesSnapshot before)
    {
        Refused(refusal);
        Assert.NotNull(Cut.Find("[data-testid=move-panel]"));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Two_people_on_one_counter_is_refused()
    {
        var other = await SeatAnotherClerkAsync(1);
        await OpenTheBoardAsync();
        var before = await SnapshotAsync();
        Pick(Clerk.Id);

        Assert.Equal(other.FullName, Text("counter-staff-2"));
        await ChooseAsync<int?>("move-counter", Counters[1].Id);
        Submit();

        await AssertRefusedAsync("Quầy này đã có cán bộ ngồi. Hãy chuyển cán bộ đó đi trước: một quầy chỉ một người.", before);
    }

    [Fact]
    public async Task A_closed_counter_is_refused_until_it_is_opened()
    {
        await OpenTheBoardAsync();
        var before = await SnapshotAsync();
        Pick(Clerk.Id);

        await ChooseAsync<int?>("move-counter", Counters[1].Id);
        Submit();

        await AssertRefusedAsync("Quầy đích đang đóng. Hãy mở quầy trước khi xếp người.", before);
        Assert.Contains("Hãy ghi lý do.", Text("move-refused"), StringComparison.Ordinal); // every problem at once
    }

    [Fact]
    public async Task Moving_someone_who_is_serving_to_hand_the_ticket_on_without_a_counter_for_it_is_refused()
    {
        await Moves.OpenCounterAsync(Manager.Id, Counters[1].Id, "Mở thêm quầy", ct: Ct);
        await Queue.CallNextAsync(Clerk.Id, CounterId, Ct);
        await OpenTheBoardAsync();
        var before = await SnapshotAsync();
        Pick(Clerk.Id);

        Assert.Equal($"Cán bộ đang phục vụ vé {FirstTicket.Number}.", Text("move-serving"));
        await ChooseAsync<int?>("move-counter", Counters[1].Id);
        await ChooseRadioAsync("move-ticket-choice", false);
        Submit();

        await AssertRefusedAsync("Hãy chọn quầy nhận vé đang phục vụ.", before);
    }

    [Fact]
    public async Task A_lend_overlapping_an_absence_is_refused_and_so_is_one_without_a_reason_or_ending_before_it_starts()
    {
        var tomorrow = Clock.GetUtcNow().AddDays(1);
        await Moves.RecordAbsenceAsync(Manager.Id, Clerk.Id, tomorrow, tomorrow.AddHours(4), "Nghỉ phép", ct: Ct);
        var (otherBranch, _) = await OtherBranchAsync();
        await OpenTheBoardAsync();
        var before = await SnapshotAsync();
        Pick(Clerk.Id);
        await ChooseRadioAsync("move-kind", MoveKind.Lend);
        await ChooseAsync<int?>("move-branch", otherBranch);

        Type("move-from", MoveRequest.Format(tomorrow.AddHours(2)));
        Type("move-to", MoveRequest.Format(tomorrow.AddHours(8)));
        Type("move-reason", "Hỗ trợ chi nhánh đông");
        Submit();
        await AssertRefusedAsync("Trùng với đợt vắng mặt từ 10/03/2026 09:00 đến 10/03/2026 13:00.", before);

        Type("move-reason", "   ");
        Type("move-from", MoveRequest.Format(tomorrow.AddHours(8)));
        Type("move-to", MoveRequest.Format(tomorrow.AddHours(6)));
        Submit();
        await AssertRefusedAsync("Thời điểm kết thúc phải sau thời điểm bắt đầu.", before);
        Assert.Contains("Hãy ghi lý do.", Text("move-refused"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_absence_with_a_time_that_is_not_one_is_refused()
    {
        await OpenTheBoardAsync();
        var before = await SnapshotAsync();
        Pick(Clerk.Id);
        await ChooseRadioAsync("move-kind", MoveKind.Absence);

        Type("move-from", "");
        Type("move-reason", "Ốm");
        Submit();

        await AssertRefusedAsync("Hãy nhập thời điểm bắt đầu và kết thúc.", before);
    }

    [Fact]
    public async Task A_counter_left_with_no_service_group_is_refused()
    {
        await OpenTheBoardAsync();
        var before = await SnapshotAsync();
        Pick(Clerk.Id);
        await ChooseRadioAsync("move-kind", MoveKind.Groups);

        foreach (var box in Cut.FindComponents<MudBlazor.MudCheckBox<bool>>())
            await Cut.InvokeAsync(() => box.Instance.ValueChanged.InvokeAsync(false));
        Type("move-reason", "Thay ca");
        Submit();

        await AssertRefusedAsync("Quầy phải phục vụ ít nhất một nhóm dịch vụ.", before);
    }

    [Fact]
    public async Task A_person_another_manager_moved_since_the_board_was_read_is_refused_with_the_conflict_message()
    {
        await Moves.OpenCounterAsync(Manager.Id, Counters[1].Id, "Mở thêm quầy", ct: Ct);
        await Moves.OpenCounterAsync(Manager.Id, Counters[2].Id, "Mở thêm quầy", ct: Ct);
        await OpenTheBoardAsync();
        Pick(Clerk.Id);
        await ChooseAsync<int?>("move-counter", Counters[2].Id);
        // The director moves the clerk meanwhile, from another server whose events have not reached this board yet.
        var elsewhere = ActivatorUtilities.CreateInstance<StaffMoves>(Services, (ILiveEvents)new RecordedEvents());
        await elsewhere.MoveToCounterAsync(Director.Id, Clerk.Id, Counters[1].Id, reason: "Giám đốc điều động", ct: Ct);
        var before = await SnapshotAsync();

        Submit();

        await AssertRefusedAsync(StaffMoves.ConflictMessage, before);
        Assert.Equal(Counters[1].Id, (await StaffAsync(Clerk.Id)).CurrentCounterId);
    }
}
