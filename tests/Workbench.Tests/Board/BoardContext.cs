using Bunit;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Staffing;
using HanoiWorkbench.Workbench.Components.Pages.Board;
using HanoiWorkbench.Workbench.Tests.LivePages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HanoiWorkbench.Workbench.Tests.Board;

/// <summary>
/// The branch board (issue #10) on <see cref="LiveBranchContext"/>: the demo manager's board of the demo clerk's branch, the
/// clerk at the first counter with one ticket of the first group waiting. A second clerk of the branch is at hand for the
/// second counter; the manager's moves go through the real <see cref="StaffMoves"/>.
/// </summary>
public abstract class BoardContext : LiveBranchContext, IAsyncLifetime
{
    protected IRenderedComponent<CascadingValue<Task<AuthenticationState>>> Cut { get; private set; } = default!;

    protected BranchBoard Board => Cut.FindComponent<BranchBoard>().Instance;

    protected Staff Manager { get; private set; } = default!;

    protected Staff Director { get; private set; } = default!;

    /// <summary>The branch's counters by number (index 0 is the clerk's).</summary>
    protected IReadOnlyList<(int Id, int Number, string Name)> Counters { get; private set; } = [];

    protected StaffMoves Moves => Services.GetRequiredService<StaffMoves>();

    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Db.CreateDbContextAsync(Ct);
        Manager = await db.Staff.AsNoTracking().SingleAsync(s => s.Email == DemoAccounts.BranchManager.Email, Ct);
        Director = await db.Staff.AsNoTracking().SingleAsync(s => s.Email == DemoAccounts.Director.Email, Ct);
        Assert.Equal(Clerk.CurrentBranchId, Manager.CurrentBranchId);
        Counters = (await db.Counters.AsNoTracking().Where(c => c.BranchId == Clerk.CurrentBranchId).OrderBy(c => c.Number)
            .Select(c => new { c.Id, c.Number, c.Name }).ToListAsync(Ct)).Select(c => (c.Id, c.Number, c.Name)).ToList();
    }

    /// <summary>Another clerk of the branch, seated by themselves at counter <paramref name="index"/> with all its configured groups.</summary>
    protected async Task<Staff> SeatAnotherClerkAsync(int index)
    {
        Staff other;
        List<int> groups;
        await using (var db = await Db.CreateDbContextAsync(Ct))
        {
            other = await db.Staff.AsNoTracking().Where(s => s.Role == StaffRole.Clerk && s.IsActive && s.Id != Clerk.Id
                && s.HomeBranchId == Clerk.CurrentBranchId && s.CurrentBranchId == Clerk.CurrentBranchId).OrderBy(s => s.Id).FirstAsync(Ct);
            groups = await db.Counters.Where(c => c.Id == Counters[index].Id).SelectMany(c => c.ServiceGroups).Select(g => g.Id).ToListAsync(Ct);
        }
        await Queue.OpenCounterAsync(other.Id, Counters[index].Id, groups, Ct);
        return other;
    }

    /// <summary>The board, read (once) and subscribed.</summary>
    protected async Task OpenTheBoardAsync()
    {
        Cut = await RenderAsAsync<BranchBoardPage>(Manager.Id, p => p.Add(b => b.BranchCode, BranchCode));
        Cut.WaitForAssertion(() =>
        {
            Assert.Equal("on", Cut.Find("[data-testid=branch-board]").GetAttribute("data-live"));
            AssertSettled(Board.LiveState, Board.LiveState!.Received, Board.LiveState.Reads);
        });
    }

    protected string Text(string testId) => Cut.Find($"[data-testid={testId}]").TextContent.Trim();

    /// <summary>Opens the move panel for <paramref name="staffId"/>.</summary>
    protected void Pick(int staffId)
    {
        Cut.Find($"[data-testid=move-{staffId}]").Click();
        Cut.WaitForAssertion(() => Assert.NotNull(Cut.Find("[data-testid=move-panel]")));
    }

    /// <summary>Chooses <paramref name="value"/> in the panel's select marked <paramref name="testId"/>, as a click on its item would.</summary>
    protected async Task ChooseAsync<T>(string testId, T value)
    {
        var select = Cut.FindComponents<MudSelect<T>>()
            .Single(s => s.Instance.UserAttributes.TryGetValue("data-testid", out var id) && Equals(id, testId));
        await Cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    /// <summary>Chooses <paramref name="value"/> in the radio group marked <paramref name="testId"/>.</summary>
    protected async Task ChooseRadioAsync<T>(string testId, T value)
    {
        var group = Cut.FindComponents<MudRadioGroup<T>>()
            .Single(s => s.Instance.UserAttributes.TryGetValue("data-testid", out var id) && Equals(id, testId));
        await Cut.InvokeAsync(() => group.Instance.ValueChanged.InvokeAsync(value));
    }

    protected void Type(string inputId, string text) => Cut.Find($"#{inputId}").Change(text);

    protected void Submit(string testId = "move-submit") => Cut.Find($"[data-testid={testId}]").Click();

    /// <summary>The panel says why, in Vietnamese, and stays open.</summary>
    protected void Refused(string refusal) => Cut.WaitForAssertion(() =>
        Assert.Contains(refusal, Cut.Find("[data-testid=move-refused]").TextContent, StringComparison.Ordinal));

    protected Task<MovesSnapshot> SnapshotAsync() => MovesSnapshot.TakeAsync(Db, Ct);

    protected async Task<Staff> StaffAsync(int id)
    {
        await using var db = await Db.CreateDbContextAsync(Ct);
        return await db.Staff.AsNoTracking().SingleAsync(s => s.Id == id, Ct);
    }

    protected async Task<Ticket> TicketAsync(long id)
    {
        await using var db = await Db.CreateDbContextAsync(Ct);
        return await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id, Ct);
    }
}
