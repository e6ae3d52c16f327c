using System.Security.Claims;
using Bunit;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Queue;
using HanoiWorkbench.Core.Reception;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Applications;
using HanoiWorkbench.Data.Queue;
using HanoiWorkbench.Workbench.Auth;
using HanoiWorkbench.Workbench.Hosting;
using HanoiWorkbench.Workbench.Realtime;
using HanoiWorkbench.Workbench.Tests.Admin;
using HanoiWorkbench.Workbench.Tests.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Workbench.Tests.LivePages;

/// <summary>
/// The live pages as the server wires them: the real bus (in-memory sequences, no relay), every data service over a seeded
/// SQLite copy, on Monday 9 March 2026 at 09:00 in Hà Nội. The demo clerk has opened the first counter of their branch and
/// one ticket of its first group waits. The counter page's <see cref="QueueQueries"/> reads through <see cref="DeskReads"/>,
/// so a test counts the page's reads of the database, not the page's own idea of them.
/// </summary>
public abstract class LiveBranchContext : ShellTestContext, IAsyncLifetime
{
    private SeededDatabase? _database;

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(7)));

    protected IDbContextFactory<WorkbenchDbContext> Db => _database!.Factory;

    /// <summary>Every context <see cref="QueueQueries"/> opens: one per desk read of the counter page.</summary>
    protected CountingContexts DeskReads { get; private set; } = default!;

    protected LiveEventBus Bus { get; private set; } = default!;

    /// <summary>The queue as every other screen of the process uses it (another counter, another kiosk).</summary>
    protected QueueService Queue { get; private set; } = default!;

    protected Staff Clerk { get; private set; } = default!;

    protected string BranchCode { get; private set; } = "";

    protected int CounterId { get; private set; }

    protected int GroupId { get; private set; }

    protected string GroupLetter { get; private set; } = "";

    /// <summary>The ticket waiting when the test starts.</summary>
    protected IssuedTicket FirstTicket { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await SeededDatabase.CreateAsync();
        var none = new ConfigurationBuilder().Build();
        Services.AddLogging();
        Services.AddSingleton<IConfiguration>(none);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddWorkbenchRealtime(none);
        Services.AddWorkbenchData(_database.Configuration, _database.Folder);
        Services.AddKioskLimits(none);
        Services.AddSingleton(PublicLinks.FromConfiguration(none));
        Services.AddSingleton<RatingLinks>();
        DeskReads = new CountingContexts(_database.Factory);
        Services.AddSingleton(sp => new QueueQueries(DeskReads, Clock, sp.GetRequiredService<QueuePolicy>()));
        Bus = Services.GetRequiredService<LiveEventBus>();
        Queue = Services.GetRequiredService<QueueService>();

        await using var db = await Db.CreateDbContextAsync(Ct);
        Clerk = await db.Staff.AsNoTracking().SingleAsync(s => s.Email == DemoAccounts.Clerk.Email, Ct);
        BranchCode = await db.Branches.Where(b => b.Id == Clerk.CurrentBranchId).Select(b => b.Code).SingleAsync(Ct);
        CounterId = await db.Counters.Where(c => c.BranchId == Clerk.CurrentBranchId).OrderBy(c => c.Number).Select(c => c.Id).FirstAsync(Ct);
        var groups = await db.Counters.Where(c => c.Id == CounterId).SelectMany(c => c.ServiceGroups).OrderBy(g => g.Letter)
            .Select(g => new { g.Id, g.Letter }).ToListAsync(Ct);
        (GroupId, GroupLetter) = (groups[0].Id, groups[0].Letter);
        await Queue.OpenCounterAsync(Clerk.Id, CounterId, groups.Select(g => g.Id).ToList(), Ct);
        FirstTicket = await Queue.IssueTicketAsync(Clerk.CurrentBranchId, GroupId, PriorityCategory.None, Ct);
        Render<MudBlazor.MudPopoverProvider>();
        Render<MudBlazor.MudSnackbarProvider>();
    }

    /// <summary>A queue whose changes commit but whose events never reach this server (a relay outage, a lost message).</summary>
    protected QueueService Unheard() => ActivatorUtilities.CreateInstance<QueueService>(Services, (ILiveEvents)new RecordedEvents());

    /// <summary>A branch other than the clerk's, and a group it serves.</summary>
    protected async Task<(int BranchId, int GroupId)> OtherBranchAsync()
    {
        await using var db = await Db.CreateDbContextAsync(Ct);
        var other = await db.Counters.Where(c => c.BranchId != Clerk.CurrentBranchId).OrderBy(c => c.BranchId)
            .SelectMany(c => c.ServiceGroups, (c, g) => new { c.BranchId, GroupId = g.Id }).FirstAsync(Ct);
        return (other.BranchId, other.GroupId);
    }

    /// <summary>A birth registration for Tây Hồ, received by the demo clerk at their branch; its id.</summary>
    protected async Task<long> ReceiveABirthRegistrationAsync()
    {
        await using var db = await Db.CreateDbContextAsync(Ct);
        var procedure = await db.Procedures.AsNoTracking().FirstAsync(p => p.Name == "Đăng ký khai sinh", Ct);
        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Name == "Tây Hồ", Ct);
        var saved = await Services.GetRequiredService<ReceptionService>().ReceiveAsync(new ReceptionRequest(procedure.Id, area.Id,
            "Nguyễn Thị Mai", "001190012345", 1990, false, "0912 345 678", "12 Hàng Bông",
            procedure.RequiredDocuments.Select(d => new DocumentTick(d, true, 1)).ToList(), Guid.NewGuid()), new Actor(Clerk.Id, Clerk.CurrentBranchId), Ct);
        Assert.True(saved.Succeeded, string.Join(" | ", saved.Errors.Values));
        return saved.ApplicationId!.Value;
    }

    /// <summary>Renders <typeparamref name="TPage"/> for the staff member as the sign-in pipeline would see them.</summary>
    protected async Task<IRenderedComponent<CascadingValue<Task<AuthenticationState>>>> RenderAsAsync<TPage>(int staffId,
        Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null) where TPage : IComponent
    {
        await using var db = await Db.CreateDbContextAsync(Ct);
        var userId = await db.Users.Where(u => u.StaffId == staffId).Select(u => u.Id).SingleAsync(Ct);
        var signedIn = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "Identity.Application"));
        var staff = await new StaffClaimsTransformation(Db, new EntraRoleMode(false)).TransformAsync(signedIn);
        return Render<CascadingValue<Task<AuthenticationState>>>(p => p
            .Add(c => c.Value, Task.FromResult(new AuthenticationState(staff)))
            .AddChildContent(parameters ?? (_ => { })));
    }

    /// <summary>The page is subscribed, has handled exactly <paramref name="received"/> events with <paramref name="reads"/>
    /// re-reads of its own count, and nothing is due.</summary>
    protected static void AssertSettled(LiveRefreshState? state, int received, int reads)
    {
        Assert.NotNull(state);
        Assert.True(state.Live);
        Assert.Equal((received, reads, true), (state.Received, state.Reads, state.Idle));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database?.Dispose();
    }
}

/// <summary>A context factory that counts the contexts it hands out.</summary>
public sealed class CountingContexts(IDbContextFactory<WorkbenchDbContext> inner) : IDbContextFactory<WorkbenchDbContext>
{
    private int _created;

    public int Created => Volatile.Read(ref _created);

    public WorkbenchDbContext CreateDbContext()
    {
        Interlocked.Increment(ref _created);
        return inner.CreateDbContext();
    }
}
