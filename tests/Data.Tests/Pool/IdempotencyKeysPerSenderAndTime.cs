using HanoiWorkbench.Data.Pool;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Pool;

/// <summary>An idempotency key belongs to the sender that sent it, and is remembered for <c>Intake:IdempotencyKeyHours</c>.</summary>
public sealed class IdempotencyKeysPerSenderAndTime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Portal = OnlineIntake.SenderOf("portal-key-1");
    private static readonly string Post = OnlineIntake.SenderOf("vnpost-key-2");

    [Fact]
    public async Task Two_senders_using_the_same_key_each_get_their_own_application()
    {
        await using var h = await PoolHarness.CreateAsync();
        var fromPortal = await h.Intake.SubmitAsync(Portal, IntakeUnderLoad.Submission(1), "1", Ct);
        var fromPost = await h.Intake.SubmitAsync(Post, IntakeUnderLoad.Submission(2), "1", Ct);

        Assert.Equal(IntakeOutcome.Created, fromPortal.Outcome);
        Assert.Equal(IntakeOutcome.Created, fromPost.Outcome); // not a 409: the key is the other sender's
        Assert.NotEqual(fromPortal.Accepted!.ApplicationId, fromPost.Accepted!.ApplicationId);

        // Each sender's own resubmission still finds its own first application.
        var again = await h.Intake.SubmitAsync(Post, IntakeUnderLoad.Submission(2), "1", Ct);
        Assert.Equal(IntakeOutcome.Replayed, again.Outcome);
        Assert.Equal(fromPost.Accepted.ApplicationId, again.Accepted!.ApplicationId);
        var conflict = await h.Intake.SubmitAsync(Portal, IntakeUnderLoad.Submission(2), "1", Ct);
        Assert.Equal(IntakeOutcome.KeyConflict, conflict.Outcome);

        await using var db = await h.DbAsync();
        Assert.Equal(2, await db.Applications.CountAsync(Ct));
        Assert.Equal([Portal, Post], (await db.IntakeRequests.Select(r => r.Sender).ToListAsync(Ct)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_key_is_remembered_within_its_lifetime_and_is_a_new_request_after_it()
    {
        await using var h = await PoolHarness.CreateAsync(queue: new IntakeQueueOptions { IdempotencyKeyHours = 2 });
        var first = await h.Intake.SubmitAsync(Portal, IntakeUnderLoad.Submission(1), "k", Ct);

        h.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        var within = await h.Intake.SubmitAsync(Portal, IntakeUnderLoad.Submission(1), "k", Ct);
        Assert.Equal(IntakeOutcome.Replayed, within.Outcome);
        Assert.Equal(first.Accepted!.ApplicationId, within.Accepted!.ApplicationId);

        h.Clock.Advance(TimeSpan.FromSeconds(2));
        var after = await h.Intake.SubmitAsync(Portal, IntakeUnderLoad.Submission(3), "k", Ct);
        Assert.Equal(IntakeOutcome.Created, after.Outcome); // another body, yet no 409: the old key has expired
        Assert.NotEqual(first.Accepted.ApplicationId, after.Accepted!.ApplicationId);

        await using var db = await h.DbAsync();
        var kept = await db.IntakeRequests.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(after.Accepted.ApplicationId, kept.ApplicationId); // the expired row was deleted, not left beside it
        Assert.Equal(2, await db.Applications.CountAsync(Ct));
    }

    [Fact]
    public async Task Expired_keys_of_every_sender_are_deleted_when_the_writer_next_stores()
    {
        await using var h = await PoolHarness.CreateAsync(queue: new IntakeQueueOptions { IdempotencyKeyHours = 1 });
        await h.Intake.SubmitAsync(Portal, IntakeUnderLoad.Submission(1), "a", Ct);
        await h.Intake.SubmitAsync(Post, IntakeUnderLoad.Submission(2), "b", Ct);
        h.Clock.Advance(TimeSpan.FromMinutes(61));
        await h.Intake.SubmitAsync(Portal, IntakeUnderLoad.Submission(3), "c", Ct);

        await using var db = await h.DbAsync();
        Assert.Equal(["c"], await db.IntakeRequests.Select(r => r.IdempotencyKey).ToListAsync(Ct));
        Assert.Equal(3, await db.Applications.CountAsync(Ct)); // the applications stay: only the keys are forgotten
    }

    [Theory]
    [InlineData(24, 24 * 60)]
    [InlineData(0.5, 30)]
    [InlineData(0, 1)]       // zero would forget every key at once: at least a minute
    [InlineData(-5, 1)]
    [InlineData(double.NaN, 24 * 60)]
    public void The_configured_lifetime_is_kept_within_sense(double hours, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), new IntakeQueueOptions { IdempotencyKeyHours = hours }.KeyLifetime);
    }

    [Fact]
    public void A_sender_is_named_by_a_digest_of_its_key_never_the_key()
    {
        Assert.DoesNotContain("portal-key-1", Portal, StringComparison.Ordinal);
        Assert.Equal(Portal, OnlineIntake.SenderOf("portal-key-1"));
        Assert.NotEqual(Portal, Post);
        Assert.True(Portal.Length <= IntakeRequest.SenderMaxLength);
    }
}
