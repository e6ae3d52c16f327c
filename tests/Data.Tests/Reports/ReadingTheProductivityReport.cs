using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Reports;
using HanoiWorkbench.Data.Reports;
using HanoiWorkbench.Data.Tests.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Data.Tests.Reports;

public sealed class ReadingTheProductivityReport
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 30, 0, TimeSpan.FromHours(7));
    private static readonly ReportPeriod October = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));

    [Fact]
    public async Task The_report_of_a_generated_month_agrees_with_the_entities_counted_one_by_one()
    {
        await using var temp = await TempDatabase.SeededAsync();
        await using (var seed = temp.Factory.CreateDbContext())
            await HistoryGenerator.GenerateAsync(seed, 2000, seed: 11, new FakeTimeProvider(Now), null, Ct);
        var query = new ProductivityReportQuery(temp.Factory);

        var city = (await query.LoadAsync(null, October, ct: Ct))!;

        await using var db = temp.Factory.CreateDbContext();
        var (start, end) = (October.Start, October.End);
        var received = await db.Applications.AsNoTracking().Where(a => a.ReceivedAt >= start && a.ReceivedAt < end).ToListAsync(Ct);
        var completed = await db.Applications.AsNoTracking().Include(a => a.Steps)
            .Where(a => a.CompletedAt >= start && a.CompletedAt < end).ToListAsync(Ct);
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.ServiceDate >= October.From && t.ServiceDate <= October.To && t.CalledAt != null).ToListAsync(Ct);
        var ratings = await db.Ratings.AsNoTracking().Where(r => r.At >= start && r.At < end).ToListAsync(Ct);
        Assert.True(received.Count > 50 && completed.Count > 50 && tickets.Count > 20 && ratings.Count > 20, "the month has data");
        Assert.Contains(completed, a => a.IsLate(Now));

        var t = city.Total;
        Assert.Equal(ProductivityReportQuery.CityName, city.ScopeName);
        Assert.Equal(received.Count, t.Received);
        Assert.Equal((completed.Count, completed.Count(a => a.IsLate(Now))), (t.Completed, t.Late));
        Assert.Equal(completed.Count(a => !a.IsLate(Now)), t.OnTime);
        Assert.Equal(tickets.Count(x => x.Status == TicketStatus.Finished), t.Served);
        Assert.Equal(tickets.Count(x => x.Status == TicketStatus.NoShow), t.NoShows);
        Assert.Equal(TimeSpan.FromTicks((long)tickets.Average(x => x.WaitTime!.Value.Ticks)).TotalSeconds, t.MeanWait!.Value.TotalSeconds, 0);
        Assert.Equal(new RatingTally(ratings.Count(r => r.Level == RatingLevel.VerySatisfied), ratings.Count(r => r.Level == RatingLevel.Satisfied),
            ratings.Count(r => r.Level == RatingLevel.Dissatisfied)), t.Ratings);
        Assert.Equal(t.Received, city.Branches.Sum(b => b.Figures.Received));
        Assert.Equal(t.Served, city.Officials.Sum(o => o.Figures.Served));

        var busiest = received.GroupBy(a => a.ReceivingBranchId).OrderByDescending(g => g.Count()).First().Key;
        var branch = (await query.LoadAsync(busiest, October, ct: Ct))!;
        Assert.Equal(city.Branches.Single(b => b.Id == busiest).Figures, branch.Total);
        Assert.Equal([busiest], branch.Branches.Select(b => b.Id));
        Assert.Equal(received.Count(a => a.ReceivingBranchId == busiest), branch.Total.Received);
        Assert.Equal(completed.Count(a => a.HandlingBranchId == busiest && a.IsLate(Now)), branch.Total.Late);
    }

    [Fact]
    public async Task A_clerks_hand_made_morning_has_the_known_wait_service_and_idle_time()
    {
        await using var queue = await QueueFixture.CreateAsync();
        var (staffId, counterId) = await queue.SeatClerkAsync(0);
        await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
        await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
        queue.Clock.Advance(TimeSpan.FromMinutes(5));
        await ServeAsync(queue, staffId, counterId, minutes: 10);
        queue.Clock.Advance(TimeSpan.FromMinutes(3));
        await ServeAsync(queue, staffId, counterId, minutes: 7);
        var today = DateOnly.FromDateTime(QueueFixture.Morning.DateTime);

        var report = (await new ProductivityReportQuery(queue.Database.Factory).LoadAsync(queue.BranchId, new ReportPeriod(today, today), ct: Ct))!;

        var clerk = report.Officials.Single(o => o.Id == staffId).Figures;
        Assert.Equal((2, 0), (clerk.Served, clerk.NoShows));
        // Waits 5 and 18 minutes, services 10 and 7, one gap of 3 minutes (the fake clock adds 10 ms per reading).
        Assert.Equal(11.5, clerk.MeanWait!.Value.TotalMinutes, 1);
        Assert.Equal(18, clerk.Wait90!.Value.TotalMinutes, 1);
        Assert.Equal(8.5, clerk.MeanService!.Value.TotalMinutes, 1);
        Assert.Equal(3, clerk.Idle.TotalMinutes, 1);
        Assert.Equal(2, report.WaitDistribution.Sum(b => b.Tickets));
    }

    [Fact]
    public async Task A_period_with_nothing_in_it_is_empty_and_an_unknown_branch_has_no_report()
    {
        await using var temp = await TempDatabase.SeededAsync();
        var query = new ProductivityReportQuery(temp.Factory);
        var steps = new List<ReportStep>();

        var report = (await query.LoadAsync(null, October, new SynchronousProgress(steps), Ct))!;

        Assert.True(report.IsEmpty);
        Assert.Equal([ReportStep.Tickets, ReportStep.Applications, ReportStep.Ratings, ReportStep.Figures], steps);
        Assert.Null(await query.LoadAsync(-1, October, ct: Ct));
    }

    private static async Task ServeAsync(QueueFixture queue, int staffId, int counterId, int minutes)
    {
        var ticket = (await queue.Service.CallNextAsync(staffId, counterId, Ct))!;
        await queue.Service.StartAsync(staffId, ticket.Id, Ct);
        queue.Clock.Advance(TimeSpan.FromMinutes(minutes));
        await queue.Service.FinishAsync(staffId, ticket.Id, Ct);
    }

    /// <summary>Records reports on the calling thread (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SynchronousProgress(List<ReportStep> steps) : IProgress<ReportStep>
    {
        public void Report(ReportStep value) => steps.Add(value);
    }

    [Fact]
    public async Task Guidance_and_refusals_given_at_the_counter_are_counted_for_the_clerk_and_the_branch_apart_from_receptions()
    {
        await using var f = await Applications.ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        foreach (var kind in new[] { Core.Reception.ReceptionDecisionKind.Guidance, Core.Reception.ReceptionDecisionKind.Guidance, Core.Reception.ReceptionDecisionKind.Refusal })
            Assert.True((await f.Decisions.IssueAsync(await Applications.DecidingAtTheCounterWithoutReceiving.DecisionAsync(f, kind), clerk, Ct)).Succeeded);
        var day = DateOnly.FromDateTime(Applications.ApplicationFixture.Monday9.DateTime);

        var report = (await new ProductivityReportQuery(f.Db.Factory).LoadAsync(clerk.BranchId, new ReportPeriod(day, day), ct: Ct))!;

        Assert.False(report.IsEmpty);
        Assert.Equal((0, 2, 1), (report.Total.Received, report.Total.Guided, report.Total.RefusedAtReception));
        var line = Assert.Single(report.Officials);
        Assert.Equal((clerk.StaffId, 2, 1), (line.Id, line.Figures.Guided, line.Figures.RefusedAtReception));
        var other = (await new ProductivityReportQuery(f.Db.Factory).LoadAsync(clerk.BranchId, new ReportPeriod(day.AddDays(1), day.AddDays(1)), ct: Ct))!;
        Assert.True(other.IsEmpty); // another day: none of them
    }
}
