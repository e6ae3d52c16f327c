using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Privacy;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Applications;
using HanoiWorkbench.Data.Audit;
using HanoiWorkbench.Data.Privacy;
using HanoiWorkbench.Data.Tests.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace HanoiWorkbench.Data.Tests.Privacy;

/// <summary>
/// Issue 14, point 4: after the configured retention period a closed application's applicant is anonymised by a run that is
/// audited under a named system actor and idempotent; open applications and recently closed ones keep their data.
/// </summary>
public sealed class AnonymisingAfterTheRetentionPeriod
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RetentionRun Run(ApplicationFixture f, int months) => new(f.Db.Factory, f.Clock,
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Privacy:RetentionMonths"] = months.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Build());

    private static async Task<long> ReceivedAsync(ApplicationFixture f, Actor clerk, ApplicationAction? closeWith)
    {
        var saved = await f.Reception.ReceiveAsync(await f.ValidRequestAsync(Ct), clerk, Ct);
        var id = saved.ApplicationId!.Value;
        if (closeWith is { } action)
        {
            var version = (await f.Queries.DetailAsync(id, Ct))!.Version;
            var done = await f.Actions.ApplyAsync(id, version, action, new ActionInput(Reason: "Công dân đề nghị", Note: "Công dân đề nghị"), clerk, Ct);
            Assert.Equal(ActionOutcome.Done, done.Outcome);
        }
        return id;
    }

    private static async Task<Application> ReadAsync(ApplicationFixture f, long id)
    {
        await using var db = f.Db.Factory.CreateDbContext();
        return await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id, Ct);
    }

    [Fact]
    public async Task Closed_applications_past_the_period_lose_their_personal_data_and_the_rest_keep_it()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var oldClosed = await ReceivedAsync(f, clerk, ApplicationAction.Withdraw);
        var oldOpen = await ReceivedAsync(f, clerk, closeWith: null);
        f.Clock.Advance(TimeSpan.FromDays(200));
        var recentClosed = await ReceivedAsync(f, clerk, ApplicationAction.Withdraw);
        f.Clock.Advance(TimeSpan.FromDays(30));

        var outcome = await Run(f, 6).RunAsync(Ct);

        Assert.Equal(1, outcome.Anonymised);
        var anonymised = await ReadAsync(f, oldClosed);
        Assert.Equal(Application.AnonymisedName, anonymised.Applicant.FullName);
        Assert.Equal(("", "", ""), (anonymised.Applicant.CitizenId, anonymised.Applicant.Phone, anonymised.Applicant.Address));
        Assert.Equal(f.Clock.GetUtcNow(), anonymised.AnonymisedAt);
        Assert.NotEmpty(anonymised.Code);
        foreach (var kept in new[] { oldOpen, recentClosed })
        {
            var a = await ReadAsync(f, kept);
            Assert.Equal(("Nguyễn Thị Mai", "001190012345", "0912345678"), (a.Applicant.FullName, a.Applicant.CitizenId, a.Applicant.Phone));
            Assert.Null(a.AnonymisedAt);
        }
    }

    [Fact]
    public async Task The_run_is_audited_under_the_system_actor_and_a_second_run_changes_nothing()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var id = await ReceivedAsync(f, clerk, ApplicationAction.Withdraw);
        f.Clock.Advance(TimeSpan.FromDays(400));
        var run = Run(f, 12);

        var first = await run.RunAsync(Ct);
        var afterFirst = await ReadAsync(f, id);
        f.Clock.Advance(TimeSpan.FromDays(1));
        var second = await run.RunAsync(Ct);

        Assert.Equal((1, 0), (first.Anonymised, second.Anonymised));
        var again = await ReadAsync(f, id);
        Assert.Equal((afterFirst.AnonymisedAt, afterFirst.Version), (again.AnonymisedAt, again.Version));
        await using var db = f.Db.Factory.CreateDbContext();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.UserName == RetentionRun.SystemActor).OrderBy(e => e.Sequence).ToListAsync(Ct);
        var change = Assert.Single(entries, e => e.EntityType == nameof(Application) && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("AnonymisedAt", change.After, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Thị Mai", change.Before + change.After, StringComparison.Ordinal);
        Assert.DoesNotContain("001190012345", change.Before + change.After, StringComparison.Ordinal);
        var runs = entries.Where(e => e.Action == RetentionRun.RunAction).ToList();
        Assert.Equal(2, runs.Count);
        Assert.Contains("ẩn danh 1 hồ sơ", runs[0].Details, StringComparison.Ordinal);
        Assert.Contains("ẩn danh 0 hồ sơ", runs[1].Details, StringComparison.Ordinal);
        Assert.True((await new AuditLog(f.Db.Factory, f.Clock).VerifyAsync(Ct)).Holds);
    }

    [Fact]
    public async Task A_refused_online_submission_loses_the_portals_idempotency_record_too()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var submitted = await f.SubmitOnlineAsync(Ct);
        await using (var db = f.Db.Factory.CreateDbContext())
        {
            var app = await db.Applications.SingleAsync(a => a.Id == submitted.ApplicationId, Ct);
            app.Refuse(clerk.StaffId, clerk.BranchId, f.Clock.GetUtcNow(), "Sai thẩm quyền"); // the clerk's check refuses to receive it
            await db.SaveChangesAsync(Ct);
            Assert.Equal(1, await db.IntakeRequests.CountAsync(r => r.ApplicationId == submitted.ApplicationId, Ct));
        }
        f.Clock.Advance(TimeSpan.FromDays(40));

        Assert.Equal(1, (await Run(f, 1).RunAsync(Ct)).Anonymised);

        await using var after = f.Db.Factory.CreateDbContext();
        Assert.Equal(0, await after.IntakeRequests.CountAsync(r => r.ApplicationId == submitted.ApplicationId, Ct));
        Assert.Equal(Application.AnonymisedName, (await ReadAsync(f, submitted.ApplicationId)).Applicant.FullName);
    }

    [Fact]
    public async Task An_anonymised_application_is_revealed_to_nobody()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var id = await ReceivedAsync(f, clerk, ApplicationAction.Withdraw);
        f.Clock.Advance(TimeSpan.FromDays(40));
        await Run(f, 1).RunAsync(Ct);

        var refused = await Assert.ThrowsAsync<DomainException>(() => new PersonalDataAccess(f.Db.Factory, f.Clock).RevealAsync(id, clerk.StaffId, PersonalField.CitizenId, Ct));
        Assert.Contains("ẩn danh", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guidance_and_refusals_given_at_the_counter_lose_their_personal_data_after_the_period_and_keep_what_was_decided()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var old = await f.Decisions.IssueAsync(await DecidingAtTheCounterWithoutReceiving.DecisionAsync(f, Core.Reception.ReceptionDecisionKind.Refusal), clerk, Ct);
        f.Clock.Advance(TimeSpan.FromDays(200));
        var recent = await f.Decisions.IssueAsync(await DecidingAtTheCounterWithoutReceiving.DecisionAsync(f, Core.Reception.ReceptionDecisionKind.Guidance), clerk, Ct);
        f.Clock.Advance(TimeSpan.FromDays(30));

        var first = await Run(f, 6).RunAsync(Ct);
        var second = await Run(f, 6).RunAsync(Ct);

        Assert.Equal((1, 0), (first.Decisions, second.Decisions));
        var gone = (await f.Decisions.DetailAsync(old.DecisionId!.Value, Ct))!;
        Assert.Equal((Application.AnonymisedName, ""), (gone.FullName, gone.CitizenId));
        Assert.Equal((Core.Reception.ReceptionDecisionKind.Refusal, "Yêu cầu không thuộc thẩm quyền giải quyết"), (gone.Kind, gone.Reason));
        var kept = (await f.Decisions.DetailAsync(recent.DecisionId!.Value, Ct))!;
        Assert.Equal(("Nguyễn Thị Mai", "001190012345"), (kept.FullName, kept.CitizenId));
        await using var db = f.Db.Factory.CreateDbContext();
        var raw = await db.ReceptionDecisions.AsNoTracking().SingleAsync(d => d.Id == old.DecisionId, Ct);
        Assert.Equal((null, null), (raw.Phone, raw.Address));
        var runs = await db.AuditEntries.AsNoTracking().Where(e => e.Action == RetentionRun.RunAction).OrderBy(e => e.Sequence).Select(e => e.Details).ToListAsync(Ct);
        Assert.Contains("và 1 phiếu hướng dẫn/từ chối tiếp nhận", runs[0], StringComparison.Ordinal);
        Assert.Contains("và 0 phiếu hướng dẫn/từ chối tiếp nhận", runs[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_period_outside_the_bounds_is_refused_before_anything_changes()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        await Assert.ThrowsAsync<DomainException>(() => Run(f, 0).RunAsync(Ct));
    }
}
