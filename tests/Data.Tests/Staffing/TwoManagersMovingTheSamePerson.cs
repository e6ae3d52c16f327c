using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data.Staffing;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Staffing;

public sealed class TwoManagersMovingTheSamePerson
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_managers_moving_the_same_person_at_the_same_instant_one_wins_and_the_other_is_told_with_nothing_changed()
    {
        // Both are connected and at work on the move at the same moment (the rendezvous), having seen the same board.
        var together = new Rendezvous(2, Rendezvous.Point.FirstConnection);
        await using var f = await MovesFixture.CreateAsync(together);
        var (clerk, _) = await f.Queue.SeatClerkAsync(0);
        var counters = new[] { await f.OpenCounterAsync(2), await f.OpenCounterAsync(3) };
        var second = await f.AddStaffAsync("Phó lãnh đạo BR03", StaffRole.BranchManager, f.Br03);
        var managers = new[] { f.Manager03, second };
        // Both managers look at the same board, then press "move" at the same instant.
        var seen = (await f.People.PeopleAsync(f.Br03, ct: Ct)).People.Single(p => p.StaffId == clerk).Version;
        var outcomes = await Together.RunAsync(2, async i =>
        {
            together.Join();
            try
            {
                await f.Moves.MoveToCounterAsync(managers[i], clerk, counters[i], reason: $"Quản lý {i}", seenVersion: seen, ct: Ct);
                return (Won: true, Message: "");
            }
            catch (DomainException e)
            {
                return (Won: false, e.Message);
            }
        });

        Assert.True(together.Met, "the two moves were in flight together");
        Assert.Single(outcomes, o => o.Won);
        Assert.Equal(StaffMoves.ConflictMessage, Assert.Single(outcomes, o => !o.Won).Message);
        var winner = Array.FindIndex(outcomes, o => o.Won);
        Assert.Equal(counters[winner], (await f.StaffAsync(clerk)).CurrentCounterId);
        var seat = Assert.Single(await f.MovesOfAsync(clerk), m => m.Kind == StaffMoveKind.SeatAtCounter);
        Assert.Equal(managers[winner], seat.ActorStaffId);
        await using var db = f.Queue.Database.Factory.CreateDbContext();
        Assert.Equal(0, await db.Staff.CountAsync(s => s.CurrentCounterId == counters[1 - winner], Ct));
    }

    [Fact]
    public async Task The_version_refuses_a_save_made_from_a_stale_read_of_a_person_or_a_counter()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, _) = await f.Queue.SeatClerkAsync(0);
        await using var first = f.Queue.Database.Factory.CreateDbContext();
        await using var second = f.Queue.Database.Factory.CreateDbContext();
        var a = await first.Staff.SingleAsync(s => s.Id == clerk, Ct);
        var b = await second.Staff.SingleAsync(s => s.Id == clerk, Ct);
        var ca = await first.Counters.SingleAsync(c => c.Id == f.Queue.Counters[2], Ct);
        var cb = await second.Counters.SingleAsync(c => c.Id == f.Queue.Counters[2], Ct);

        a.LeaveCounter();
        ca.Open();
        await first.SaveChangesAsync(Ct);
        b.AssignToBranch(f.Br05);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
        second.ChangeTracker.Clear();
        second.Attach(cb);
        cb.Open();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
    }
}
