using Bunit;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Workbench.Components.Pages.Queue;
using HanoiWorkbench.Workbench.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.LivePages;

/// <summary>
/// The clerk's counter page (issue #13 pt 4): what it shows comes from the real services; another counter's or kiosk's change
/// reaches it without a reload at the cost of one read of the database; its own call-next costs one read and its events none;
/// a number missing from the branch's live sequence makes it read again. Reads are counted where the page reads the desk
/// (<see cref="LiveBranchContext.DeskReads"/>), not by the page.
/// </summary>
public sealed class TheCounterPageFollowsItsBranch : LiveBranchContext
{
    private IRenderedComponent<CascadingValue<Task<AuthenticationState>>> _cut = default!;

    private CounterPage Page => _cut.FindComponent<CounterPage>().Instance;

    private string Waiting => _cut.Find("[data-testid=waiting-total]").TextContent;

    private string Line => _cut.Find("[data-testid=waiting-queue]").TextContent;

    /// <summary>The page, loaded (one read) and subscribed, its buttons answering.</summary>
    private async Task OpenThePageAsync()
    {
        _cut = await RenderAsAsync<CounterPage>(Clerk.Id);
        _cut.WaitForAssertion(() => Assert.Equal("true", _cut.Find("h1").GetAttribute("data-interactive")));
        Settles(received: 0, reads: 0, waiting: "1", FirstTicket.Number);
        Assert.Equal(1, DeskReads.Created);
    }

    /// <summary>Waits until the page has handled <paramref name="received"/> events with <paramref name="reads"/> re-reads,
    /// nothing is due, and it shows what its last read found: the waiting total (unless someone is at the counter) and the
    /// tickets in the queue.</summary>
    private void Settles(int received, int reads, string? waiting, params string[] queued) => _cut.WaitForAssertion(() =>
    {
        AssertSettled(Page.LiveState, received, reads);
        if (waiting is not null) Assert.Equal(waiting, Waiting); // shown while nobody is at the counter
        Assert.All(queued, n => Assert.Contains(n, Line, StringComparison.Ordinal));
    });

    [Fact]
    public async Task It_shows_the_clerks_open_counter_and_the_waiting_ticket_from_the_database()
    {
        _cut = await RenderAsAsync<CounterPage>(Clerk.Id);
        var waiting = await Queue.EstimatesAsync(Clerk.CurrentBranchId, Ct);

        _cut.WaitForAssertion(() => Assert.NotNull(_cut.Find("[data-testid=current-ticket]")));
        Assert.Equal("1", Waiting);
        Assert.Contains(FirstTicket.Number, Line, StringComparison.Ordinal);
        Assert.Equal(1, waiting.Single(g => g.ServiceGroupId == GroupId).Waiting);
        Assert.False(_cut.Find("[data-testid=call-next]").HasAttribute("disabled"));
        Assert.Empty(_cut.FindAll("[data-testid=counter-setup]"));
    }

    [Fact]
    public async Task A_ticket_taken_at_a_kiosk_appears_without_a_reload_for_one_read()
    {
        await OpenThePageAsync();

        var issued = await Queue.IssueTicketAsync(Clerk.CurrentBranchId, GroupId, PriorityCategory.None, Ct);

        Settles(received: 1, reads: 1, waiting: "2", issued.Number);
        Assert.Equal(2, DeskReads.Created);
    }

    [Fact]
    public async Task Its_own_call_next_is_read_once_after_the_click_and_its_events_are_not_read_again()
    {
        await OpenThePageAsync();

        await _cut.Find("[data-testid=call-next]").ClickAsync(new());

        _cut.WaitForAssertion(() => Assert.Equal(FirstTicket.Number, _cut.Find("[data-testid=current-number]").TextContent.Trim()));
        Assert.Equal(2, DeskReads.Created);

        // Its two events (the ticket called, the counter serving) arrive without a render when skipped: a kiosk's ticket after
        // them, which the page must read, shows when they have been handled. One read for the call, one for the ticket.
        var other = await Queue.IssueTicketAsync(Clerk.CurrentBranchId, GroupId, PriorityCategory.None, Ct);
        Settles(received: 3, reads: 2, waiting: null, other.Number);
        Assert.Equal(3, DeskReads.Created);
    }

    [Fact]
    public async Task A_ticket_whose_event_was_lost_is_read_as_soon_as_the_next_number_shows_the_gap()
    {
        await OpenThePageAsync();

        // A kiosk's ticket: the page reads, and now knows the branch's last number.
        var heard = await Queue.IssueTicketAsync(Clerk.CurrentBranchId, GroupId, PriorityCategory.None, Ct);
        Settles(received: 1, reads: 1, waiting: "2", heard.Number);

        // An application changed at the branch: a kind the page does not show, with no number missing before it. Skipped
        // (without a render: the read below, which counts it as received, shows it cost none).
        await Bus.PublishAsync(LiveEventKind.ApplicationChanged, Clerk.CurrentBranchId, 1, Ct);

        // Another kiosk's ticket commits, but its event (the branch's next number) never reaches this server.
        var lost = await Unheard().IssueTicketAsync(Clerk.CurrentBranchId, GroupId, PriorityCategory.None, Ct);
        await Services.GetRequiredService<ILiveSequenceSource>().NextAsync(Clerk.CurrentBranchId, Ct);
        Assert.Equal("2", Waiting);

        // The next event is again of a kind the page does not show, but its number says one was missed: the page reads.
        await Bus.PublishAsync(LiveEventKind.ApplicationChanged, Clerk.CurrentBranchId, 2, Ct);
        Settles(received: 3, reads: 2, waiting: "3", lost.Number);
        Assert.Equal(3, DeskReads.Created);
    }

    [Fact]
    public async Task Another_branchs_ticket_is_received_but_costs_no_read()
    {
        await OpenThePageAsync();
        var elsewhere = await OtherBranchAsync();

        await Queue.IssueTicketAsync(elsewhere.BranchId, elsewhere.GroupId, PriorityCategory.None, Ct);
        // Skipped without a render: a ticket of its own branch after it shows when it has been handled.
        var marker = await Queue.IssueTicketAsync(Clerk.CurrentBranchId, GroupId, PriorityCategory.None, Ct);
        Settles(received: 2, reads: 1, waiting: "2", marker.Number);
        Assert.Equal(2, DeskReads.Created);
    }
}
