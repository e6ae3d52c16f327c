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
        var request = await f.ValidRequestAsync(Ct);
        await using (var db = f.Db.Factory.CreateDbContext())
        {
            var multiDay = await db.Procedures.FirstAsync(p => p.ProcessingUnit == ProcessingUnit.WorkingDays && p.ProcessingValue >= 3, Ct);
            request = request with { ProcedureId = multiDay.Id, Documents = [new DocumentTick(multiDay.RequiredDocuments[0], true, 2)] };
        }
        var id = (await f.Reception.ReceiveAsync(request, clerk, Ct)).ApplicationId!.Value;
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
}
