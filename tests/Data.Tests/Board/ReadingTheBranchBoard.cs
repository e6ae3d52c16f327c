using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Queue;
using HanoiWorkbench.Data.Board;
using HanoiWorkbench.Data.Tests.Queue;

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

    /// <summary>Tickets of group A issued in the 9 o'clock hour of each of the four Mondays before the fixture's Monday.</summary>
    private static async Task SeedPastMondaysAsync(QueueFixture queue, int perHourAtNine, int serviceMinutes)
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
