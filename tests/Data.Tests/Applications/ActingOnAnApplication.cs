using HanoiWorkbench.Core.Reception;
using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Applications;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Applications;

public sealed class ActingOnAnApplication
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_second_of_two_clerks_is_told_and_the_first_clerks_change_stays()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var manager = await f.ClerkAsync(DemoAccounts.BranchManager.Email, Ct);
        var id = (await f.Reception.ReceiveAsync(await f.ValidRequestAsync(Ct), clerk, Ct)).ApplicationId!.Value;
        var seen = (await f.Queries.DetailAsync(id, Ct))!.Version;

        var first = await f.Actions.ApplyAsync(id, seen, ApplicationAction.StartProcessing, new ActionInput(), clerk, Ct);
        var second = await f.Actions.ApplyAsync(id, seen, ApplicationAction.Stop, new ActionInput(Reason: "Sai thẩm quyền"), manager, Ct);

        Assert.Equal(ActionOutcome.Done, first.Outcome);
        Assert.Equal(ActionOutcome.Conflict, second.Outcome);
        Assert.Equal("Hồ sơ vừa được cán bộ khác cập nhật. Vui lòng tải lại để xem thay đổi.", second.Message);
        var after = await f.Queries.DetailAsync(id, Ct);
        Assert.Equal(ApplicationStatus.InProcessing, after!.Status);
        Assert.Equal(2, after.Steps.Count);
    }

    [Fact]
    public async Task An_illegal_move_is_refused_with_its_reason_and_changes_nothing()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var id = (await f.Reception.ReceiveAsync(await f.ValidRequestAsync(Ct), clerk, Ct)).ApplicationId!.Value;
        var seen = (await f.Queries.DetailAsync(id, Ct))!.Version;

        var result = await f.Actions.ApplyAsync(id, seen, ApplicationAction.Complete, new ActionInput(), clerk, Ct);

        Assert.Equal(ActionOutcome.Refused, result.Outcome);
        Assert.Contains("Đã tiếp nhận", result.Message, StringComparison.Ordinal);
        Assert.Equal(seen, (await f.Queries.DetailAsync(id, Ct))!.Version);
    }

    [Fact]
    public async Task A_supplement_stops_the_clock_and_receiving_it_moves_the_due_date_by_the_working_time_paused()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var id = await ReceiveMultiDayAsync(f, clerk);
        var before = (await f.Queries.DetailAsync(id, Ct))!;

        f.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await f.Actions.ApplyAsync(id, before.Version, ApplicationAction.RequestSupplement,
            new ActionInput(Reason: "Bản sao chưa chứng thực", WhatIsMissing: "Bản sao giấy khai sinh"), clerk, Ct)).Succeeded);
        var paused = (await f.Queries.DetailAsync(id, Ct))!;
        f.Clock.Advance(TimeSpan.FromDays(2)); // Monday 10:00 → Wednesday 10:00: two working days
        Assert.True((await f.Actions.ApplyAsync(id, paused.Version, ApplicationAction.ReceiveSupplement, new ActionInput(), clerk, Ct)).Succeeded);

        var after = (await f.Queries.DetailAsync(id, Ct))!;
        Assert.Equal(ApplicationStatus.Received, after.Status);
        var pause = Assert.Single(after.Pauses);
        Assert.Equal(("Bản sao giấy khai sinh", "Bản sao chưa chứng thực"), (pause.Missing, pause.Reason)); // what and why, kept apart
        Assert.NotNull(after.Pauses[0].EndedAt);
        var dueDay = DateOnly.FromDateTime(WorkingHours.ToVietnam(before.DueAt!.Value).DateTime);
        var dueTime = TimeOnly.FromDateTime(WorkingHours.ToVietnam(before.DueAt!.Value).DateTime);
        Assert.Equal(WorkingHours.At(new WorkingCalendar([]).AddWorkingDays(dueDay, 2), dueTime), after.DueAt); // two working days later, same hour
    }

    [Fact]
    public async Task Waiting_for_fees_is_a_stored_pause_the_late_counts_leave_out_and_paying_moves_the_due_date()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var (id, processing) = await ProcessingAnHourAsync(f, clerk);
        var empty = await f.Actions.ApplyAsync(id, processing.Version, ApplicationAction.AwaitFinancialObligation, new ActionInput(Note: " "), clerk, Ct);
        Assert.Equal(ActionOutcome.Refused, empty.Outcome);
        Assert.Empty((await f.Queries.DetailAsync(id, Ct))!.Pauses);
        Assert.True((await f.Actions.ApplyAsync(id, processing.Version, ApplicationAction.AwaitFinancialObligation,
            new ActionInput(Note: "Lệ phí 50.000 đồng"), clerk, Ct)).Succeeded);
        var waiting = (await f.Queries.DetailAsync(id, Ct))!;
        var pause = Assert.Single(waiting.Pauses);
        Assert.Equal((PauseKind.FinancialObligation, "Lệ phí 50.000 đồng", (DateTimeOffset?)null), (pause.Kind, pause.Reason, pause.EndedAt));

        // Long past the promise while the citizen has not paid: the one definition of late (as SQL) leaves it out.
        f.Clock.Advance(TimeSpan.FromDays(14));
        var now = f.Clock.GetUtcNow();
        Assert.True(waiting.DueAt < now);
        await using (var db = f.Db.Factory.CreateDbContext())
            Assert.False(await db.Applications.Where(a => a.Id == id).AnyAsync(Lateness.IsLateNow(now), Ct));

        Assert.True((await f.Actions.ApplyAsync(id, waiting.Version, ApplicationAction.FulfilFinancialObligation, new ActionInput(), clerk, Ct)).Succeeded);
        var paid = (await f.Queries.DetailAsync(id, Ct))!;
        Assert.Equal(ApplicationStatus.InProcessing, paid.Status);
        Assert.Equal(now, Assert.Single(paid.Pauses).EndedAt);
        var calendar = await f.Calendar.GetAsync(Ct);
        var stood = DueDateRules.PausedWorkingTime([(pause.StartedAt, now)], now, calendar, f.Calendar.Hours);
        Assert.Equal(WorkingTime.Add(waiting.DueAt!.Value, stood, calendar, f.Calendar.Hours), paid.DueAt);
        await using (var db = f.Db.Factory.CreateDbContext())
            Assert.False(await db.Applications.Where(a => a.Id == id).AnyAsync(Lateness.IsLateNow(now), Ct));
    }

    [Fact]
    public async Task An_application_waiting_for_fees_stored_before_fee_pauses_were_kept_gets_its_pause_back_from_its_step_when_paid()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var (id, processing) = await ProcessingAnHourAsync(f, clerk);
        var began = f.Clock.GetUtcNow();
        Assert.True((await f.Actions.ApplyAsync(id, processing.Version, ApplicationAction.AwaitFinancialObligation,
            new ActionInput(Note: "Lệ phí 50.000 đồng"), clerk, Ct)).Succeeded);
        // As the upgrade found it: waiting for fees, with the step that began the wait but no stored pause.
        await using (var db = f.Db.Factory.CreateDbContext())
            Assert.Equal(1, await db.Set<ClockPause>().Where(p => EF.Property<long>(p, "ApplicationId") == id).ExecuteDeleteAsync(Ct));
        var waiting = (await f.Queries.DetailAsync(id, Ct))!;
        Assert.Empty(waiting.Pauses);
        f.Clock.Advance(TimeSpan.FromDays(7));
        var now = f.Clock.GetUtcNow();

        Assert.True((await f.Actions.ApplyAsync(id, waiting.Version, ApplicationAction.FulfilFinancialObligation, new ActionInput(), clerk, Ct)).Succeeded);

        var paid = (await f.Queries.DetailAsync(id, Ct))!;
        var pause = Assert.Single(paid.Pauses);
        Assert.Equal((PauseKind.FinancialObligation, "Lệ phí 50.000 đồng", began, (DateTimeOffset?)now), (pause.Kind, pause.Reason, pause.StartedAt, pause.EndedAt));
        Assert.Equal(ApplicationStatus.InProcessing, paid.Status);
        var calendar = await f.Calendar.GetAsync(Ct);
        var stood = DueDateRules.PausedWorkingTime([(began, now)], now, calendar, f.Calendar.Hours);
        Assert.True(stood > TimeSpan.Zero);
        Assert.Equal(WorkingTime.Add(waiting.DueAt!.Value, stood, calendar, f.Calendar.Hours), paid.DueAt);
    }

    /// <summary>A multi-day application received and in processing, the clock an hour later.</summary>
    private static async Task<(long Id, ApplicationDetail Processing)> ProcessingAnHourAsync(ApplicationFixture f, Actor clerk)
    {
        var id = await ReceiveMultiDayAsync(f, clerk);
        var received = (await f.Queries.DetailAsync(id, Ct))!;
        Assert.True((await f.Actions.ApplyAsync(id, received.Version, ApplicationAction.StartProcessing, new ActionInput(), clerk, Ct)).Succeeded);
        var processing = (await f.Queries.DetailAsync(id, Ct))!;
        f.Clock.Advance(TimeSpan.FromHours(1));
        return (id, processing);
    }

    /// <summary>The demo clerk receives an application for a procedure of three working days or more.</summary>
    private static async Task<long> ReceiveMultiDayAsync(ApplicationFixture f, Actor clerk)
    {
        var request = await f.ValidRequestAsync(Ct);
        await using (var db = f.Db.Factory.CreateDbContext())
        {
            var multiDay = await db.Procedures.FirstAsync(p => p.ProcessingUnit == ProcessingUnit.WorkingDays && p.ProcessingValue >= 3, Ct);
            request = request with { ProcedureId = multiDay.Id, Documents = [new DocumentTick(multiDay.RequiredDocuments[0], true, 2)] };
        }
        return (await f.Reception.ReceiveAsync(request, clerk, Ct)).ApplicationId!.Value;
    }
}
