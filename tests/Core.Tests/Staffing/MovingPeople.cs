using HanoiWorkbench.Core.Staffing;

namespace HanoiWorkbench.Core.Tests.Staffing;

public class MovingPeople
{
    private static readonly TimeSpan Hanoi = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, Hanoi);
    private static DateTimeOffset Day(int day, int hour = 8) => new(2026, 12, day, hour, 0, 0, Hanoi);

    // occupant (0 = nobody, 7 = the person moved, 9 = someone else), open, serving, choice, hand-to (0 = none), hand-to open → refusal starts
    [Theory]
    [InlineData(0, true, false, ServingTicketChoice.Unchosen, 0, false, "")]
    [InlineData(9, true, false, ServingTicketChoice.Unchosen, 0, false, "Quầy này đã có cán bộ ngồi")]
    [InlineData(7, true, false, ServingTicketChoice.Unchosen, 0, false, "Cán bộ đang ngồi ở quầy này")]
    [InlineData(0, false, false, ServingTicketChoice.Unchosen, 0, false, "Quầy đích đang đóng")]
    [InlineData(0, true, true, ServingTicketChoice.Unchosen, 0, false, "Cán bộ đang phục vụ một công dân")]
    [InlineData(0, true, true, ServingTicketChoice.LetFinish, 0, false, "")]
    [InlineData(0, true, true, ServingTicketChoice.HandToCounter, 0, false, "Hãy chọn quầy nhận vé")]
    [InlineData(0, true, true, ServingTicketChoice.HandToCounter, 5, false, "Quầy nhận vé đang đóng")]
    [InlineData(0, true, true, ServingTicketChoice.HandToCounter, 5, true, "")]
    [InlineData(0, true, true, ServingTicketChoice.HandToCounter, 2, false, "")]     // the ticket follows the person to the new counter
    public void A_seat_move(int occupant, bool targetOpen, bool serving, ServingTicketChoice choice, int handTo, bool handToOpen, string refusal)
    {
        var problems = StaffMoveRules.CheckSeat(new SeatMove(7, 2, targetOpen, occupant == 0 ? null : occupant, serving, choice,
            handTo == 0 ? null : handTo, handToOpen));

        if (refusal.Length == 0) Assert.Empty(problems);
        else Assert.StartsWith(refusal, Assert.Single(problems), StringComparison.Ordinal);
    }

    // kind, from day, to day, to branch (0 = none) → refusal starts
    [Theory]
    [InlineData(StaffPeriodKind.Lend, 7, 12, 20, "")]
    [InlineData(StaffPeriodKind.Absence, 4, 5, 0, "")]
    [InlineData(StaffPeriodKind.Absence, 5, 5, 0, "Thời điểm kết thúc phải sau")]
    [InlineData(StaffPeriodKind.Lend, 7, 12, 0, "Hãy chọn chi nhánh nhận")]
    [InlineData(StaffPeriodKind.Lend, 7, 12, 3, "Hãy chọn chi nhánh nhận")]       // lent to their own branch
    [InlineData(StaffPeriodKind.Absence, 1, 2, 0, "Khoảng thời gian đã qua")]
    [InlineData(StaffPeriodKind.Lend, 14, 16, 20, "Trùng với đợt vắng mặt từ 15/12/2026 08:00")]
    [InlineData(StaffPeriodKind.Absence, 21, 23, 0, "Trùng với đợt biệt phái từ 20/12/2026 08:00")]
    [InlineData(StaffPeriodKind.Absence, 16, 20, 0, "")]                          // back to back with both: no overlap
    public void An_absence_or_lend_period(StaffPeriodKind kind, int fromDay, int toDay, int toBranch, string refusal)
    {
        StaffPeriod[] existing = [new(StaffPeriodKind.Absence, Day(15), Day(16)), new(StaffPeriodKind.Lend, Day(20), Day(24), 20)];

        var problems = StaffMoveRules.CheckPeriod(new StaffPeriod(kind, Day(fromDay), Day(toDay), toBranch == 0 ? null : toBranch),
            existing, Now, homeBranchId: 3, reason: "Hỗ trợ cao điểm");

        if (refusal.Length == 0) Assert.Empty(problems);
        else Assert.StartsWith(refusal, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Hãy ghi lý do.")]
    [InlineData("   ", "Hãy ghi lý do.")]
    public void A_period_needs_a_reason(string? reason, string refusal) =>
        Assert.Equal([refusal], StaffMoveRules.CheckPeriod(new StaffPeriod(StaffPeriodKind.Absence, Day(4), Day(5)), [], Now, 3, reason));

    // reason → refusal ("" = accepted); every kind of move goes through the same check
    [Theory]
    [InlineData(null, "Hãy ghi lý do.")]
    [InlineData("", "Hãy ghi lý do.")]
    [InlineData(" \t ", "Hãy ghi lý do.")]
    [InlineData("Thay ca", "")]
    [InlineData("  Nhóm A đông  ", "")]
    public void Every_move_needs_a_reason(string? reason, string refusal)
    {
        var problems = StaffMoveRules.CheckReason(reason);

        if (refusal.Length == 0) Assert.Empty(problems);
        else Assert.Equal([refusal], problems);
    }

    // length of the reason (after trimming) → accepted
    [Theory]
    [InlineData(StaffMoveRules.ReasonMaxLength, true)]
    [InlineData(StaffMoveRules.ReasonMaxLength + 1, false)]
    public void A_reason_has_a_length_limit(int length, bool accepted)
    {
        var problems = StaffMoveRules.CheckReason(" " + new string('x', length) + " ");

        Assert.Equal(accepted, problems.Count == 0);
        if (!accepted) Assert.Equal(["Lý do không quá 500 ký tự."], problems);
    }

    [Fact]
    public void The_common_reasons_are_themselves_accepted() =>
        Assert.All(StaffMoveRules.CommonReasons, r => Assert.Empty(StaffMoveRules.CheckReason(r)));

    // hour of 3 Dec (lend from 10:00 to 15:00 to branch 20) → branch
    [Theory]
    [InlineData(9, 3)]
    [InlineData(10, 20)]
    [InlineData(14, 20)]
    [InlineData(15, 3)]     // the lend is over: home again without anyone acting
    public void A_lend_ends_by_itself(int hour, int expectedBranch)
    {
        StaffPeriod[] periods = [new(StaffPeriodKind.Lend, Day(3, 10), Day(3, 15), 20), new(StaffPeriodKind.Absence, Day(3, 8), Day(3, 10))];

        Assert.Equal(expectedBranch, StaffMoveRules.BranchAt(3, periods, Day(3, hour)));
        Assert.Equal(hour < 10 && hour >= 8, StaffMoveRules.IsAbsentAt(periods, Day(3, hour)));
    }

    // Home branch 3; absent 08:00–10:00, lent to branch 20 from 10:00 to 15:00 on 3 Dec.
    // hour, counter's branch → refusal starts ("" = may sit)
    [Theory]
    [InlineData(7, 3, "")]                                                        // at home, nothing covers the moment
    [InlineData(7, 20, "Quầy không thuộc chi nhánh")]                              // not lent yet: not at the receiving branch
    [InlineData(8, 3, "Cán bộ đang được ghi nhận vắng mặt từ 03/12/2026 08:00 đến 03/12/2026 10:00")]
    [InlineData(9, 20, "Cán bộ đang được ghi nhận vắng mặt")]                      // absent is absent everywhere
    [InlineData(10, 3, "Cán bộ đang được biệt phái sang Chi nhánh Hà Đông đến 03/12/2026 15:00")]
    [InlineData(12, 20, "")]                                                      // lent in: may sit at the receiving branch
    [InlineData(12, 5, "Cán bộ đang được biệt phái sang Chi nhánh Hà Đông")]
    [InlineData(15, 3, "")]                                                       // the lend is over: home again
    [InlineData(15, 20, "Quầy không thuộc chi nhánh")]
    public void Who_may_sit_at_a_counter_now(int hour, int counterBranch, string refusal)
    {
        StaffPeriod[] periods = [new(StaffPeriodKind.Absence, Day(3, 8), Day(3, 10)), new(StaffPeriodKind.Lend, Day(3, 10), Day(3, 15), 20)];

        var problems = StaffMoveRules.CheckMaySit(3, periods, Day(3, hour), counterBranch, id => id == 20 ? "Chi nhánh Hà Đông" : $"Chi nhánh {id}");

        if (refusal.Length == 0) Assert.Empty(problems);
        else Assert.StartsWith(refusal, Assert.Single(problems), StringComparison.Ordinal);
    }
}
