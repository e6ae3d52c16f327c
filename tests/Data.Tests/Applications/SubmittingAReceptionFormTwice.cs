using HanoiWorkbench.Core.Reception;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Applications;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Applications;

/// <summary>
/// A double click sends the same form twice: the token issued with the form, checked in the transaction that creates,
/// turns the second submission into a replay of the first (one code, one tracking-book line, one pool item).
/// </summary>
public sealed class SubmittingAReceptionFormTwice
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Applications, int WorkItems, int Steps)> CountsAsync(ApplicationFixture f)
    {
        await using var db = f.Db.Factory.CreateDbContext();
        return (await db.Applications.CountAsync(Ct), await db.WorkItems.CountAsync(Ct), await db.ApplicationSteps.CountAsync(Ct));
    }

    /// <summary>
    /// Both calls start behind one barrier and meet at their write (the rendezvous before BEGIN): neither has stored
    /// anything when the other checks the form's token.
    /// </summary>
    private static async Task<ReceptionResult[]> TogetherAsync(Rendezvous together, Func<Task<ReceptionResult>> call)
    {
        var results = await Together.RunAsync(2, _ =>
        {
            together.Join();
            return call();
        });
        Assert.True(together.Met, "the two confirms were at their write at the same time");
        return results;
    }

    [Fact]
    public async Task The_second_confirm_of_a_counter_form_returns_the_first_application_and_uses_no_number()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var request = await f.ValidRequestAsync(Ct) with { Token = Guid.NewGuid() };

        var first = await f.Reception.ReceiveAsync(request, clerk, Ct);
        var events = f.Events.Published.Count;
        var second = await f.Reception.ReceiveAsync(request, clerk, Ct);

        Assert.Equal((first.ApplicationId, first.Code, false, true), (second.ApplicationId, second.Code, first.Replayed, second.Replayed));
        Assert.Equal((1, 1, 1), await CountsAsync(f));
        Assert.Equal(events, f.Events.Published.Count);
        // The next form (a new token) gets the next number: the replay allocated none.
        var next = await f.Reception.ReceiveAsync(request with { Token = Guid.NewGuid() }, clerk, Ct);
        Assert.True(ApplicationCode.TryParse(next.Code!, out _, out _, out var n));
        Assert.Equal(2, n);
    }

    [Fact]
    public async Task Two_confirms_of_one_counter_form_arriving_together_create_exactly_one_application()
    {
        var together = new Rendezvous(2, Rendezvous.Point.FirstTransaction);
        await using var f = await ApplicationFixture.CreateAsync(together);
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var request = await f.ValidRequestAsync(Ct) with { Token = Guid.NewGuid() };

        var results = await TogetherAsync(together, () => f.Reception.ReceiveAsync(request, clerk, Ct));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Single(results.Select(r => (r.ApplicationId, r.Code)).Distinct());
        Assert.Single(results, r => r.Replayed); // one of the two took the duplicate path
        Assert.Equal((1, 1, 1), await CountsAsync(f));
    }

    [Fact]
    public async Task Two_receives_of_one_submission_check_arriving_together_receive_it_once_and_both_get_the_receipt()
    {
        var together = new Rendezvous(2, Rendezvous.Point.FirstTransaction);
        await using var f = await ApplicationFixture.CreateAsync(together);
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var id = await f.Waiting.TakeAsync((await f.SubmitOnlineAsync(Ct)).WorkItemId, clerk, Ct);
        var check = (await f.Submissions.CheckAsync(id, Ct))!;
        var ticks = check.Procedure.RequiredDocuments.Select(d => new DocumentTick(d, true, 1)).ToList();
        var token = Guid.NewGuid();
        var before = await CountsAsync(f);

        var results = await TogetherAsync(together, () => f.Submissions.ReceiveAsync(id, check.Version, ticks, token, clerk, Ct));

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join("; ", r.Errors.Values)));
        Assert.Single(results, r => r.Replayed);
        Assert.Equal((before.Applications, before.WorkItems + 1, before.Steps + 1), await CountsAsync(f));
        await using var db = f.Db.Factory.CreateDbContext();
        Assert.Single(await db.ApplicationSteps.Where(s => s.ApplicationId == id && s.Action == ApplicationAction.Receive).ToListAsync(Ct));

        // Sent once more later (the page was slow to navigate): still the receipt, not "changed by someone else".
        var late = await f.Submissions.ReceiveAsync(id, check.Version, ticks, token, clerk, Ct);
        Assert.Equal((true, true, results[0].Code), (late.Succeeded, late.Replayed, late.Code));
    }
}
