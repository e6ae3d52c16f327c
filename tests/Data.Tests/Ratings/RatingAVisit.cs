using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Queue;
using HanoiWorkbench.Core.Ratings;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Applications;
using HanoiWorkbench.Data.Queue;
using HanoiWorkbench.Data.Ratings;
using HanoiWorkbench.Data.Tests.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace HanoiWorkbench.Data.Tests.Ratings;

/// <summary>The application services, the queue and the citizens' ratings on one seeded database and one clock.</summary>
internal sealed class RatingFixture : IAsyncDisposable
{
    private RatingFixture(ApplicationFixture app, IReadOnlyList<IInterceptor> interceptors)
    {
        App = app;
        Queue = new QueueService(app.Db.Factory, app.Events, app.Clock, QueuePolicy.Default, NullLogger<QueueService>.Instance);
        Factory = new WorkbenchDbContextFactory(app.Db.Settings, interceptors);
        Ratings = new CitizenRatings(Factory, app.Events, app.Clock);
    }

    public ApplicationFixture App { get; }
    public QueueService Queue { get; }
    public WorkbenchDbContextFactory Factory { get; }
    public CitizenRatings Ratings { get; }
    public int BranchId { get; private set; }
    public int GroupA { get; private set; }
    public Actor Clerk { get; private set; } = null!;
    public int CounterId { get; private set; }

    public static async Task<RatingFixture> CreateAsync(params IInterceptor[] interceptors)
    {
        var f = new RatingFixture(await ApplicationFixture.CreateAsync(), interceptors);
        var ct = TestContext.Current.CancellationToken;
        f.Clerk = await f.App.ClerkAsync(DemoAccounts.Clerk.Email, ct);
        await using var db = f.App.Db.Factory.CreateDbContext();
        f.BranchId = f.Clerk.BranchId;
        f.GroupA = await db.ServiceGroups.Where(g => g.Letter == "A").Select(g => g.Id).SingleAsync(ct);
        var counter = await db.Counters.Include(c => c.ServiceGroups).Where(c => c.BranchId == f.BranchId).OrderBy(c => c.Number).FirstAsync(ct);
        if (counter.ServiceGroups.All(g => g.Id != f.GroupA))
        {
            counter.ServeGroups([.. counter.ServiceGroups, await db.ServiceGroups.SingleAsync(g => g.Id == f.GroupA, ct)]);
            await db.SaveChangesAsync(ct);
        }
        f.CounterId = counter.Id;
        await f.Queue.OpenCounterAsync(f.Clerk.StaffId, counter.Id, [f.GroupA], ct);
        return f;
    }

    /// <summary>A ticket of group A, called and being served at the clerk's counter.</summary>
    public async Task<long> ServedTicketAsync(CancellationToken ct)
    {
        var issued = await Queue.IssueTicketAsync(BranchId, GroupA, PriorityCategory.None, ct);
        var called = await Queue.CallNextAsync(Clerk.StaffId, CounterId, ct);
        Assert.Equal(issued.TicketId, called!.Id);
        await Queue.StartAsync(Clerk.StaffId, issued.TicketId, ct);
        return issued.TicketId;
    }

