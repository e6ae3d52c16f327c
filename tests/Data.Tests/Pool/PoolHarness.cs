using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Pool;
using HanoiWorkbench.Data.Calendar;
using HanoiWorkbench.Data.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Data.Tests.Pool;

/// <summary>A seeded real SQLite file and the pool's services on a fake clock (a Tuesday, 09:00 Hà Nội time).</summary>
internal sealed class PoolHarness : IAsyncDisposable
{
    private PoolHarness(TempDatabase database, DatabaseFaults? faults, IntakeQueueOptions? queue, IInterceptor? interceptor)
    {
        Database = database;
        Faults = faults;
        // The services work through the faulty factory (or a scripted race); the test's own reads (DbAsync) do not.
        IInterceptor[] interceptors = [.. new IInterceptor?[] { faults, interceptor }.OfType<IInterceptor>()];
        var factory = interceptors.Length == 0 ? database.Factory : new WorkbenchDbContextFactory(database.Settings, interceptors);
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero));
        Calendar = new CalendarProvider(factory);
        Policies = new PoolPolicyStore(factory, Clock);
        Capacities = new BranchCapacities(factory, Calendar, Clock);
        Pool = new WorkPool(factory, Policies, Capacities, Calendar, Live, Clock);
        Intake = new OnlineIntake(factory, Pool, Policies, Capacities, Live, Clock,
            Microsoft.Extensions.Options.Options.Create(queue ?? new IntakeQueueOptions()), IntakeLog);
    }

    public TempDatabase Database { get; }
    public DatabaseFaults? Faults { get; }
    public RecordingLogger<OnlineIntake> IntakeLog { get; } = new();
    public FakeTimeProvider Clock { get; }
    public CalendarProvider Calendar { get; }
    public RecordedEvents Live { get; } = new();
    public PoolPolicyStore Policies { get; }
    public BranchCapacities Capacities { get; }
    public WorkPool Pool { get; }
    public OnlineIntake Intake { get; }

    public static async Task<PoolHarness> CreateAsync(DatabaseFaults? faults = null, IntakeQueueOptions? queue = null, IInterceptor? interceptor = null) =>
        new(await TempDatabase.SeededAsync(), faults, queue, interceptor);

    public Task<WorkbenchDbContext> DbAsync() => Task.FromResult(Database.Factory.CreateDbContext());

    /// <summary>Adds <paramref name="count"/> clerks at the first branch, each with the skill of the first procedure's field.</summary>
    public async Task<(int FieldId, List<int> StaffIds)> AddClerksAsync(int count)
    {
        await using var db = await DbAsync();
        var procedure = await db.Procedures.OrderBy(p => p.Id).FirstAsync();
        var field = await db.ProcedureFields.FirstAsync(f => f.Id == procedure.FieldId);
        var branchId = await db.Branches.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
        var staff = Enumerable.Range(0, count).Select(i =>
        {
            var s = new Staff($"Cán bộ thử {i}", $"thu{i}-{Guid.NewGuid():N}@hcc.hanoi.gov.vn", StaffRole.Clerk, branchId);
            s.SetSkills([field]);
            return s;
        }).ToList();
        db.Staff.AddRange(staff);
        await db.SaveChangesAsync();
        return (field.Id, staff.Select(s => s.Id).ToList());
    }

    /// <summary>One online application and <paramref name="count"/> open items of the field on it (spread over branches and due times).</summary>
    public async Task<List<long>> AddItemsAsync(int fieldId, int count)
    {
        await using var db = await DbAsync();
        var procedure = await db.Procedures.FirstAsync(p => p.FieldId == fieldId);
        var area = await db.Areas.FirstAsync(a => a.IsActive);
        var branches = await db.Branches.OrderBy(b => b.Id).Select(b => b.Id).ToListAsync();
        var now = Clock.GetUtcNow();
        var app = Application.Submit($"TEST-{Guid.NewGuid():N}"[..20], new Applicant("Nguyễn Văn A", "001099012345", "0912345678", "Hà Nội"),
            procedure, area.Id, branches[0], Channel.Online, [new ReceivedDocument("Tờ khai", 1)], now);
        db.Applications.Add(app);
        await db.SaveChangesAsync();
        var items = Enumerable.Range(0, count).Select(i => new WorkItem(app.Id, WorkKind.Process, fieldId, area.Id, branches[i % branches.Count],
            now.AddMinutes(30 + (i % 97)), TimeSpan.FromMinutes(15), now.AddSeconds(-i))).ToList();
        db.WorkItems.AddRange(items);
        await db.SaveChangesAsync();
        return items.Select(i => i.Id).ToList();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
