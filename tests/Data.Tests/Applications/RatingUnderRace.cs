using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Applications;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Applications;

public sealed class RatingUnderRace
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Twenty_simultaneous_ratings_of_one_application_store_one_and_refuse_the_rest()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var id = (await f.Reception.ReceiveAsync(await f.ValidRequestAsync(Ct), clerk, Ct)).ApplicationId!.Value;
        foreach (var action in new[] { ApplicationAction.StartProcessing, ApplicationAction.Complete, ApplicationAction.Return })
        {
            var v = (await f.Queries.DetailAsync(id, Ct))!.Version;
            Assert.True((await f.Actions.ApplyAsync(id, v, action, new ActionInput(Method: ReturnMethod.InPerson), clerk, Ct)).Succeeded);
        }

        // All twenty arrive at the gate before any of them rates: none can finish before the last has started, whatever
        // the machine's load (a start signal alone let the first rater finish before the others were scheduled).
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = 0;
        var startedWhenFirstFinished = -1;
        var raters = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            if (Interlocked.Increment(ref arrived) == 20) allArrived.SetResult();
            await allArrived.Task;
            var result = await f.Actions.RateAsync(id, RatingLevel.Satisfied, clerk, Ct);
            Interlocked.CompareExchange(ref startedWhenFirstFinished, Volatile.Read(ref arrived), -1);
            return result;
        })).ToArray();
        var results = await Task.WhenAll(raters);

        Assert.Equal(20, startedWhenFirstFinished);
        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ActionOutcome.Refused, r.Outcome));
        await using var db = f.Db.Factory.CreateDbContext();
        Assert.Equal(1, await db.Ratings.CountAsync(r => r.ApplicationId == id, Ct));
    }
}
