using System.Globalization;
using Bunit;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Core.Pool;
using HanoiWorkbench.Core.Ratings;
using HanoiWorkbench.Data.Board;
using HanoiWorkbench.Data.Monitoring;
using HanoiWorkbench.Workbench.Components.Pages.Board;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Board;

/// <summary>
/// Issue #10 pt 1 in bUnit: the manager's board shows every counter, group, pool and ratings figure of the seeded branch;
/// another screen's ticket or call changes them without a reload at the cost of one read; waits grow with the clock between
/// events without a read and are coloured against the branch's own target.
/// </summary>
public sealed class TheBoardShowsTheBranchLive : BoardContext
{
    [Fact]
    public async Task It_shows_every_counter_group_pool_and_rating_figure_of_the_seeded_branch()
    {
        var branch = Clerk.CurrentBranchId;
        // The morning so far: the clerk serves three citizens, four minutes each, from 09:00; each rates the service.
        var tickets = new List<long> { FirstTicket.TicketId };
        for (var i = 0; i < 2; i++) tickets.Add((await Queue.IssueTicketAsync(branch, GroupId, PriorityCategory.None, Ct)).TicketId);
        foreach (var id in tickets)
        {
            var called = await Queue.CallNextAsync(Clerk.Id, CounterId, Ct);
            Assert.Equal(id, called!.Id);
            await Queue.StartAsync(Clerk.Id, id, Ct);
            Clock.Advance(TimeSpan.FromMinutes(4));
            await Queue.FinishAsync(Clerk.Id, id, Ct);
        }
        await using (var db = await Db.CreateDbContextAsync(Ct))
        {
            var at = Clock.GetUtcNow();
            db.Ratings.AddRange(
                new HanoiWorkbench.Core.Domain.Rating(RatingLevel.VerySatisfied, null, null, RatingChannel.Tablet, branch, Clerk.Id, null, tickets[0], at),
                new HanoiWorkbench.Core.Domain.Rating(RatingLevel.Satisfied, null, null, RatingChannel.Tablet, branch, Clerk.Id, null, tickets[1], at),
                new HanoiWorkbench.Core.Domain.Rating(RatingLevel.Dissatisfied, DissatisfactionReason.LongWait, null, RatingChannel.Tablet, branch, Clerk.Id, null, tickets[2], at));
            await db.SaveChangesAsync(Ct);
        }
        // An application received at the branch goes to the work pool; a citizen takes a ticket at 09:12 and waits.
        await ReceiveABirthRegistrationAsync();
        var waiting = await Queue.IssueTicketAsync(branch, GroupId, PriorityCategory.None, Ct);
        Clock.Advance(TimeSpan.FromMinutes(3));
        var now = Clock.GetUtcNow();
        int open, due, overdue, closed;
        List<string> letters;
        await using (var db = await Db.CreateDbContextAsync(Ct))
        {
            var pool = db.WorkItems.Where(w => w.QueuedBranchId == branch && w.State != WorkItemState.Done);
            var endOfDay = now.AddHours(24 - 9.25); // Hà Nội's next midnight: it is 09:15 there
            (open, due, overdue) = (await pool.CountAsync(Ct), await pool.CountAsync(w => w.DueAt >= now && w.DueAt < endOfDay, Ct),
                await pool.CountAsync(w => w.DueAt < now, Ct));
            closed = await db.Counters.Where(c => c.BranchId == branch && !c.IsOpen).Select(c => c.Number).FirstAsync(Ct);
            letters = await db.Counters.Where(c => c.Id == CounterId).SelectMany(c => c.ServiceGroups).OrderBy(g => g.Letter).Select(g => g.Letter).ToListAsync(Ct);
        }
        Assert.True(open >= 1, "the received application is in the pool");

        await OpenTheBoardAsync();

        // The clerk's counter: open, waiting for the next citizen since 09:12, who sits there, what it serves.
        Assert.Equal("Mở, đang chờ", Text("counter-state-1"));
        Assert.Equal(Clerk.FullName, Text("counter-staff-1"));
        Assert.Equal(string.Join(", ", letters), Text("counter-groups-1"));
        Assert.Equal("—", Text("counter-serving-1"));
        Assert.Equal("3 phút", Text("counter-idle-1"));
        Assert.Equal("Đóng", Text($"counter-state-{closed}"));
        // The group: one waiting for 3 minutes, three served today at 4 minutes each.
        Assert.Equal("1", Text($"waiting-{GroupLetter}"));
        Assert.Equal("3 phút", Text($"longest-{GroupLetter}"));
        Assert.Equal("3", Text($"served-{GroupLetter}"));
        Assert.Equal("4 phút", Text($"service-{GroupLetter}"));
        Assert.NotEqual("—", Text($"estimate-{GroupLetter}"));
        Assert.Equal("1", Text("board-waiting"));
        Assert.Equal("3 phút", Text("board-longest"));
        // Need / have: the clerk is the one official serving the group now.
        Assert.EndsWith("có 1", Cut.Find($"[data-testid=need-{GroupLetter}] p").TextContent.Trim(), StringComparison.Ordinal);
        // The pool's share and today's ratings: 2 of 3 satisfied.
        Assert.Equal([open.ToString(CultureInfo.InvariantCulture), due.ToString(CultureInfo.InvariantCulture), overdue.ToString(CultureInfo.InvariantCulture)],
            [Text("board-pool-open"), Text("board-pool-due"), Text("board-pool-overdue")]);
        Assert.Equal("1 rất hài lòng · 1 hài lòng · 1 không hài lòng", Text("board-satisfied-note"));
        Assert.Equal((2.0 / 3).ToString("P0", CultureInfo.GetCultureInfo("vi-VN")), Text("board-satisfied"));
        Assert.Contains(Clerk.FullName, Text("board-people"), StringComparison.Ordinal);
        Assert.NotEqual(waiting.TicketId, FirstTicket.TicketId);
    }

