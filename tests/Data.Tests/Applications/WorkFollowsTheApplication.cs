using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Pool;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Applications;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Applications;

/// <summary>The citywide pool holds exactly the step of each application that needs a person now.</summary>
public sealed class WorkFollowsTheApplication
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<(WorkKind Kind, WorkItemState State)>> ItemsAsync(ApplicationFixture f, long id)
    {
        await using var db = f.Db.Factory.CreateDbContext();
        return (await db.WorkItems.AsNoTracking().Where(w => w.ApplicationId == id).OrderBy(w => w.Id).ToListAsync(Ct))
            .Select(w => (w.Kind, w.State)).ToList();
    }

    [Fact]
    public async Task Receiving_at_a_counter_puts_processing_in_the_pool_and_completing_turns_it_into_preparing_the_result()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var id = (await f.Reception.ReceiveAsync(await f.ValidRequestAsync(Ct), clerk, Ct)).ApplicationId!.Value;

        Assert.Equal([(WorkKind.Process, WorkItemState.Open)], await ItemsAsync(f, id));

        var version = (await f.Queries.DetailAsync(id, Ct))!.Version;
        version = (await f.Actions.ApplyAsync(id, version, ApplicationAction.StartProcessing, new ActionInput(), clerk, Ct)).NewVersion!.Value;
        Assert.Equal([(WorkKind.Process, WorkItemState.Open)], await ItemsAsync(f, id));

        version = (await f.Actions.ApplyAsync(id, version, ApplicationAction.Complete, new ActionInput(), clerk, Ct)).NewVersion!.Value;
        Assert.Equal([(WorkKind.Process, WorkItemState.Done), (WorkKind.PrepareResult, WorkItemState.Open)], await ItemsAsync(f, id));

        await f.Actions.ApplyAsync(id, version, ApplicationAction.Return, new ActionInput(Method: ReturnMethod.InPerson), clerk, Ct);
        Assert.All(await ItemsAsync(f, id), i => Assert.Equal(WorkItemState.Done, i.State));
    }

    [Fact]
    public async Task A_supplement_request_takes_the_work_out_of_the_pool_until_the_citizen_brings_it()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var id = (await f.Reception.ReceiveAsync(await f.ValidRequestAsync(Ct), clerk, Ct)).ApplicationId!.Value;
        var version = (await f.Queries.DetailAsync(id, Ct))!.Version;

        version = (await f.Actions.ApplyAsync(id, version, ApplicationAction.RequestSupplement, new ActionInput(Reason: "Bản sao không rõ", WhatIsMissing: "Giấy chứng sinh"), clerk, Ct)).NewVersion!.Value;
        Assert.DoesNotContain(await ItemsAsync(f, id), i => i.State != WorkItemState.Done);

        await f.Actions.ApplyAsync(id, version, ApplicationAction.ReceiveSupplement, new ActionInput(), clerk, Ct);
        Assert.Single(await ItemsAsync(f, id), i => i is { Kind: WorkKind.Process, State: WorkItemState.Open });
    }
}