    public async Task<int> RatingCountAsync(CancellationToken ct)
    {
        await using var db = App.Db.Factory.CreateDbContext();
        return await db.Ratings.CountAsync(ct);
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public sealed class RatingAVisit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static VisitRef TicketVisit(long id) => new(VisitKind.Ticket, id);
    private static VisitRef ApplicationVisit(long id) => new(VisitKind.Application, id);

    [Fact]
    public async Task A_ticket_only_visit_is_rated_from_its_slip_once_for_the_serving_officer_and_announced_for_its_branch()
    {
        await using var f = await RatingFixture.CreateAsync();
        var issued = await f.Queue.IssueTicketAsync(f.BranchId, f.GroupA, PriorityCategory.None, Ct);
        var early = await f.Ratings.SubmitAsync(TicketVisit(issued.TicketId), RatingLevel.Satisfied, null, null, Ct);
        Assert.Equal((RatingOutcome.Refused, RatingRules.NotServedYet), (early.Outcome, early.Message));

        await f.Queue.CallNextAsync(f.Clerk.StaffId, f.CounterId, Ct);
        await f.Queue.StartAsync(f.Clerk.StaffId, issued.TicketId, Ct);
        await f.Queue.FinishAsync(f.Clerk.StaffId, issued.TicketId, Ct);
        f.App.Clock.Advance(TimeSpan.FromHours(3)); // any time after being served
        var first = await f.Ratings.SubmitAsync(TicketVisit(issued.TicketId), RatingLevel.VerySatisfied, null, null, Ct);
        var again = await f.Ratings.SubmitAsync(TicketVisit(issued.TicketId), RatingLevel.Dissatisfied, DissatisfactionReason.LongWait, null, Ct);

        Assert.True(first.Saved);
        Assert.Equal((RatingOutcome.AlreadyRated, RatingRules.AlreadyRated), (again.Outcome, again.Message));
        await using var db = f.App.Db.Factory.CreateDbContext();
        var rating = await db.Ratings.SingleAsync(Ct);
        Assert.Equal((RatingLevel.VerySatisfied, f.Clerk.StaffId, f.BranchId, issued.TicketId, RatingChannel.QrCode),
            (rating.Level, rating.StaffId!.Value, rating.BranchId, rating.TicketId!.Value, rating.Channel));
        Assert.Null(rating.ApplicationId);
        Assert.Contains((LiveEventKind.RatingGiven, (int?)f.BranchId, (long?)rating.Id), f.App.Events.Published);
        Assert.Equal(RatingLevel.VerySatisfied, (await f.Ratings.VisitAsync(TicketVisit(issued.TicketId), Ct))!.Given);
    }

    [Fact]
    public async Task An_application_is_rated_before_its_result_is_ready_and_an_unchecked_online_one_is_not()
    {
        await using var f = await RatingFixture.CreateAsync();
        var id = (await f.App.Reception.ReceiveAsync(await f.App.ValidRequestAsync(Ct), f.Clerk, Ct)).ApplicationId!.Value;
        var online = await f.App.SubmitOnlineAsync(Ct);

        var received = await f.Ratings.SubmitAsync(ApplicationVisit(id), RatingLevel.Dissatisfied, DissatisfactionReason.UnclearGuidance, "Phải hỏi lại hai lần", Ct);
        var notChecked = await f.Ratings.SubmitAsync(ApplicationVisit(online.ApplicationId), RatingLevel.Satisfied, null, null, Ct);

        Assert.True(received.Saved);
        Assert.Equal((RatingOutcome.Refused, RatingRules.NotCheckedYet), (notChecked.Outcome, notChecked.Message));
        await using var db = f.App.Db.Factory.CreateDbContext();
        var rating = await db.Ratings.SingleAsync(Ct);
        Assert.Equal((id, DissatisfactionReason.UnclearGuidance, "Phải hỏi lại hai lần", f.Clerk.StaffId),
            (rating.ApplicationId!.Value, rating.Reason!.Value, rating.Comment, rating.StaffId!.Value));
    }

    [Fact]
    public async Task A_visit_that_received_an_application_is_one_visit_whichever_link_rates_it_first()
    {
        await using var f = await RatingFixture.CreateAsync();
        var ticket = await f.ServedTicketAsync(Ct);
        var id = (await f.App.Reception.ReceiveAsync(await f.App.ValidRequestAsync(Ct), f.Clerk, Ct)).ApplicationId!.Value;

        var byTicket = await f.Ratings.SubmitAtCounterAsync(f.CounterId, ticket, RatingLevel.Satisfied, null, null, Ct);
        var byReceipt = await f.Ratings.SubmitAsync(ApplicationVisit(id), RatingLevel.VerySatisfied, null, null, Ct);

        Assert.True(byTicket.Saved);
        Assert.Equal(RatingOutcome.AlreadyRated, byReceipt.Outcome);
        await using var db = f.App.Db.Factory.CreateDbContext();
        var rating = await db.Ratings.SingleAsync(Ct);
        Assert.Equal((ticket, id, RatingChannel.Tablet), (rating.TicketId!.Value, rating.ApplicationId!.Value, rating.Channel));
    }

    [Fact]
    public async Task A_rating_the_rule_refuses_saves_nothing_and_an_unknown_visit_is_not_found()
    {
        await using var f = await RatingFixture.CreateAsync();
        var ticket = await f.ServedTicketAsync(Ct);

        var noReason = await f.Ratings.SubmitAsync(TicketVisit(ticket), RatingLevel.Dissatisfied, null, "Chờ lâu", Ct);
        var tooLong = await f.Ratings.SubmitAsync(TicketVisit(ticket), RatingLevel.Dissatisfied, DissatisfactionReason.Other, new string('x', 501), Ct);
        var unknown = await f.Ratings.SubmitAsync(TicketVisit(ticket + 1000), RatingLevel.Satisfied, null, null, Ct);

        Assert.Equal(RatingOutcome.Invalid, noReason.Outcome);
        Assert.Equal("Vui lòng chọn lý do Ông/Bà chưa hài lòng.", noReason.Errors["Reason"]);
        Assert.Equal(RatingOutcome.Invalid, tooLong.Outcome);
        Assert.Contains("tối đa 500 ký tự", tooLong.Errors["Comment"], StringComparison.Ordinal);
        Assert.Equal((RatingOutcome.NotFound, RatingResult.NotFoundMessage), (unknown.Outcome, unknown.Message));
        Assert.Equal(0, await f.RatingCountAsync(Ct));
    }

    [Fact]
    public async Task The_counter_tablet_offers_the_ticket_being_served_until_the_counter_moves_on()
    {
        await using var f = await RatingFixture.CreateAsync();
        Assert.Null((await f.Ratings.CounterAsync(f.CounterId, Ct))!.Current);
        var first = await f.ServedTicketAsync(Ct);
        var tablet = await f.Ratings.CounterAsync(f.CounterId, Ct);
        Assert.Equal((first, true), (tablet!.Current!.TicketId!.Value, tablet.Current.CanRate));

        await f.Queue.FinishAsync(f.Clerk.StaffId, first, Ct);
        f.App.Clock.Advance(RatingRules.TabletOffersFinishedFor + TimeSpan.FromMinutes(1));
        Assert.Null((await f.Ratings.CounterAsync(f.CounterId, Ct))!.Current);
        var late = await f.Ratings.SubmitAtCounterAsync(f.CounterId, first, RatingLevel.Satisfied, null, null, Ct);
        Assert.Equal((RatingOutcome.Refused, RatingResult.TabletMovedOn), (late.Outcome, late.Message));

        var second = await f.ServedTicketAsync(Ct);
        await f.Queue.FinishAsync(f.Clerk.StaffId, second, Ct);
        Assert.Equal(second, (await f.Ratings.CounterAsync(f.CounterId, Ct))!.Current!.TicketId);
        await f.Queue.IssueTicketAsync(f.BranchId, f.GroupA, PriorityCategory.None, Ct);
        await f.Queue.CallNextAsync(f.Clerk.StaffId, f.CounterId, Ct);
        Assert.Null((await f.Ratings.CounterAsync(f.CounterId, Ct))!.Current);   // the next citizen is called
        Assert.True((await f.Ratings.SubmitAsync(TicketVisit(first), RatingLevel.Satisfied, null, null, Ct)).Saved); // the slip still works
    }

    [Fact]
    public async Task A_citizens_rating_reaches_the_branch_board_and_through_its_event_the_city_projection()
    {
        await using var f = await RatingFixture.CreateAsync();
        var projection = new HanoiWorkbench.Data.Monitoring.CityLiveProjection(new HanoiWorkbench.Data.Monitoring.CityRecount(f.App.Db.Factory),
            new HanoiWorkbench.Data.Pool.PoolPolicyStore(f.App.Db.Factory, f.App.Clock), f.App.Clock, NullLogger<HanoiWorkbench.Data.Monitoring.CityLiveProjection>.Instance);
        await projection.RebuildAsync(Ct);
        var ticket = await f.ServedTicketAsync(Ct);

        Assert.True((await f.Ratings.SubmitAsync(TicketVisit(ticket), RatingLevel.Dissatisfied, DissatisfactionReason.LongWait, null, Ct)).Saved);
        var (kind, branch, id) = f.App.Events.Published.Last();
        Assert.Equal((LiveEventKind.RatingGiven, (int?)f.BranchId), (kind, branch));
        await projection.ApplyAsync([new LiveEvent(kind, branch, id, 1000, 1000, f.App.Clock.GetUtcNow())], Ct);

        var counted = projection.Current.Branches.Single(b => b.BranchId == f.BranchId).Ratings;
        Assert.Equal((1, 0, 1, 0), (counted.Today, counted.SatisfiedToday, counted.Month, counted.SatisfiedMonth));
        var board = await new HanoiWorkbench.Data.Board.BranchBoardQueries(f.App.Db.Factory, f.App.Clock, QueuePolicy.Default).BoardAsync(f.BranchId, ct: Ct);
        Assert.Equal(1, board!.Ratings.Dissatisfied);
    }

    [Fact]
    public async Task Two_submissions_at_once_store_one_rating_and_the_unique_index_refuses_the_other()
    {
        var gate = new RatingInsertGate(parties: 2);
        await using var f = await RatingFixture.CreateAsync(gate);
        var ticket = await f.ServedTicketAsync(Ct);

        // Both have checked "not rated yet" and wait at the gate just before inserting: the database alone decides.
        var results = await Task.WhenAll(
            Task.Run(() => f.Ratings.SubmitAsync(TicketVisit(ticket), RatingLevel.VerySatisfied, null, null, Ct), Ct),
            Task.Run(() => f.Ratings.SubmitAtCounterAsync(f.CounterId, ticket, RatingLevel.Dissatisfied, DissatisfactionReason.LongWait, null, Ct), Ct));

        Assert.Equal(2, gate.Arrived);
        Assert.Equal(1, gate.UniqueViolations);
        Assert.Single(results, r => r.Saved);
        Assert.Single(results, r => r.Outcome == RatingOutcome.AlreadyRated && r.Message == RatingRules.AlreadyRated);
        Assert.Equal(1, await f.RatingCountAsync(Ct));
    }
}

/// <summary>
/// Holds every save that inserts a rating until <c>parties</c> of them have arrived, then lets them all go; counts the saves
/// that failed on a unique index. The rating's service has done its checks by then, so the race is on the insert itself.
/// </summary>
internal sealed class RatingInsertGate(int parties) : SaveChangesInterceptor
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived, _violations;

    public int Arrived => Volatile.Read(ref _arrived);
    public int UniqueViolations => Volatile.Read(ref _violations);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context!.ChangeTracker.Entries<Rating>().Any(e => e.State == EntityState.Added))
        {
            if (Interlocked.Increment(ref _arrived) == parties) _all.SetResult();
            await _all.Task.WaitAsync(cancellationToken);
        }
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (DatabaseErrors.IsUniqueViolation(eventData.Exception)) Interlocked.Increment(ref _violations);
        return Task.CompletedTask;
    }
}
