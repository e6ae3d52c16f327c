using System.Data.Common;
using HanoiWorkbench.Data.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HanoiWorkbench.Data.Tests.Pool;

/// <summary>The intake writer under database faults (injected by <see cref="DatabaseFaults"/>): nothing blocks the rest, nothing leaks into logs.</summary>
public sealed class IntakeSurvivesFaults
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static bool IsInsert(DbCommand c) => c.CommandText.Contains("INSERT", StringComparison.OrdinalIgnoreCase);

    private static string CitizenId(int i) => IntakeUnderLoad.Submission(i).Applicant!.CitizenId!;

    private static bool Names(DbCommand c, string value) => c.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, value));

    /// <summary>Completes once <paramref name="count"/> more submissions have joined the writer's queue.</summary>
    private static Task QueuedAsync(OnlineIntake intake, int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = 0;
        intake.SubmissionQueued += (_, _) => { if (Interlocked.Increment(ref seen) == count) done.TrySetResult(); };
        return done.Task;
    }

    private static void AssertNoPersonalData(RecordingLogger<OnlineIntake> log)
    {
        var one = IntakeUnderLoad.Submission(0).Applicant!;
        lock (log.Lines)
            Assert.All(log.Lines, l =>
            {
                Assert.DoesNotContain(one.FullName!, l.Message, StringComparison.Ordinal);
                Assert.DoesNotContain("001099", l.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(one.Phone!, l.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public async Task One_submission_the_database_refuses_fails_alone_and_the_rest_of_its_batch_is_stored()
    {
        var faults = new DatabaseFaults();
        await using var h = await PoolHarness.CreateAsync(faults);
        var bad = CitizenId(5);
        faults.FailWhen = c => Names(c, bad) ? false : null;

        // The writer is held inside the first submission's batch while nine more queue up behind it, the bad one among them.
        var held = faults.HoldNext(IsInsert);
        var first = h.Intake.SubmitAsync(IntakeUnderLoad.Submission(0), "k0", Ct);
        await held;
        var queued = QueuedAsync(h.Intake, 9);
        var rest = Enumerable.Range(1, 9).Select(i => h.Intake.SubmitAsync(IntakeUnderLoad.Submission(i), $"k{i}", Ct)).ToList();
        await queued;
        faults.Release();
        var results = await Task.WhenAll(rest.Prepend(first));

        Assert.Equal(IntakeOutcome.Unavailable, results[5].Outcome);
        Assert.All(results.Where((_, i) => i != 5), r => Assert.Equal(IntakeOutcome.Created, r.Outcome));
        Assert.True(faults.Failed.Count >= 2, "the bad submission was tried in its batch, then alone");
        await using var db = await h.DbAsync();
        var ids = Enumerable.Range(0, 10).Select(CitizenId).ToList();
        var stored = await db.Applications.Where(a => ids.Contains(a.Applicant.CitizenId)).Select(a => a.Applicant.CitizenId).ToListAsync(Ct);
        Assert.Equal(ids.Where(i => i != bad).Order(), stored.Order());
        Assert.Contains(h.IntakeLog.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("refused", StringComparison.Ordinal));
        AssertNoPersonalData(h.IntakeLog);
    }

    [Fact]
    public async Task A_full_queue_refuses_at_once_and_stores_nothing_for_the_refused_submission()
    {
        var faults = new DatabaseFaults();
        await using var h = await PoolHarness.CreateAsync(faults, new IntakeQueueOptions { QueueCapacity = 2 });

        var held = faults.HoldNext(IsInsert);
        var first = h.Intake.SubmitAsync(IntakeUnderLoad.Submission(0), "k0", Ct);
        await held;
        var queued = QueuedAsync(h.Intake, 2);
        var waiting = Enumerable.Range(1, 2).Select(i => h.Intake.SubmitAsync(IntakeUnderLoad.Submission(i), $"k{i}", Ct)).ToList();
        await queued;

        var refused = await h.Intake.SubmitAsync(IntakeUnderLoad.Submission(3), "k3", Ct);

        Assert.Equal(IntakeOutcome.Busy, refused.Outcome);
        Assert.All(waiting, w => Assert.False(w.IsCompleted)); // the queue was full when it was refused
        faults.Release();
        Assert.All(await Task.WhenAll(waiting.Prepend(first)), r => Assert.Equal(IntakeOutcome.Created, r.Outcome));
        Assert.Equal(IntakeOutcome.Created, (await h.Intake.SubmitAsync(IntakeUnderLoad.Submission(3), "k3", Ct)).Outcome);
    }

    [Fact]
    public async Task When_the_database_is_unavailable_the_writer_answers_unavailable_backs_off_on_the_clock_and_goes_on()
    {
        var faults = new DatabaseFaults();
        await using var h = await PoolHarness.CreateAsync(faults);
        faults.FailWhen = c => IsInsert(c) ? true : null;

        var failed = await h.Intake.SubmitAsync(IntakeUnderLoad.Submission(0), "k0", Ct);

        Assert.Equal(IntakeOutcome.Unavailable, failed.Outcome);
        faults.FailWhen = null;
        var queued = QueuedAsync(h.Intake, 1);
        var next = h.Intake.SubmitAsync(IntakeUnderLoad.Submission(1), "k1", Ct);
        await queued;
        Assert.False(next.IsCompleted); // the writer waits out its back-off on the (fake) clock
        h.Clock.Advance(OnlineIntake.BackoffAfter(1));
        Assert.Equal(IntakeOutcome.Created, (await next).Outcome);
        Assert.Equal(IntakeOutcome.Created, (await h.Intake.SubmitAsync(IntakeUnderLoad.Submission(0), "k0", Ct)).Outcome);
        Assert.Contains(h.IntakeLog.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("unavailable", StringComparison.Ordinal));
        Assert.Contains(h.IntakeLog.Lines, l => l.Message.Contains("recovered", StringComparison.Ordinal));
        AssertNoPersonalData(h.IntakeLog);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(7, 64)]
    [InlineData(8, 100)]
    [InlineData(30, 100)]
    public void The_back_off_doubles_from_a_tenth_of_a_second_to_ten_seconds(int failures, int tenths)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(100 * tenths), OnlineIntake.BackoffAfter(failures));
    }

    [Fact]
    public async Task The_ten_thousandth_application_of_an_agency_in_a_day_gets_a_five_digit_sequence()
    {
        await using var h = await PoolHarness.CreateAsync();
        var day = Core.HanoiTime.DateOf(h.Clock.GetUtcNow());
        await using (var db = await h.DbAsync())
        {
            foreach (var agency in await db.Branches.Select(b => b.AgencyId).Distinct().ToListAsync(Ct))
                db.Add(new DailySequence(SequenceAllocator.ApplicationScope(agency), day, 9999));
            await db.SaveChangesAsync(Ct);
        }

        var accepted = (await h.Intake.SubmitAsync(IntakeUnderLoad.Submission(0), "k0", Ct)).Accepted!;

        Assert.EndsWith($"-{day:yyMMdd}-10000", accepted.Code, StringComparison.Ordinal);
        Assert.True(Core.Rules.ApplicationCode.TryParse(accepted.Code, out _, out _, out var sequence));
        Assert.Equal(10000, sequence);
    }
}
