using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Queue;
using HanoiWorkbench.Data.Board;
using HanoiWorkbench.Core.Staffing;
using HanoiWorkbench.Data.Tests.Queue;
using HanoiWorkbench.Data.Tests.Staffing;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Board;

public sealed class ReadingTheBranchBoard
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_board_shows_counters_groups_and_the_need_forecast_from_the_same_weekday_of_four_weeks()
    {
        await using var queue = await QueueFixture.CreateAsync();
        var first = await queue.SeatClerkAsync(0);
        await queue.SeatClerkAsync(1);
        await SeedPastMondaysAsync(queue, perHourAtNine: 30, serviceMinutes: 8);
        await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
        await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
        await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
        var called = (await queue.Service.CallNextAsync(first.StaffId, first.CounterId, Ct))!;
        queue.Clock.Advance(TimeSpan.FromMinutes(6));
        var board = new BranchBoardQueries(queue.Database.Factory, queue.Clock, QueuePolicy.Default);

        var view = (await board.BoardAsync(queue.BranchId, ct: Ct))!;

        var counter = view.Counters.Single(c => c.Id == first.CounterId);
        Assert.Equal(called.Number, counter.ServingNumber);
        Assert.InRange(counter.ServingFor!.Value, TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(7));
        Assert.Equal("Cán bộ thử 0", counter.StaffName);
        var a = view.Groups.Single(g => g.Letter == "A");
        Assert.Equal((2, 2), (a.Waiting, a.OfficialsServing));
        // 30 arrivals in the 9 o'clock hour at 8 minutes each = 4 erlangs: Erlang C needs 5 for 80 % within 15 minutes.
        var staffing = view.Staffing.Single(s => s.Letter == "A");
        Assert.Equal((5, 2), (staffing.NeedNow, staffing.Have));
        Assert.Equal(9, staffing.RestOfDay[0].Hour);
        Assert.Equal(0, staffing.RestOfDay.Single(h => h.Hour == 10).Needed);
        Assert.Equal(new BoardPool(0, 0, 0), view.Pool);
        Assert.Equal(0, view.Ratings.Total);
    }

    [Fact]
    public async Task A_branch_that_does_not_exist_has_no_board()
    {
        await using var queue = await QueueFixture.CreateAsync();

        Assert.Null(await new BranchBoardQueries(queue.Database.Factory, queue.Clock, QueuePolicy.Default).BoardAsync(-1, ct: Ct));
    }

    [Fact]
    public async Task A_short_group_is_offered_a_named_official_of_a_group_with_slack_then_a_lend_from_a_branch_with_slack()
    {
        await using var f = await MovesFixture.CreateAsync();
        var queue = f.Queue;
        await queue.SeatClerkAsync(0);
        await SeedPastMondaysAsync(queue, perHourAtNine: 30, serviceMinutes: 8); // group A needs 5 at 9 o'clock
        int groupB;
        await using (var db = queue.Database.Factory.CreateDbContext())
            groupB = await db.ServiceGroups.Where(g => g.Letter == "B").Select(g => g.Id).SingleAsync(Ct);
        var bClerk = await f.AddStaffAsync("Cán bộ nhóm B", StaffRole.Clerk, f.Br03);
        await f.Moves.SetCounterGroupsAsync(f.Manager03, queue.Counters[1], [groupB], "Quầy nhóm B", ct: Ct);
        await queue.Service.OpenCounterAsync(bClerk, queue.Counters[1], [groupB], Ct);
        var helper = await f.AddStaffAsync("Cán bộ BR05", StaffRole.Clerk, f.Br05);
        await f.Moves.SetCounterGroupsAsync(f.Manager05, f.Counters05[0], [queue.GroupA], "Quầy nhóm A", ct: Ct);
        await queue.Service.OpenCounterAsync(helper, f.Counters05[0], [queue.GroupA], Ct); // BR05: one on duty, nobody needed
        var board = new BranchBoardQueries(queue.Database.Factory, queue.Clock, QueuePolicy.Default);
        string br05;
        await using (var db = queue.Database.Factory.CreateDbContext())
            br05 = await db.Branches.Where(b => b.Id == f.Br05).Select(b => b.Name).SingleAsync(Ct);

        var manager = (await board.BoardAsync(f.Br03, ct: Ct))!.Suggestions;
        var director = (await board.BoardAsync(f.Br03, mayLendFrom: _ => true, ct: Ct))!.Suggestions;

        Assert.Equal(new StaffingSuggestion(SuggestionKind.Regroup, "A", 1, "B", bClerk, "Cán bộ nhóm B", "Quầy 2"), manager[0]);
        Assert.Equal(new StaffingSuggestion(SuggestionKind.AskDirector, "A", 1, FromBranchId: f.Br05, FromBranchName: br05), manager[1]);
        Assert.Equal(2, manager.Count);
        Assert.Equal(SuggestionKind.Lend, director[1].Kind);
    }

    /// <summary>Tickets of group A issued in the 9 o'clock hour of each of the four Mondays before the fixture's Monday.</summary>
    /// <summary>Four past Mondays of group A at the fixture's branch: <paramref name="perHourAtNine"/> tickets in the 9 o'clock hour.</summary>
    internal static async Task SeedPastMondaysAsync(QueueFixture queue, int perHourAtNine, int serviceMinutes)
    {
        await using var db = queue.Database.Factory.CreateDbContext();
        for (var week = 1; week <= 4; week++)
        {
            var day = DateOnly.FromDateTime(QueueFixture.Morning.DateTime).AddDays(-7 * week);
            var nine = QueueFixture.Morning.AddDays(-7 * week);
            for (var i = 0; i < perHourAtNine; i++)
            {
                var issued = nine.AddMinutes(i * 60.0 / perHourAtNine);
                var ticket = new Ticket(queue.BranchId, queue.GroupA, "A", i + 1, day, PriorityCategory.None, issued);
                ticket.Call(queue.Counters[0], 1, issued.AddMinutes(1));
                ticket.Start(issued.AddMinutes(1));
                ticket.Finish(issued.AddMinutes(1 + serviceMinutes));
                db.Tickets.Add(ticket);
            }
        }
        await db.SaveChangesAsync(Ct);
    }
}
