using Bunit;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Workbench.Components.Pages.Home;
using HanoiWorkbench.Workbench.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.LivePages;

/// <summary>
/// The director's home (issue #13 pt 4): the city table of every active branch from the process's city projection, and a
/// live event of one branch recounts that branch's row, and only that one, while the page stays open.
/// </summary>
public sealed class TheDirectorHomeFollowsEachBranch : LiveBranchContext
{
    private IRenderedComponent<DirectorHome> _home = default!;

    private async Task OpenTheHomeAsync()
    {
        await Services.GetRequiredService<CityLive>().StartAsync(Ct);
        _home = Render<DirectorHome>();
        _home.WaitForAssertion(() => Assert.Equal("on", _home.Find("[data-testid=branch-table]").GetAttribute("data-live")));
    }

    private string Figure(string branchCode, string column) =>
        _home.Find($"tbody tr[data-branch={branchCode}] td[data-col={column}]").TextContent.Trim();

    [Fact]
    public async Task The_table_has_a_row_for_every_active_branch_with_its_waiting_tickets()
    {
        await OpenTheHomeAsync();

        await using var db = await Db.CreateDbContextAsync(Ct);
        var codes = await db.Branches.Where(b => b.IsActive).OrderBy(b => b.Code).Select(b => b.Code).ToListAsync(Ct);
        Assert.Equal(codes, _home.FindAll("tbody tr").Select(r => r.GetAttribute("data-branch")!).ToList());
        Assert.Equal("1", Figure(BranchCode, "waiting"));
        Assert.All(codes.Where(c => c != BranchCode), c => Assert.Equal("0", Figure(c, "waiting")));
    }

    [Fact]
    public async Task A_ticket_at_one_branch_updates_that_branchs_row_only()
    {
        await OpenTheHomeAsync();
        var elsewhere = await OtherBranchAsync();
        await using var db = await Db.CreateDbContextAsync(Ct);
        var otherCode = await db.Branches.Where(b => b.Id == elsewhere.BranchId).Select(b => b.Code).SingleAsync(Ct);
        Assert.Equal(("1", "0"), (Figure(BranchCode, "waiting"), Figure(otherCode, "waiting")));

        // A ticket at the other branch whose event never arrives: nothing tells the projection to recount that branch.
        await Unheard().IssueTicketAsync(elsewhere.BranchId, elsewhere.GroupId, PriorityCategory.None, Ct);
        // Two at the clerk's branch, announced.
        await Queue.IssueTicketAsync(Clerk.CurrentBranchId, GroupId, PriorityCategory.None, Ct);
        await Queue.IssueTicketAsync(Clerk.CurrentBranchId, GroupId, PriorityCategory.None, Ct);

        _home.WaitForAssertion(() =>
        {
            Assert.True(_home.Instance.LiveState is { Received: 2, Idle: true });
            Assert.Equal("3", Figure(BranchCode, "waiting"));
        });
        Assert.Equal("0", Figure(otherCode, "waiting"));
        Assert.Equal(_home.Instance.LiveState!.Applied.ToString(), _home.Find("[data-testid=branch-table]").GetAttribute("data-live-seq"));
    }
}
