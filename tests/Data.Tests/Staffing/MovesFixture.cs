using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data.Staffing;
using HanoiWorkbench.Data.Tests.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace HanoiWorkbench.Data.Tests.Staffing;

/// <summary>
/// The queue fixture (BR03, clock at 09:00 Monday) plus the managers' moves, the board's people read and the period job;
/// managers of BR03 and BR05, a director and a clerk of BR03 as actors.
/// </summary>
internal sealed class MovesFixture : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MovesFixture(QueueFixture queue, IReadOnlyList<IInterceptor> interceptors)
    {
        Queue = queue;
        // The moves work through the interceptors (a rendezvous of racing managers); the test's own reads do not.
        var factory = interceptors.Count == 0 ? queue.Database.Factory : new WorkbenchDbContextFactory(queue.Database.Settings, interceptors);
        Moves = new StaffMoves(factory, queue.Events, queue.Clock, NullLogger<StaffMoves>.Instance);
        People = new BranchPeopleQueries(queue.Database.Factory, queue.Clock);
        Job = new StaffPeriodMaintenance(Moves, queue.Clock, NullLogger<StaffPeriodMaintenance>.Instance);
    }

    public QueueFixture Queue { get; }
    public StaffMoves Moves { get; }
    public BranchPeopleQueries People { get; }
    public StaffPeriodMaintenance Job { get; }
    public int Br03 => Queue.BranchId;
    public int Br05 { get; private set; }
    public int Br07 { get; private set; }
    public int Manager03 { get; private set; }
    public int Manager05 { get; private set; }
    public int Director { get; private set; }
    public int Clerk03 { get; private set; }
    public IReadOnlyList<int> Counters05 { get; private set; } = [];
    public DateTimeOffset Now => Queue.Clock.GetUtcNow();

    public static async Task<MovesFixture> CreateAsync(params IInterceptor[] interceptors)
    {
        var f = new MovesFixture(await QueueFixture.CreateAsync(), interceptors);
        await using (var db = f.Queue.Database.Factory.CreateDbContext())
        {
            f.Br05 = await db.Branches.Where(b => b.Code == "BR05").Select(b => b.Id).SingleAsync(Ct);
            f.Br07 = await db.Branches.Where(b => b.Code == "BR07").Select(b => b.Id).SingleAsync(Ct);
            f.Counters05 = await db.Counters.Where(c => c.BranchId == f.Br05).OrderBy(c => c.Number).Select(c => c.Id).ToListAsync(Ct);
        }
        f.Manager03 = await f.AddStaffAsync("Lãnh đạo BR03", StaffRole.BranchManager, f.Br03);
        f.Manager05 = await f.AddStaffAsync("Lãnh đạo BR05", StaffRole.BranchManager, f.Br05);
        f.Director = await f.AddStaffAsync("Giám đốc", StaffRole.Director, f.Br03);
        f.Clerk03 = await f.AddStaffAsync("Cán bộ BR03", StaffRole.Clerk, f.Br03);
        return f;
    }

    public async Task<int> AddStaffAsync(string name, StaffRole role, int branchId)
    {
        await using var db = Queue.Database.Factory.CreateDbContext();
        var staff = new Staff(name, $"s.{Guid.NewGuid():N}@hcc.hanoi.gov.vn", role, branchId);
        db.Staff.Add(staff);
        await db.SaveChangesAsync(Ct);
        return staff.Id;
    }

    /// <summary>Counter <paramref name="index"/> of BR03, opened by the director for a person to be seated at.</summary>
    public async Task<int> OpenCounterAsync(int index)
    {
        await Moves.OpenCounterAsync(Director, Queue.Counters[index], "Mở thêm quầy", ct: Ct);
        return Queue.Counters[index];
    }

    /// <summary>A clerk seated at counter <paramref name="index"/> with a called ticket of group A in front of them.</summary>
    public async Task<(int StaffId, int CounterId, Ticket Ticket)> ServingClerkAsync(int index)
    {
        var (staffId, counterId) = await Queue.SeatClerkAsync(index);
        await Queue.Service.IssueTicketAsync(Br03, Queue.GroupA, PriorityCategory.None, Ct);
        var ticket = (await Queue.Service.CallNextAsync(staffId, counterId, Ct))!;
        return (staffId, counterId, ticket);
    }

    public async Task<Staff> StaffAsync(int id)
    {
        await using var db = Queue.Database.Factory.CreateDbContext();
        return await db.Staff.AsNoTracking().SingleAsync(s => s.Id == id, Ct);
    }

    public async Task<List<StaffMoveRecord>> MovesOfAsync(int staffId)
    {
        await using var db = Queue.Database.Factory.CreateDbContext();
        return (await db.StaffMoves.AsNoTracking().Where(m => m.StaffId == staffId).ToListAsync(Ct)).OrderBy(m => m.Id).ToList();
    }

    public Task<MovesSnapshot> SnapshotAsync() => MovesSnapshot.TakeAsync(Queue.Database.Factory, Ct);

    /// <summary>The move is refused with a message containing <paramref name="refusal"/> and the database is as it was.</summary>
    public async Task AssertRefusedAsync(Func<Task> move, string refusal)
    {
        var before = await SnapshotAsync();
        var ex = await Assert.ThrowsAsync<DomainException>(move);
        Assert.Contains(refusal, ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    public ValueTask DisposeAsync() => Queue.DisposeAsync();
}
