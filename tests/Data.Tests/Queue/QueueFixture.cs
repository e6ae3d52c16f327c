using System.Collections.Concurrent;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Queue;
using HanoiWorkbench.Data.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Data.Tests.Queue;

/// <summary>A seeded SQLite file, the queue service on it, a clock at 09:00 in Hanoi, and clerks of branch BR03.</summary>
internal sealed class QueueFixture : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly DateTimeOffset Morning = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private QueueFixture(TempDatabase database, QueuePolicy policy, IReadOnlyList<IInterceptor> interceptors)
    {
        Database = database;
        Clock = new FakeTimeProvider(Morning) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(10) };
        // The service works through the interceptors (a scripted race); the test's own reads do not.
        var factory = interceptors.Count == 0 ? database.Factory : new WorkbenchDbContextFactory(database.Settings, interceptors);
        Service = new QueueService(factory, Events, Clock, policy, NullLogger<QueueService>.Instance);
        Queries = new QueueQueries(database.Factory, Clock, policy);
    }

    public TempDatabase Database { get; }
    public FakeTimeProvider Clock { get; }
    public RecordedEvents Events { get; } = new();
    public QueueService Service { get; }
    public QueueQueries Queries { get; }
    public int BranchId { get; private set; }
    public int GroupA { get; private set; }
    public IReadOnlyList<int> Counters { get; private set; } = [];

    public static async Task<QueueFixture> CreateAsync(QueuePolicy? policy = null, params IInterceptor[] interceptors)
    {
        var fixture = new QueueFixture(await TempDatabase.SeededAsync(), policy ?? QueuePolicy.Default, interceptors);
        await using var db = fixture.Database.Factory.CreateDbContext();
        fixture.BranchId = await db.Branches.Where(b => b.Code == "BR03").Select(b => b.Id).SingleAsync(Ct);
        fixture.GroupA = await db.ServiceGroups.Where(g => g.Letter == "A").Select(g => g.Id).SingleAsync(Ct);
        fixture.Counters = await db.Counters.Where(c => c.BranchId == fixture.BranchId).OrderBy(c => c.Number).Select(c => c.Id).ToListAsync(Ct);
        return fixture;
    }

    /// <summary>A new clerk of BR03, seated at the counter with the given index, serving group A (added to the counter's configuration).</summary>
    public async Task<(int StaffId, int CounterId)> SeatClerkAsync(int counterIndex)
    {
        int staffId;
        await using (var db = Database.Factory.CreateDbContext())
        {
            var staff = new Staff($"Cán bộ thử {counterIndex}", $"thu{counterIndex}.{Guid.NewGuid():N}@hcc.hanoi.gov.vn", StaffRole.Clerk, BranchId);
            db.Staff.Add(staff);
            var counter = await db.Counters.Include(c => c.ServiceGroups).SingleAsync(c => c.Id == Counters[counterIndex], Ct);
            if (counter.ServiceGroups.All(g => g.Id != GroupA))
                counter.ServeGroups([.. counter.ServiceGroups, await db.ServiceGroups.SingleAsync(g => g.Id == GroupA, Ct)]);
            await db.SaveChangesAsync(Ct);
            staffId = staff.Id;
        }
        await Service.OpenCounterAsync(staffId, Counters[counterIndex], [GroupA], Ct);
        return (staffId, Counters[counterIndex]);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
