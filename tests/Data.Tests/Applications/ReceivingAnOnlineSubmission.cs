using HanoiWorkbench.Core.Reception;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Pool;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Applications;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Applications;

/// <summary>An online submission waits in the pool until a clerk checks it, then is received exactly as at the counter.</summary>
public sealed class ReceivingAnOnlineSubmission
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<DocumentTick> AllTicked(SubmissionCheck check) =>
        check.Procedure.RequiredDocuments.Select(d => new DocumentTick(d, true, 1)).ToList();

    [Fact]
    public async Task A_clerk_takes_a_submission_from_the_list_ticks_the_documents_and_receives_it_with_its_code_and_a_clock_from_now()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var submitted = await f.SubmitOnlineAsync(Ct);
        var waiting = await f.Waiting.WaitingAsync(clerk, Ct);
        var listed = Assert.Single(waiting.ForBranch.Concat(waiting.Elsewhere), w => w.ApplicationId == submitted.ApplicationId);
        Assert.Equal((submitted.WorkItemId, submitted.Code, submitted.SubmittedAt), (listed.WorkItemId, listed.Code, listed.SubmittedAt));

        var id = await f.Waiting.TakeAsync(listed.WorkItemId, clerk, Ct);
        var held = Assert.Single((await f.Waiting.WaitingAsync(clerk, Ct)).ForBranch, w => w.ApplicationId == id);
        Assert.True(held.HeldByMe);
        var detail = (await f.Queries.DetailAsync(id, Ct))!;
        Assert.True(AccessRules.CanSeeApplication(StaffRole.Clerk, clerk.BranchId, detail.ReceivingBranchId, detail.HandlingBranchId));
        Assert.Contains(ApplicationAction.Receive, detail.AllowedActions);

        f.Clock.Advance(TimeSpan.FromMinutes(40)); // checked at 09:40, 40 minutes after it was submitted
        var check = Assert.IsType<SubmissionCheck>(await f.Submissions.CheckAsync(id, Ct));
        var result = await f.Submissions.ReceiveAsync(id, check.Version, AllTicked(check), Guid.NewGuid(), clerk, Ct);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        Assert.False(result.Replayed);
        Assert.Equal(submitted.Code, result.Code);
        await using var db = f.Db.Factory.CreateDbContext();
        var app = await db.Applications.Include(a => a.Steps).SingleAsync(a => a.Id == id, Ct);
        Assert.Equal(ApplicationStatus.Received, app.Status);
        Assert.Equal(f.Clock.GetUtcNow(), app.ReceivedAt);
        Assert.Equal(check.DueIfReceivedNow, app.DueAt);
        Assert.Equal((clerk.BranchId, clerk.BranchId, (int?)clerk.StaffId), (app.ReceivingBranchId, app.HandlingBranchId, app.ReceivedByStaffId));
        var step = app.Steps.OrderBy(s => s.Id).Last();
        Assert.Equal((ApplicationAction.Receive, (int?)clerk.StaffId, clerk.BranchId), (step.Action!.Value, step.StaffId, step.BranchId));
        var items = await db.WorkItems.AsNoTracking().Where(w => w.ApplicationId == id).OrderBy(w => w.Id).Select(w => new { w.Kind, w.State }).ToListAsync(Ct);
        Assert.Equal([new { Kind = WorkKind.CheckSubmission, State = WorkItemState.Done }, new { Kind = WorkKind.Process, State = WorkItemState.Open }], items);
        var after = await f.Waiting.WaitingAsync(clerk, Ct);
        Assert.DoesNotContain(after.ForBranch.Concat(after.Elsewhere), w => w.ApplicationId == id);
        Assert.Null(await f.Submissions.CheckAsync(id, Ct));
    }

    [Fact]
    public async Task Submissions_wait_oldest_first_those_of_the_clerks_branch_apart_from_the_rest_of_the_pool()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await f.SubmitOnlineAsync(Ct)).ApplicationId);
            f.Clock.Advance(TimeSpan.FromMinutes(5));
        }
        var ownItem = await f.Waiting.WaitingAsync(clerk, Ct);
        var all = ownItem.ForBranch.Concat(ownItem.Elsewhere).ToList();
        Assert.Equal(ids, all.Where(w => ids.Contains(w.ApplicationId)).OrderBy(w => w.SubmittedAt).Select(w => w.ApplicationId));
        Assert.All(ownItem.ForBranch, w => Assert.Equal(clerk.BranchId, w.QueuedBranchId));
        Assert.All(ownItem.Elsewhere, w => Assert.NotEqual(clerk.BranchId, w.QueuedBranchId));
        Assert.Equal(ownItem.Elsewhere.OrderBy(w => w.SubmittedAt).Select(w => w.WorkItemId), ownItem.Elsewhere.Select(w => w.WorkItemId));
        Assert.Equal(ownItem.Elsewhere.Count, ownItem.ElsewhereTotal);

        // Taken by the clerk: it leaves the others' lists while the clerk holds it.
        var taken = all.First(w => w.ApplicationId == ids[1]);
        await f.Waiting.TakeAsync(taken.WorkItemId, clerk, Ct);
        var colleague = clerk with { StaffId = await OtherClerkAsync(f, clerk) };
        var theirs = await f.Waiting.WaitingAsync(colleague, Ct);
        Assert.DoesNotContain(theirs.ForBranch.Concat(theirs.Elsewhere), w => w.WorkItemId == taken.WorkItemId);
        var refused = await Assert.ThrowsAsync<DomainException>(() => f.Waiting.TakeAsync(taken.WorkItemId, colleague, Ct));
        Assert.Equal("Hồ sơ đang được cán bộ khác kiểm tra.", refused.Message);
    }

    [Fact]
    public async Task A_check_without_a_ticked_document_or_on_a_stale_view_receives_nothing()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var submitted = await f.SubmitOnlineAsync(Ct);
        var id = await f.Waiting.TakeAsync(submitted.WorkItemId, clerk, Ct);
        var check = (await f.Submissions.CheckAsync(id, Ct))!;

        var none = await f.Submissions.ReceiveAsync(id, check.Version, AllTicked(check).Select(d => d with { Ticked = false }).ToList(), Guid.NewGuid(), clerk, Ct);
        var stale = await f.Submissions.ReceiveAsync(id, check.Version - 1, AllTicked(check), Guid.NewGuid(), clerk, Ct);

        Assert.Equal("Đánh dấu ít nhất một giấy tờ đã nhận.", Assert.Contains(ReceptionFields.Documents, none.Errors));
        Assert.Equal(ActionResult.ConflictMessage, Assert.Contains(ReceptionFields.Application, stale.Errors));
        var detail = (await f.Queries.DetailAsync(id, Ct))!;
        Assert.Equal((ApplicationStatus.Submitted, (DateTimeOffset?)null, check.Version), (detail.Status, detail.ReceivedAt, detail.Version));
    }

    [Fact]
    public async Task Asking_for_completion_or_refusing_a_submission_starts_no_clock_and_ends_its_check()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var first = await f.Waiting.TakeAsync((await f.SubmitOnlineAsync(Ct)).WorkItemId, clerk, Ct);
        var second = await f.Waiting.TakeAsync((await f.SubmitOnlineAsync(Ct)).WorkItemId, clerk, Ct);

        var asked = await f.Actions.ApplyAsync(first, (await f.Queries.DetailAsync(first, Ct))!.Version, ApplicationAction.RequestSupplement,
            new ActionInput(Reason: "Ảnh chụp không rõ", WhatIsMissing: "Giấy chứng sinh bản chính"), clerk, Ct);
        var refused = await f.Actions.ApplyAsync(second, (await f.Queries.DetailAsync(second, Ct))!.Version, ApplicationAction.Refuse,
            new ActionInput(Reason: "Người nộp không phải cha, mẹ hoặc người giám hộ"), clerk, Ct);

        Assert.True(asked.Succeeded && refused.Succeeded);
        foreach (var (id, status) in new[] { (first, ApplicationStatus.SupplementRequested), (second, ApplicationStatus.Refused) })
        {
            var d = (await f.Queries.DetailAsync(id, Ct))!;
            Assert.Equal((status, (DateTimeOffset?)null, (DateTimeOffset?)null), (d.Status, d.ReceivedAt, d.DueAt));
        }
        var waiting = await f.Waiting.WaitingAsync(clerk, Ct);
        Assert.DoesNotContain(waiting.ForBranch.Concat(waiting.Elsewhere), w => w.ApplicationId == first || w.ApplicationId == second);
    }

    private static async Task<int> OtherClerkAsync(ApplicationFixture f, Actor clerk)
    {
        await using var db = f.Db.Factory.CreateDbContext();
        return await db.Staff.Where(s => s.Id != clerk.StaffId && s.Role == StaffRole.Clerk && s.IsActive).Select(s => s.Id).FirstAsync(Ct);
    }
}
