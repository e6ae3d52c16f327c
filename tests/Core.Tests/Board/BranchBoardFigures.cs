using HanoiWorkbench.Core.Board;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Queue;

namespace HanoiWorkbench.Core.Tests.Board;

public class BranchBoardFigures
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(7));
    private static DateTimeOffset At(int minutesAfterNine) => Nine.AddMinutes(minutesAfterNine);

    private static readonly BoardGroup A = new(1, "A", "Hộ tịch");
    private static readonly BoardGroup B = new(2, "B", "Chứng thực");

    private static readonly BoardCounter[] Counters =
    [
        new(11, 1, "Quầy 1", true, CounterStatus.Serving, [1], 101, "Nguyễn Văn An"),
        new(12, 2, "Quầy 2", true, CounterStatus.Idle, [1, 2], 102, "Trần Thị Bình"),
        new(13, 3, "Quầy 3", false, CounterStatus.Idle, [2], null, null),
        new(14, 4, "Quầy 4", true, CounterStatus.Break, [2], 104, "Lê Văn Cường"),
    ];

    private static readonly BoardTicket[] Today =
    [
        new(1, 1, "A001", TicketStatus.Finished, At(-60), At(-55), At(-54), At(-44), 11),  // 10 min service
        new(2, 1, "A002", TicketStatus.Finished, At(-50), At(-40), At(-40), At(-20), 12),  // 20 min service
        new(3, 1, "A003", TicketStatus.Serving, At(-30), At(-12), At(-11), null, 11),
        new(4, 1, "A004", TicketStatus.Waiting, At(-25), null, null, null, null),
        new(5, 1, "A005", TicketStatus.Waiting, At(-5), null, null, null, null),
        new(6, 2, "B001", TicketStatus.NoShow, At(-45), At(-40), null, null, 12),
        new(7, 2, "B002", TicketStatus.Waiting, At(-2), null, null, null, null),
    ];

    [Fact]
    public void Each_counter_shows_who_sits_there_what_they_serve_and_how_long_they_wait_for_work()
    {
        var lines = BranchBoard.Counters(Counters, Today, Nine);

        var one = lines.Single(l => l.Number == 1);
        Assert.Equal(("A003", TimeSpan.FromMinutes(12), (TimeSpan?)null), (one.ServingNumber, one.ServingFor, one.IdleFor));
        var two = lines.Single(l => l.Number == 2);
        Assert.Equal((null, null, TimeSpan.FromMinutes(20)), (two.ServingNumber, two.ServingFor, two.IdleFor));
        var three = lines.Single(l => l.Number == 3);
        Assert.Equal((false, (TimeSpan?)null, (string?)null), (three.IsOpen, three.IdleFor, three.StaffName));
        Assert.Null(lines.Single(l => l.Number == 4).IdleFor);   // never served today: idle time is unknown, not zero
    }

    [Fact]
    public void Each_group_shows_waiting_longest_wait_estimate_served_and_mean_service_time()
    {
        var lines = BranchBoard.Groups([B, A], Counters, Today, Nine, QueuePolicy.Default);

        Assert.Equal(["A", "B"], lines.Select(l => l.Letter));
        var a = lines[0];
        Assert.Equal(2, a.Waiting);
        Assert.Equal(TimeSpan.FromMinutes(25), a.LongestWait);
        Assert.Equal(2, a.ServedToday);
        Assert.Equal(TimeSpan.FromMinutes(15), a.MeanServiceToday);
        Assert.Equal(2, a.OfficialsServing);                       // counters 1 and 2
        Assert.Equal(TimeSpan.FromMinutes(15), a.EstimatedWait);   // median 15 min × 2 ahead ÷ 2 officials
        var b = lines[1];
        Assert.Equal((1, 0, 1), (b.Waiting, b.ServedToday, b.OfficialsServing)); // counter 4 is on a break, 3 is closed
        Assert.Null(b.MeanServiceToday);
        Assert.Equal(TimeSpan.FromMinutes(8), b.EstimatedWait);    // no service time yet: the policy's fallback
    }

    [Fact]
    public void A_group_nobody_serves_has_an_unknown_wait()
    {
        var lines = BranchBoard.Groups([B], [Counters[2], Counters[3]], Today, Nine, QueuePolicy.Default);

        Assert.Equal(0, lines[0].OfficialsServing);
        Assert.Null(lines[0].EstimatedWait);
    }
}
