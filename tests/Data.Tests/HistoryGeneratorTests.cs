using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Data.Tests;

public sealed class GeneratedHistory : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 30, 0, TimeSpan.FromHours(7));
    private TempDatabase _temp = null!;
    private GeneratorReport _report = null!;

    public async ValueTask InitializeAsync()
    {
        _temp = await TempDatabase.SeededAsync();
        await using var db = _temp.Factory.CreateDbContext();
        _report = await HistoryGenerator.GenerateAsync(db, 2000, seed: 7, new FakeTimeProvider(Now), null, Ct);
    }

    public async ValueTask DisposeAsync() => await _temp.DisposeAsync();

    [Fact]
    public async Task Writes_the_requested_number_of_applications_each_with_at_least_one_step()
    {
        await using var db = _temp.Factory.CreateDbContext();
        Assert.Equal(2000, _report.Applications);
        Assert.Equal(2000, await db.Applications.CountAsync(Ct));
        Assert.Equal(0, await db.Applications.CountAsync(a => !a.Steps.Any(), Ct));
        Assert.Equal(_report.Steps, await db.ApplicationSteps.CountAsync(Ct));
        Assert.Equal(_report.Tickets, await db.Tickets.CountAsync(Ct));
        Assert.Equal(_report.Ratings, await db.Ratings.CountAsync(Ct));
    }

    [Fact]
    public async Task Codes_are_unique_well_formed_and_the_daily_sequences_continue_after_them()
    {
        await using var db = _temp.Factory.CreateDbContext();
        var codes = await db.Applications.Select(a => a.Code).ToListAsync(Ct);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        foreach (var code in codes)
        {
            Assert.True(ApplicationCode.TryParse(code, out var agency, out var day, out var seq), code);
            var stored = await db.DailySequences.SingleAsync(s => s.Scope == agency && s.Day == day, Ct);
            Assert.True(stored.Value >= seq);
        }
        var allocator = new SequenceAllocator(_temp.Factory);
        Assert.True(ApplicationCode.TryParse(codes[0], out var a0, out var d0, out _));
        var next = await allocator.NextAsync(a0, d0, Ct);
        Assert.DoesNotContain(ApplicationCode.Format(a0, d0, next), codes);
    }

    [Fact]
    public async Task Statuses_agree_with_timestamps_and_with_the_last_step()
    {
        await using var db = _temp.Factory.CreateDbContext();
        var apps = await db.Applications.AsNoTracking().Include(a => a.Steps).Include(a => a.Pauses).AsSplitQuery().ToListAsync(Ct);
        Assert.Contains(apps, a => a.Status == ApplicationStatus.Returned && a.IsLate(Now));
        Assert.Contains(apps, a => a.Status == ApplicationStatus.Returned && !a.IsLate(Now));
        Assert.Contains(apps, a => ApplicationLifecycle.IsOpen(a.Status));
        Assert.Contains(apps, a => a.Pauses.Count > 0);
        Assert.Contains(apps, a => a.Outcome == ProcessingOutcome.Refused);
        Assert.True(apps.Count(a => a.Status == ApplicationStatus.Returned) > apps.Count / 2);
        foreach (var a in apps)
        {
            var steps = a.Steps.OrderBy(s => s.Id).ToList();
            Assert.Equal(a.Status, steps[^1].ToStatus);
            Assert.Equal(steps.Select(s => s.At).Order(), steps.Select(s => s.At));
            Assert.True(steps[^1].At <= Now);
            Assert.True(a.SubmittedAt <= Now);
            if (a.Status == ApplicationStatus.Submitted) Assert.Null(a.ReceivedAt);
            if (a.ReceivedAt is null) Assert.True(a.Status is ApplicationStatus.Submitted or ApplicationStatus.Refused, a.Code);
            Assert.Equal(a.Status is ApplicationStatus.Completed or ApplicationStatus.Returned, a.CompletedAt is not null);
            Assert.Equal(a.Status == ApplicationStatus.Returned, a.ReturnedAt is not null);
            if (a.ReceivedAt is { } r) Assert.True(r >= a.SubmittedAt && a.DueAt > r);
            if (a.CompletedAt is { } c) Assert.True(c >= a.ReceivedAt);
            if (a.ReturnedAt is { } ret) Assert.True(ret >= a.CompletedAt);
            // Processing ends with an outcome: granted, or refused with its written reason (domain.md §3).
            Assert.Equal(a.CompletedAt is not null, a.Outcome is not null);
            if (a.Outcome == ProcessingOutcome.Refused) Assert.False(string.IsNullOrWhiteSpace(a.ResultNote), a.Code);
            Assert.Equal(a.Status == ApplicationStatus.SupplementRequested, a.Pauses.Any(p => p.EndedAt is null));
            Assert.Matches("^0[0-9]{2}[0-3][0-9]{8}$", a.Applicant.CitizenId);
            Assert.Matches("^09[0-9]{8}$", a.Applicant.Phone);
            Assert.NotEmpty(a.Documents);
        }
    }

    [Fact]
    public async Task Sampled_applications_have_the_due_dates_and_statuses_Core_computes_and_clerks_act_in_office_hours()
    {
        await using var db = _temp.Factory.CreateDbContext();
        var calendar = await new CalendarProvider(_temp.Factory).GetAsync(Ct);
        var hours = WorkingHours.Default;
        var procedures = await db.Procedures.AsNoTracking().ToDictionaryAsync(p => p.Id, Ct);
        var all = await db.Applications.AsNoTracking().Include(a => a.Steps).Include(a => a.Pauses).AsSplitQuery().OrderBy(a => a.Id).ToListAsync(Ct);
        var sample = all.Where((_, i) => i % 5 == 0).ToList();
        Assert.Contains(sample, a => a.Pauses.Any(p => p.EndedAt != null));
        Assert.Contains(sample, a => a.Channel == Channel.Online && a.ReceivedAt != null);
        Assert.Contains(sample, a => a.Status == ApplicationStatus.Returned && a.IsLate(Now));

        foreach (var a in sample)
        {
            // The due date: computed at the valid receipt, moved by each supplement once it was received.
            if (a.ReceivedAt is { } received)
            {
                var p = procedures[a.ProcedureId];
                var due = DueDateRules.ComputeDue(received, p.ProcessingUnit, p.ProcessingValue, calendar, hours);
                foreach (var pause in a.Pauses.Where(x => x.EndedAt != null).OrderBy(x => x.StartedAt))
                    due = DueDateRules.ExtendByPauses(due, [(pause.StartedAt, pause.EndedAt)], pause.EndedAt!.Value, calendar, hours);
                Assert.Equal(due, a.DueAt);
            }
            else
            {
                Assert.Null(a.DueAt);
            }

            // The status: each step a move the lifecycle allows from where the previous one left it.
            var steps = a.Steps.OrderBy(s => s.Id).ToList();
            var status = steps[0].ToStatus;
            ApplicationStatus? interrupted = null;
            foreach (var step in steps.Skip(1))
            {
                Assert.Equal(status, step.FromStatus);
                var (to, refusal) = ApplicationLifecycle.Decide(status, step.Action!.Value);
                Assert.True(refusal is null, $"{a.Code}: {refusal}");
                if (step.Action == ApplicationAction.RequestSupplement) interrupted = status;
                Assert.Equal(step.Action == ApplicationAction.ReceiveSupplement ? interrupted : to, step.ToStatus);
                status = step.ToStatus;
            }
            Assert.Equal(a.Status, status);

            // Clerks act in office hours; only the portal's submissions arrive at any hour.
            foreach (var step in steps.Where(s => s.ToStatus != ApplicationStatus.Submitted || s.Action is not null))
                Assert.True(WorkingTime.IsWithinOfficeHours(step.At, calendar, hours), $"{a.Code}: {step.ToStatus} at {step.At:dd/MM/yyyy HH:mm}");
        }
    }

    [Fact]
    public async Task Counter_applications_have_their_ticket_and_ratings_point_at_returned_applications()
    {
        await using var db = _temp.Factory.CreateDbContext();
        var counterApps = await db.Applications.CountAsync(a => a.Channel == Channel.Counter, Ct);
        var linkedTickets = await db.Tickets.CountAsync(t => t.ApplicationId != null, Ct);
        Assert.Equal(counterApps, linkedTickets);
        var ratedIds = await db.Ratings.Select(r => r.ApplicationId).ToListAsync(Ct);
        var statuses = await db.Applications.Where(a => ratedIds.Contains(a.Id)).Select(a => a.Status).Distinct().ToListAsync(Ct);
        Assert.Equal([ApplicationStatus.Returned], statuses);
    }

    [Fact]
    public async Task The_same_seed_writes_the_same_history()
    {
        await using var other = await TempDatabase.SeededAsync();
        await using (var db = other.Factory.CreateDbContext())
            await HistoryGenerator.GenerateAsync(db, 2000, seed: 7, new FakeTimeProvider(Now), null, Ct);
        await using var a = _temp.Factory.CreateDbContext();
        await using var b = other.Factory.CreateDbContext();
        var first = await a.Applications.OrderBy(x => x.Id).Select(x => new { x.Code, x.Applicant.FullName, x.Status, x.DueAt }).ToListAsync(Ct);
        var second = await b.Applications.OrderBy(x => x.Id).Select(x => new { x.Code, x.Applicant.FullName, x.Status, x.DueAt }).ToListAsync(Ct);
        Assert.Equal(first, second);
    }
}
