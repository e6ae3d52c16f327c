using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Reception;
using HanoiWorkbench.Data.Applications;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Applications;

/// <summary>
/// Guidance (Form 2) and refusal (Form 3) from the reception form receive nothing: no application, no code, no daily number,
/// no pool item, no tracking-book line, nothing counted as received; the decision is recorded and counted apart, once per form.
/// </summary>
public sealed class DecidingAtTheCounterWithoutReceiving
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Applications, int Sequences, int WorkItems, int Steps, int Decisions)> CountsAsync(ApplicationFixture f)
    {
        await using var db = f.Db.Factory.CreateDbContext();
        return (await db.Applications.CountAsync(Ct), await db.DailySequences.CountAsync(Ct), await db.WorkItems.CountAsync(Ct),
            await db.ApplicationSteps.CountAsync(Ct), await db.ReceptionDecisions.CountAsync(Ct));
    }

    internal static async Task<ReceptionDecisionRequest> DecisionAsync(ApplicationFixture f, ReceptionDecisionKind kind)
    {
        var form = await f.ValidRequestAsync(Ct);
        // The citizen brought only the first document.
        form = form with { Documents = form.Documents.Select((d, i) => d with { Ticked = i == 0 }).ToList() };
        var missing = form.Documents.Where(d => !d.Ticked).Select(d => d.Name).ToList();
        return ReceptionDecisionRequest.From(form, kind, missing,
            kind == ReceptionDecisionKind.Guidance ? "Thành phần bắt buộc của thủ tục" : "Yêu cầu không thuộc thẩm quyền giải quyết", Guid.NewGuid());
    }

    [Theory]
    [InlineData(ReceptionDecisionKind.Guidance)]
    [InlineData(ReceptionDecisionKind.Refusal)]
    public async Task A_decision_is_recorded_with_who_when_where_and_why_and_nothing_is_received(ReceptionDecisionKind kind)
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var before = await CountsAsync(f);
        var request = await DecisionAsync(f, kind);

        var result = await f.Decisions.IssueAsync(request, clerk, Ct);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        Assert.Equal(before with { Decisions = before.Decisions + 1 }, await CountsAsync(f));
        Assert.Empty(f.Events.Published);
        var d = await f.Decisions.DetailAsync(result.DecisionId!.Value, Ct);
        Assert.NotNull(d);
        Assert.Equal((kind, clerk.BranchId, "Nguyễn Thị Mai", "001190012345", "Đăng ký khai sinh", ApplicationFixture.Monday9),
            (d.Kind, d.BranchId, d.FullName, d.CitizenId, d.ProcedureName, d.At.ToOffset(TimeSpan.FromHours(7))));
        Assert.Equal(request.Missing, d.Missing);
        Assert.Equal(request.Reason, d.Reason);

        var counts = await f.Decisions.TodayAsync(clerk.BranchId, Ct);
        Assert.Equal(new ReceptionCounts(0, kind == ReceptionDecisionKind.Guidance ? 1 : 0, kind == ReceptionDecisionKind.Refusal ? 1 : 0), counts);
    }

    [Fact]
    public async Task The_counts_keep_receptions_guidance_and_refusals_apart_by_branch_and_day()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        Assert.True((await f.Reception.ReceiveAsync(await f.ValidRequestAsync(Ct) with { Token = Guid.NewGuid() }, clerk, Ct)).Succeeded);
        foreach (var kind in new[] { ReceptionDecisionKind.Guidance, ReceptionDecisionKind.Guidance, ReceptionDecisionKind.Refusal })
            Assert.True((await f.Decisions.IssueAsync(await DecisionAsync(f, kind), clerk, Ct)).Succeeded);

        Assert.Equal(new ReceptionCounts(1, 2, 1), await f.Decisions.TodayAsync(clerk.BranchId, Ct));
        Assert.Equal(new ReceptionCounts(0, 0, 0), await f.Decisions.TodayAsync(clerk.BranchId + 1, Ct));
        f.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new ReceptionCounts(0, 0, 0), await f.Decisions.TodayAsync(clerk.BranchId, Ct));
    }

    [Fact]
    public async Task The_second_submission_of_one_decision_form_returns_the_first_and_records_nothing_more()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var request = await DecisionAsync(f, ReceptionDecisionKind.Refusal);

        var first = await f.Decisions.IssueAsync(request, clerk, Ct);
        var second = await f.Decisions.IssueAsync(request, clerk, Ct);

        Assert.Equal((first.DecisionId, false, true), (second.DecisionId, first.Replayed, second.Replayed));
        Assert.Equal(1, (await CountsAsync(f)).Decisions);
        var next = await f.Decisions.IssueAsync(request with { Token = Guid.NewGuid() }, clerk, Ct);
        Assert.NotEqual(first.DecisionId, next.DecisionId);
    }

    [Fact]
    public async Task Two_submissions_of_one_decision_form_arriving_together_record_exactly_one()
    {
        var together = new Rendezvous(2, Rendezvous.Point.FirstTransaction);
        await using var f = await ApplicationFixture.CreateAsync(together);
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var request = await DecisionAsync(f, ReceptionDecisionKind.Guidance);

        var results = await Together.RunAsync(2, _ =>
        {
            together.Join();
            return f.Decisions.IssueAsync(request, clerk, Ct);
        });

        Assert.True(together.Met, "the two submissions were at their write at the same time");
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Single(results.Select(r => r.DecisionId).Distinct());
        Assert.Single(results, r => r.Replayed);
        Assert.Equal(1, (await CountsAsync(f)).Decisions);
    }

    [Fact]
    public async Task A_decision_with_a_field_wrong_is_refused_by_field_and_nothing_is_saved()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var before = await CountsAsync(f);
        var request = await DecisionAsync(f, ReceptionDecisionKind.Guidance) with { Missing = [], Reason = "" };

        var result = await f.Decisions.IssueAsync(request, clerk, Ct);

        Assert.False(result.Succeeded);
        Assert.Equal([ReceptionDecisionFields.Missing, ReceptionDecisionFields.Reason], result.Errors.Keys.Order());
        Assert.Equal(before, await CountsAsync(f));
    }

    [Fact]
    public async Task A_second_supplement_request_through_the_service_needs_its_reason_and_saves_nothing_without_it()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var id = (await f.Reception.ReceiveAsync(await f.ValidRequestAsync(Ct), clerk, Ct)).ApplicationId!.Value;
        async Task<int> VersionAsync() => (await f.Queries.DetailAsync(id, Ct))!.Version;
        Assert.True((await f.Actions.ApplyAsync(id, await VersionAsync(), Core.Rules.ApplicationAction.RequestSupplement,
            new ActionInput(WhatIsMissing: "Giấy chứng sinh", Reason: "Bản chụp không rõ"), clerk, Ct)).Succeeded);
        Assert.True((await f.Actions.ApplyAsync(id, await VersionAsync(), Core.Rules.ApplicationAction.ReceiveSupplement, new ActionInput(), clerk, Ct)).Succeeded);
        var version = await VersionAsync();

        var refused = await f.Actions.ApplyAsync(id, version, Core.Rules.ApplicationAction.RequestSupplement,
            new ActionInput(WhatIsMissing: "Tờ khai", Reason: "Thiếu chữ ký"), clerk, Ct);

        Assert.Equal((ActionOutcome.Refused, Core.Rules.ActionInputs.RepeatSupplementMissing), (refused.Outcome, refused.Message));
        var unchanged = await f.Queries.DetailAsync(id, Ct);
        Assert.Equal((version, 1), (unchanged!.Version, unchanged.Pauses.Count));

        var done = await f.Actions.ApplyAsync(id, version, Core.Rules.ApplicationAction.RequestSupplement,
            new ActionInput(WhatIsMissing: "Tờ khai", Reason: "Thiếu chữ ký", RepeatReason: "Tờ khai mới nộp chưa ký"), clerk, Ct);
        Assert.True(done.Succeeded, done.Message);
        Assert.Equal("Tờ khai mới nộp chưa ký", (await f.Queries.DetailAsync(id, Ct))!.Pauses[^1].RepeatReason);
    }
}
