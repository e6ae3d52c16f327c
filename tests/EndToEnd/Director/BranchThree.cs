using HanoiWorkbench.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.EndToEnd.Director;

/// <summary>The demo clerk's branch (BR03) as the director journeys use it.</summary>
internal static class BranchThree
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<int> BranchIdAsync(WorkbenchServer server, string code)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        return await db.Branches.Where(b => b.Code == code).Select(b => b.Id).SingleAsync(Ct);
    }

    /// <summary>The demo clerk of BR03 and a counter of BR03 nobody sits at, with the groups it is configured for.</summary>
    public static async Task<(int Clerk, int Counter, IReadOnlyList<int> Groups)> ClerkAtFreeCounterAsync(WorkbenchServer server)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        var clerk = await db.Staff.Where(s => s.Email == DemoAccounts.Clerk.Email).Select(s => new { s.Id, s.CurrentBranchId }).SingleAsync(Ct);
        var seated = await db.Staff.Where(s => s.CurrentCounterId != null).Select(s => s.CurrentCounterId!.Value).ToListAsync(Ct);
        var counter = await db.Counters.Where(c => c.BranchId == clerk.CurrentBranchId && !seated.Contains(c.Id) && c.ServiceGroups.Any())
            .OrderBy(c => c.Number).Select(c => new { c.Id, Groups = c.ServiceGroups.OrderBy(g => g.Letter).Select(g => g.Id).ToList() }).FirstAsync(Ct);
        return (clerk.Id, counter.Id, counter.Groups);
    }
}
