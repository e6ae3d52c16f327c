using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Data.Tests.Staffing;

/// <summary>Issue 10, point 5, through the service: role × branch × action, each cell a fresh database.</summary>
public sealed class WhoMayMoveWhom
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public enum Actor { ManagerOfBr03, ManagerOfBr05, Director, ClerkOfBr03 }

    /// <summary>Whose person: BR03's own, BR05's, or BR05's lent to BR03 now.</summary>
    public enum Person { OfBr03, OfBr05, LentFromBr05ToBr03 }

    public enum Move { SeatAtCounter, Absence, Lend, CounterGroups, OpenCounter, CloseCounter, CancelAbsence }

    [Theory]
    [InlineData(Actor.ManagerOfBr03, Person.OfBr03, Move.SeatAtCounter, true)]
    [InlineData(Actor.ManagerOfBr03, Person.OfBr03, Move.Absence, true)]
    [InlineData(Actor.ManagerOfBr03, Person.OfBr03, Move.Lend, true)]
    [InlineData(Actor.ManagerOfBr03, Person.OfBr03, Move.CounterGroups, true)]
    [InlineData(Actor.ManagerOfBr03, Person.OfBr05, Move.SeatAtCounter, false)]
    [InlineData(Actor.ManagerOfBr03, Person.OfBr05, Move.Absence, false)]
    [InlineData(Actor.ManagerOfBr03, Person.OfBr05, Move.Lend, false)]
    [InlineData(Actor.ManagerOfBr03, Person.OfBr05, Move.CounterGroups, false)]
    [InlineData(Actor.ManagerOfBr03, Person.LentFromBr05ToBr03, Move.SeatAtCounter, true)]
    [InlineData(Actor.ManagerOfBr03, Person.LentFromBr05ToBr03, Move.Absence, true)]
    [InlineData(Actor.ManagerOfBr03, Person.LentFromBr05ToBr03, Move.Lend, false)]      // only the home branch lends a person on
    [InlineData(Actor.ManagerOfBr05, Person.LentFromBr05ToBr03, Move.SeatAtCounter, false)] // away at BR03: BR03 seats them
    [InlineData(Actor.ManagerOfBr05, Person.LentFromBr05ToBr03, Move.Lend, true)]
    [InlineData(Actor.Director, Person.OfBr03, Move.SeatAtCounter, true)]
    [InlineData(Actor.Director, Person.OfBr05, Move.SeatAtCounter, true)]
    [InlineData(Actor.Director, Person.OfBr05, Move.Absence, true)]
    [InlineData(Actor.Director, Person.OfBr05, Move.Lend, true)]
    [InlineData(Actor.Director, Person.OfBr05, Move.CounterGroups, true)]
    [InlineData(Actor.Director, Person.LentFromBr05ToBr03, Move.Lend, true)]
    [InlineData(Actor.ClerkOfBr03, Person.OfBr03, Move.SeatAtCounter, false)]
    [InlineData(Actor.ClerkOfBr03, Person.OfBr03, Move.Absence, false)]
    [InlineData(Actor.ClerkOfBr03, Person.OfBr03, Move.Lend, false)]
    [InlineData(Actor.ClerkOfBr03, Person.OfBr03, Move.CounterGroups, false)]
    // Opening and closing a counter of the branch the person works at, and cancelling their absence not yet begun.
    [InlineData(Actor.ManagerOfBr03, Person.OfBr03, Move.OpenCounter, true)]
    [InlineData(Actor.ManagerOfBr03, Person.OfBr03, Move.CloseCounter, true)]
    [InlineData(Actor.ManagerOfBr03, Person.OfBr03, Move.CancelAbsence, true)]
    [InlineData(Actor.ManagerOfBr03, Person.OfBr05, Move.OpenCounter, false)]
    [InlineData(Actor.ManagerOfBr03, Person.OfBr05, Move.CloseCounter, false)]
    [InlineData(Actor.ManagerOfBr03, Person.OfBr05, Move.CancelAbsence, false)]
    [InlineData(Actor.ManagerOfBr03, Person.LentFromBr05ToBr03, Move.CancelAbsence, true)]
    [InlineData(Actor.ManagerOfBr05, Person.OfBr03, Move.OpenCounter, false)]
    [InlineData(Actor.Director, Person.OfBr05, Move.OpenCounter, true)]
    [InlineData(Actor.Director, Person.OfBr05, Move.CloseCounter, true)]
    [InlineData(Actor.Director, Person.OfBr05, Move.CancelAbsence, true)]
    [InlineData(Actor.ClerkOfBr03, Person.OfBr03, Move.OpenCounter, false)]
    [InlineData(Actor.ClerkOfBr03, Person.OfBr03, Move.CloseCounter, false)]
    [InlineData(Actor.ClerkOfBr03, Person.OfBr03, Move.CancelAbsence, false)]
    public async Task A_move_is_allowed_or_refused_by_role_and_branch(Actor actor, Person person, Move move, bool allowed)
    {
        await using var f = await MovesFixture.CreateAsync();
        var home = person == Person.OfBr03 ? f.Br03 : f.Br05;
        var staffId = await f.AddStaffAsync("Cán bộ được điều động", StaffRole.Clerk, home);
        if (person == Person.LentFromBr05ToBr03)
            await f.Moves.LendAsync(f.Director, staffId, f.Br03, f.Now, f.Now.AddHours(8), "Hỗ trợ BR03", ct: Ct);
        var works = person == Person.OfBr05 ? f.Br05 : f.Br03;
        var counter = works == f.Br03 ? f.Queue.Counters[2] : f.Counters05[1];
        await f.Moves.OpenCounterAsync(f.Director, counter, "Mở thêm quầy", ct: Ct);
        var actorId = actor switch
        {
            Actor.ManagerOfBr03 => f.Manager03,
            Actor.ManagerOfBr05 => f.Manager05,
            Actor.Director => f.Director,
            _ => f.Clerk03,
        };
        var tomorrow = f.Now.AddDays(1);
        if (move == Move.OpenCounter) await f.Moves.CloseCounterAsync(f.Director, counter, "Hết giờ làm việc", ct: Ct);
        var absence = move == Move.CancelAbsence
            ? await f.Moves.RecordAbsenceAsync(f.Director, staffId, tomorrow, tomorrow.AddHours(4), "Nghỉ phép", ct: Ct)
            : 0;
        Func<Task> act = move switch
        {
            Move.OpenCounter => () => f.Moves.OpenCounterAsync(actorId, counter, "Mở thêm quầy", ct: Ct),
            Move.CloseCounter => () => f.Moves.CloseCounterAsync(actorId, counter, "Hết giờ làm việc", ct: Ct),
            Move.CancelAbsence => () => f.Moves.CancelPeriodAsync(actorId, absence, "Không cần nữa", ct: Ct),
            Move.SeatAtCounter => () => f.Moves.MoveToCounterAsync(actorId, staffId, counter, "Cân bằng tải giữa các quầy", ct: Ct),
            Move.Absence => () => f.Moves.RecordAbsenceAsync(actorId, staffId, tomorrow, tomorrow.AddHours(4), "Nghỉ phép", ct: Ct),
            Move.Lend => () => f.Moves.LendAsync(actorId, staffId, f.Br07, tomorrow, tomorrow.AddHours(8), "Hỗ trợ BR07", ct: Ct),
            _ => () => f.Moves.SetCounterGroupsAsync(actorId, counter, [f.Queue.GroupA], "Cấu hình quầy", ct: Ct),
        };

        if (allowed)
        {
            var before = (await f.MovesOfAsync(staffId)).Count;
            await act();
            if (move is not (Move.CounterGroups or Move.OpenCounter or Move.CloseCounter)) Assert.Equal(before + 1, (await f.MovesOfAsync(staffId)).Count);
        }
        else
        {
            var action = move == Move.Lend ? StaffAction.LendStaff : StaffAction.MoveStaff;
            await f.AssertRefusedAsync(act, Permissions.Refusal(action));
        }
    }

    [Fact]
    public async Task A_manager_whose_role_changed_since_the_page_loaded_is_refused()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, _) = await f.Queue.SeatClerkAsync(0);
        var to = await f.OpenCounterAsync(2);
        await using (var db = f.Queue.Database.Factory.CreateDbContext())
        {
            var manager = await db.Staff.FindAsync([f.Manager03], Ct);
            manager!.Update(manager.FullName, manager.Email, StaffRole.Clerk, manager.HomeBranchId);
            await db.SaveChangesAsync(Ct);
        }

        await f.AssertRefusedAsync(() => f.Moves.MoveToCounterAsync(f.Manager03, clerk, to, "Cân bằng tải giữa các quầy", ct: Ct), Permissions.Refusal(StaffAction.MoveStaff));
    }
}
