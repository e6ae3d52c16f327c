using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Staffing;

/// <summary>
/// Issue 10, point 2: each move is one recorded action with who, when and why. Every kind of move refuses a blank reason
/// with the same Vietnamese message and changes nothing; given a reason, the record keeps it (trimmed) with who and when.
/// </summary>
public sealed class EveryMoveSaysWhy
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public enum Move { SeatAtCounter, CounterGroups, OpenCounter, CloseCounter, Absence, Lend, CancelPeriod }

    // move × reason → refused?  (a blank reason is refused for every kind of move)
    [Theory]
    [InlineData(Move.SeatAtCounter, "", true)]
    [InlineData(Move.SeatAtCounter, "  Nhóm A đông  ", false)]
    [InlineData(Move.CounterGroups, " ", true)]
    [InlineData(Move.CounterGroups, "Tập trung nhóm A", false)]
    [InlineData(Move.OpenCounter, "", true)]
    [InlineData(Move.OpenCounter, "Mở thêm quầy", false)]
    [InlineData(Move.CloseCounter, "\t", true)]
    [InlineData(Move.CloseCounter, "Hết giờ làm việc", false)]
    [InlineData(Move.Absence, "", true)]
    [InlineData(Move.Absence, "Nghỉ phép", false)]
    [InlineData(Move.Lend, " ", true)]
    [InlineData(Move.Lend, "Hỗ trợ chi nhánh đông", false)]
    [InlineData(Move.CancelPeriod, "", true)]
    [InlineData(Move.CancelPeriod, "Đổi lịch", false)]
    public async Task A_move_needs_a_reason_and_the_record_keeps_it(Move move, string reason, bool refused)
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, seat) = await f.Queue.SeatClerkAsync(0);
        var free = await f.OpenCounterAsync(1);
        var tomorrow = f.Now.AddDays(1);
        var period = move == Move.CancelPeriod ? await f.Moves.RecordAbsenceAsync(f.Manager03, clerk, tomorrow, tomorrow.AddHours(2), "Nghỉ phép", ct: Ct) : 0;
        Func<Task> act = move switch
        {
            Move.SeatAtCounter => () => f.Moves.MoveToCounterAsync(f.Manager03, clerk, free, reason, ct: Ct),
            Move.CounterGroups => () => f.Moves.SetCounterGroupsAsync(f.Manager03, seat, [f.Queue.GroupA], reason, ct: Ct),
            Move.OpenCounter => () => f.Moves.OpenCounterAsync(f.Manager03, f.Queue.Counters[2], reason, ct: Ct),
            Move.CloseCounter => () => f.Moves.CloseCounterAsync(f.Manager03, free, reason, ct: Ct),
            Move.Absence => () => f.Moves.RecordAbsenceAsync(f.Manager03, clerk, tomorrow, tomorrow.AddHours(4), reason, ct: Ct),
            Move.Lend => () => f.Moves.LendAsync(f.Manager03, clerk, f.Br05, tomorrow, tomorrow.AddHours(4), reason, ct: Ct),
            _ => () => f.Moves.CancelPeriodAsync(f.Manager03, period, reason, Ct),
        };

        if (refused)
        {
            await f.AssertRefusedAsync(act, "Hãy ghi lý do.");
            return;
        }
        var before = await CountAsync(f);
        var started = f.Now;
        await act();

        await using var db = f.Queue.Database.Factory.CreateDbContext();
        var recorded = (await db.StaffMoves.AsNoTracking().ToListAsync(Ct)).OrderBy(m => m.Id).Last();
        Assert.Equal(before + 1, await CountAsync(f));
        Assert.Equal((f.Manager03, reason.Trim()), (recorded.ActorStaffId, recorded.Reason));
        Assert.InRange(recorded.At, started, f.Now);
    }

    private static async Task<int> CountAsync(MovesFixture f)
    {
        await using var db = f.Queue.Database.Factory.CreateDbContext();
        return await db.StaffMoves.CountAsync(Ct);
    }
}
