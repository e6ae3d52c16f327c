using HanoiWorkbench.Core.Reception;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Data.Applications;
using HanoiWorkbench.Data.Calendar;
using HanoiWorkbench.Data.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Data.Tests.Applications;

/// <summary>A seeded database with the application services on it, a movable clock and a recorder of published events.</summary>
internal sealed class ApplicationFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Monday9 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private ApplicationFixture(TempDatabase db, IReadOnlyList<IInterceptor> interceptors)
    {
        Db = db;
        // The services work through the interceptors (a rendezvous of racing clerks); the test's own reads do not.
        var factory = interceptors.Count == 0 ? db.Factory : new WorkbenchDbContextFactory(db.Settings, interceptors);
        var calendar = Calendar = new CalendarProvider(factory);
        var policies = new PoolPolicyStore(factory, Clock);
        var capacities = new BranchCapacities(factory, calendar, Clock);
        Pool = new WorkPool(factory, policies, capacities, calendar, Events, Clock);
        Reception = new ReceptionService(factory, calendar, Pool, Events, Clock);
        Intake = new OnlineIntake(factory, Pool, policies, capacities, Events, Clock);
        Submissions = new SubmissionReception(factory, calendar, Pool, Events, Clock);
        Waiting = new SubmissionQueue(factory, Pool, policies, Clock);
        Actions = new ApplicationActions(factory, calendar, Pool, Events, Clock);
        Queries = new ApplicationQueries(factory, calendar, Clock);
        Decisions = new ReceptionDecisions(factory, Clock);
    }

    public TempDatabase Db { get; }
    public FakeTimeProvider Clock { get; } = new(Monday9);
    public RecordedEvents Events { get; } = new();
    public WorkPool Pool { get; }
    public ReceptionService Reception { get; }
    public OnlineIntake Intake { get; }
    public SubmissionReception Submissions { get; }
    public SubmissionQueue Waiting { get; }
    public ApplicationActions Actions { get; }
    public ApplicationQueries Queries { get; }
    public CalendarProvider Calendar { get; }
    public ReceptionDecisions Decisions { get; }

    public static async Task<ApplicationFixture> CreateAsync(params IInterceptor[] interceptors) => new(await TempDatabase.SeededAsync(), interceptors);

    public async Task<Actor> ClerkAsync(string email, CancellationToken ct)
    {
        await using var db = Db.Factory.CreateDbContext();
        var s = await db.Staff.SingleAsync(x => x.Email == email, ct);
        return new Actor(s.Id, s.CurrentBranchId);
    }

    /// <summary>A complete, valid request for "Đăng ký khai sinh" in Hoàn Kiếm, every document ticked.</summary>
    public async Task<ReceptionRequest> ValidRequestAsync(CancellationToken ct, string procedureName = "Đăng ký khai sinh")
    {
        await using var db = Db.Factory.CreateDbContext();
        var procedure = await db.Procedures.FirstAsync(p => p.Name == procedureName, ct);
        var area = await db.Areas.FirstAsync(a => a.Name == "Hoàn Kiếm", ct);
        return new ReceptionRequest(procedure.Id, area.Id, "Nguyễn Thị Mai", "001190012345", 1990, false, "0912 345 678",
            "12 Hàng Bông, Hoàn Kiếm, Hà Nội", procedure.RequiredDocuments.Select(d => new DocumentTick(d, true, 1)).ToList());
    }

    /// <summary>"Đăng ký khai sinh" for Hoàn Kiếm submitted through the portal's intake, every document attached.</summary>
    public async Task<IntakeAccepted> SubmitOnlineAsync(CancellationToken ct)
    {
        await using var db = Db.Factory.CreateDbContext();
        var procedure = await db.Procedures.FirstAsync(p => p.Name == "Đăng ký khai sinh", ct);
        var area = await db.Areas.FirstAsync(a => a.Name == "Hoàn Kiếm", ct);
        var result = await Intake.SubmitAsync(new IntakeSubmission(procedure.NationalCode, area.Code,
            new IntakeApplicant("Trần Văn Bình", "001090054321", "0987654321", "5 Hàng Gai, Hoàn Kiếm, Hà Nội"),
            procedure.RequiredDocuments.Select(d => new IntakeDocument(d, 1)).ToList()), Guid.NewGuid().ToString("N"), ct);
        return result.Accepted ?? throw new InvalidOperationException(string.Join("; ", result.Errors.SelectMany(e => e.Value)));
    }

    public async Task<int> ApplicationCountAsync(CancellationToken ct)
    {
        await using var db = Db.Factory.CreateDbContext();
        return await db.Applications.CountAsync(ct);
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

