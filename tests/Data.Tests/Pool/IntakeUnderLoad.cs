using System.Globalization;
using HanoiWorkbench.Data.Pool;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Pool;

/// <summary>Online intake stores submissions in batches (group commit); concurrency must not change what is stored.</summary>
public sealed class IntakeUnderLoad
{
    internal static IntakeSubmission Submission(int i) => new("1.001193", "003",
        new IntakeApplicant("Nguyễn Thị Hoa", "001099" + (100000 + i).ToString(CultureInfo.InvariantCulture), "0912345678", "12 Xuân Diệu, Tây Hồ"),
        [new IntakeDocument("Tờ khai đăng ký khai sinh", 1)]);

    [Fact]
    public async Task Sixty_submissions_at_once_become_sixty_applications_with_distinct_codes_and_one_check_item_each()
    {
        // The writer's first batch is held until all sixty are queued: the rest must then go in one group commit, not sixty.
        var writer = new HeldWriter();
        await using var h = await PoolHarness.CreateAsync(interceptor: writer);
        var queued = 0;
        h.Intake.SubmissionQueued += (_, _) =>
        {
            if (Interlocked.Increment(ref queued) == 60) writer.Release();
        };

        var results = await Together.RunAsync(60, i => h.Intake.SubmitAsync(Submission(i), $"key-{i}")).WaitAsync(HeldWriter.Patience * 2, TestContext.Current.CancellationToken);

        Assert.Equal(60, queued);
        // The held first batch (whatever had queued when the writer woke), then everything that queued behind it: at most two.
        Assert.InRange(writer.Committed, 1, 2);
        Assert.All(results, r => Assert.Equal(IntakeOutcome.Created, r.Outcome));
        Assert.Equal(60, results.Select(r => r.Accepted!.Code).Distinct().Count());
        await using var db = await h.DbAsync();
        Assert.Equal(60, await db.IntakeRequests.CountAsync(TestContext.Current.CancellationToken));
        var ids = results.Select(r => r.Accepted!.ApplicationId).ToList();
        Assert.Equal(60, await db.WorkItems.CountAsync(w => ids.Contains(w.ApplicationId), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_same_submission_sent_ten_times_at_once_is_stored_once_and_every_answer_names_it()
    {
        // The writer is held until all ten are queued: the ten meet in the writer, not one after another.
        var writer = new HeldWriter();
        await using var h = await PoolHarness.CreateAsync(interceptor: writer);
        var queued = 0;
        h.Intake.SubmissionQueued += (_, _) =>
        {
            if (Interlocked.Increment(ref queued) == 10) writer.Release();
        };

        var results = await Together.RunAsync(10, _ => h.Intake.SubmitAsync(Submission(7), "same-key")).WaitAsync(HeldWriter.Patience, TestContext.Current.CancellationToken);

        Assert.Equal(10, queued);

        Assert.Single(results.Select(r => r.Accepted!.ApplicationId).Distinct());
        Assert.Single(results, r => r.Outcome == IntakeOutcome.Created);
        await using var db = await h.DbAsync();
        Assert.Equal(1, await db.IntakeRequests.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.Applications.CountAsync(a => a.Applicant.CitizenId == "001099100007", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_used_key_with_another_body_is_a_conflict_even_when_that_body_is_invalid()
    {
        await using var h = await PoolHarness.CreateAsync();
        await h.Intake.SubmitAsync(Submission(1), "k", TestContext.Current.CancellationToken);

        var invalid = await h.Intake.SubmitAsync(Submission(1) with { ProcedureCode = "" }, "k", TestContext.Current.CancellationToken);
        var different = await h.Intake.SubmitAsync(Submission(2), "k", TestContext.Current.CancellationToken);

        Assert.Equal(IntakeOutcome.KeyConflict, invalid.Outcome);
        Assert.Equal(IntakeOutcome.KeyConflict, different.Outcome);
    }
}
