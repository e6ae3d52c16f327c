using Bunit;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Workbench.Components.Pages.Public;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Workbench.Tests.LivePages;

/// <summary>
/// The kiosk of the clerk's branch (issue #13 pt 4): taking a ticket stores one and shows its number; the number of people
/// waiting it shows follows tickets taken at other kiosks and called at the counters, without a reload.
/// </summary>
public sealed class TheKioskIssuesAndFollowsTheQueue : LiveBranchContext
{
    private IRenderedComponent<Kiosk> _kiosk = default!;

    private string Waiting => _kiosk.Find("[data-testid=waiting-count]").TextContent;

    private void OpenAndChooseTheGroup()
    {
        _kiosk = Render<Kiosk>(p => p.Add(k => k.BranchCode, BranchCode));
        _kiosk.WaitForAssertion(() => Assert.Equal("true", _kiosk.Find("h1").GetAttribute("data-interactive")));
        _kiosk.WaitForAssertion(() => AssertSettled(_kiosk.Instance.LiveState, received: 0, reads: 0));
        _kiosk.Find($"[data-testid=group-{GroupLetter}]").Click();
        Assert.Equal("1", Waiting);
    }

    private async Task<List<string>> TicketsTodayAsync()
    {
        await using var db = await Db.CreateDbContextAsync(Ct);
        return await db.Tickets.Where(t => t.BranchId == Clerk.CurrentBranchId && t.ServiceDate == new DateOnly(2026, 3, 9)).OrderBy(t => t.Id).Select(t => t.Number).ToListAsync(Ct);
    }

    [Fact]
    public async Task Taking_a_ticket_stores_one_and_shows_its_number()
    {
        OpenAndChooseTheGroup();

        _kiosk.Find("[data-testid=take-ticket]").Click();

        _kiosk.WaitForAssertion(() => Assert.NotNull(_kiosk.Find("[data-testid=ticket-slip]")));
        var tickets = await TicketsTodayAsync();
        Assert.Equal(2, tickets.Count);
        Assert.Equal(FirstTicket.Number, tickets[0]);
        Assert.Equal(tickets[^1], _kiosk.Find("[data-testid=ticket-number]").TextContent.Trim());
        Assert.Equal("1", _kiosk.Find("[data-testid=people-ahead]").TextContent.Trim());
    }

    [Fact]
    public async Task The_waiting_count_follows_other_kiosks_and_the_counters_without_a_reload()
    {
        OpenAndChooseTheGroup();

        await Queue.IssueTicketAsync(Clerk.CurrentBranchId, GroupId, PriorityCategory.None, Ct); // another kiosk
        _kiosk.WaitForAssertion(() =>
        {
            AssertSettled(_kiosk.Instance.LiveState, received: 1, reads: 1);
            Assert.Equal("2", Waiting);
        });

        await Queue.CallNextAsync(Clerk.Id, CounterId, Ct); // the clerk's counter calls the oldest
        _kiosk.WaitForAssertion(() =>
        {
            Assert.True(_kiosk.Instance.LiveState is { Received: 3, Idle: true }); // the ticket called, the counter serving
            Assert.Equal("1", Waiting);
        });
        Assert.StartsWith("1 ", _kiosk.Find($"[data-testid=group-{GroupLetter}] .kiosk-tile-sub").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void After_its_own_ticket_the_next_citizen_sees_it_counted()
    {
        OpenAndChooseTheGroup();
        _kiosk.Find("[data-testid=take-ticket]").Click();
        _kiosk.WaitForAssertion(() => Assert.NotNull(_kiosk.Find("[data-testid=ticket-slip]")));
        _kiosk.WaitForAssertion(() => AssertSettled(_kiosk.Instance.LiveState, received: 1, reads: 1));

        _kiosk.Find("[data-testid=done]").Click();

        Assert.Empty(_kiosk.FindAll("[data-testid=ticket-slip]"));
        Assert.StartsWith("2 ", _kiosk.Find($"[data-testid=group-{GroupLetter}] .kiosk-tile-sub").TextContent, StringComparison.Ordinal);
    }
}
