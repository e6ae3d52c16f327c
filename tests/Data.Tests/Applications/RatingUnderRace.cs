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

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var startedWhenFirstFinished = -1;
        var raters = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            Interlocked.Increment(ref started);
            var result = await f.Actions.RateAsync(id, RatingLevel.Satisfied, clerk, Ct);
            Interlocked.CompareExchange(ref startedWhenFirstFinished, Volatile.Read(ref started), -1);
            return result;
        })).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(raters);

        Assert.True(startedWhenFirstFinished > 1, $"the raters overlapped ({startedWhenFirstFinished} had started when the first finished)");
        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ActionOutcome.Refused, r.Outcome));
        await using var db = f.Db.Factory.CreateDbContext();
        Assert.Equal(1, await db.Ratings.CountAsync(r => r.ApplicationId == id, Ct));
    }
}