    [Fact]
    public async Task Another_screens_ticket_and_call_change_the_figures_without_a_reload_for_one_read_each()
    {
        await OpenTheBoardAsync();
        var (received, reads) = (Board.LiveState!.Received, Board.LiveState.Reads);

        var second = await Queue.IssueTicketAsync(Clerk.CurrentBranchId, GroupId, PriorityCategory.None, Ct);

        Cut.WaitForAssertion(() =>
        {
            Assert.Equal("2", Text($"waiting-{GroupLetter}"));
            Assert.Equal("2", Text("board-waiting"));
            AssertSettled(Board.LiveState, received + 1, reads + 1);
        });

        // The clerk calls the first ticket at their own counter page: the board shows it being served there.
        await Queue.CallNextAsync(Clerk.Id, CounterId, Ct);

        Cut.WaitForAssertion(() =>
        {
            Assert.StartsWith(FirstTicket.Number, Text("counter-serving-1"), StringComparison.Ordinal);
            Assert.Equal("1", Text($"waiting-{GroupLetter}"));
            Assert.Contains($"{Counters[0].Name} · {FirstTicket.Number}", Text($"where-{Clerk.Id}"), StringComparison.Ordinal);
            Assert.True(Board.LiveState!.Idle);
        });
        Assert.NotEqual(second.Number, FirstTicket.Number);
    }

    [Fact]
    public async Task Waits_grow_with_the_clock_without_a_read_and_turn_amber_then_red_against_the_branchs_own_target()
    {
        // The director sets Tây Hồ's target: a longest wait over 10 minutes is red (amber past half of it).
        var errors = await Services.GetRequiredService<BranchTargets>().SaveAsync(Clerk.CurrentBranchId,
            AlertThresholds.Default with { LongestWait = TimeSpan.FromMinutes(10) }, Director.Id, Ct);
        Assert.Empty(errors);
        await OpenTheBoardAsync();
        var reads = Board.LiveState!.Reads;
        string Colour(string testId) => Cut.Find($"[data-testid={testId}]").ClassName ?? "";
        Assert.DoesNotContain("mud-warning-text", Colour($"longest-{GroupLetter}"), StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromMinutes(6));
        Cut.WaitForAssertion(() =>
        {
            Assert.Equal("6 phút", Text($"longest-{GroupLetter}"));
            Assert.Contains("mud-warning-text", Colour($"longest-{GroupLetter}"), StringComparison.Ordinal);
            Assert.Contains("mud-warning-text", Colour("board-longest"), StringComparison.Ordinal);
        });

        Clock.Advance(TimeSpan.FromMinutes(5));
        Cut.WaitForAssertion(() =>
        {
            Assert.Equal("11 phút", Text($"longest-{GroupLetter}"));
            Assert.Contains("mud-error-text", Colour($"longest-{GroupLetter}"), StringComparison.Ordinal);
            Assert.Contains("mud-error-text", Colour("board-longest"), StringComparison.Ordinal);
            Assert.Equal("11 phút", Text("board-longest"));
        });
        Assert.Equal(reads, Board.LiveState!.Reads); // the clock moved the figures, not a read of the database
    }

    [Fact]
    public async Task A_group_short_of_officials_is_red_and_one_with_enough_is_green()
    {
        await OpenTheBoardAsync();
        var view = await Services.GetRequiredService<BranchBoardQueries>().BoardAsync(Clerk.CurrentBranchId, ct: Ct);
        var staffing = view!.Staffing.Single(s => s.Letter == GroupLetter);

        var figure = Cut.Find($"[data-testid=need-{GroupLetter}] p");

        Assert.Equal($"cần {staffing.NeedNow}, có {staffing.Have}", figure.TextContent.Trim());
        Assert.Contains(staffing.Have < staffing.NeedNow ? "mud-error-text" : "mud-success-text", figure.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_subscribes_once_and_lets_go_of_the_bus_and_the_clock_when_closed()
    {
        var subscribers = Bus.SubscriberCount;
        await OpenTheBoardAsync();
        Assert.Equal(subscribers + 1, Bus.SubscriberCount);
        var board = Cut.FindComponent<BranchBoard>();
        var renders = board.RenderCount;

        await DisposeComponentsAsync();
        Clock.Advance(BranchBoard.TickEvery * 3);
        await Queue.IssueTicketAsync(Clerk.CurrentBranchId, GroupId, PriorityCategory.None, Ct);

        Assert.Equal(subscribers, Bus.SubscriberCount);
        Assert.Equal(renders, board.RenderCount);
    }
}
