using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Queue;
using static HanoiWorkbench.Core.Tests.Queue.QueueTables;

namespace HanoiWorkbench.Core.Tests.Queue;

public class ClerkFiguresForToday
{
    /// <summary>Rows "issued called started finished status", '-' for a missing time, separated by ';'.</summary>
    private static IEnumerable<ClerkTicketTimes> Times(string table) =>
        table.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(row => row.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(c => new ClerkTicketTimes(At(c[0]), Maybe(c[1]), Maybe(c[2]), Maybe(c[3]), Enum.Parse<TicketStatus>(c[4])))
            .ToList();

    private static DateTimeOffset? Maybe(string cell) => cell == "-" ? null : At(cell);

    private static TimeSpan? Min(double? minutes) => minutes is { } m ? TimeSpan.FromMinutes(m) : null;

    [Theory]
    [InlineData("", 0, 0, null, null, 0.0)]
    [InlineData("08:00 08:10 08:11 08:21 Finished", 1, 0, 10.0, 10.0, 0.0)]
    [InlineData("08:00 08:10 08:11 08:21 Finished; 08:05 08:30 08:30 08:40 Finished", 2, 0, 17.5, 10.0, 9.0)]
    [InlineData("08:00 08:10 - 08:14 NoShow; 08:05 08:15 08:16 08:26 Finished", 1, 1, 10.0, 10.0, 1.0)]
    [InlineData("08:00 08:10 08:11 08:21 Finished; 08:20 08:40 08:41 - Serving", 1, 0, 15.0, 10.0, 19.0)]
    [InlineData("08:00 08:10 08:11 - Parked; 08:05 08:20 08:20 08:30 Finished", 1, 0, 12.5, 10.0, 10.0)]
    public void A_clerks_day_counts_served_no_shows_average_wait_service_and_idle_time(
        string tickets, int served, int noShows, double? averageWait, double? averageService, double idle)
    {
        var figures = ClerkFigures.For(Times(tickets), At("09:00"));

        Assert.Equal(new ClerkDayFigures(served, noShows, Min(averageWait), Min(averageService), TimeSpan.FromMinutes(idle)), figures);
    }

    [Fact]
    public void A_ticket_still_at_the_counter_keeps_the_clerk_busy_until_now()
    {
        var figures = ClerkFigures.For(Times("08:00 08:10 08:10 - Serving; 08:01 08:30 - - Called"), At("09:00"));

        Assert.Equal(TimeSpan.Zero, figures.IdleTime);
        Assert.Equal(0, figures.Served);
    }

    [Fact]
    public void Yesterdays_tickets_and_calls_not_yet_made_are_left_out()
    {
        var yesterday = new ClerkTicketTimes(At("08:00").AddDays(-1), At("08:10").AddDays(-1), At("08:11").AddDays(-1), At("08:20").AddDays(-1), TicketStatus.Finished);
        var waiting = new ClerkTicketTimes(At("08:50"), null, null, null, TicketStatus.Waiting);

        var figures = ClerkFigures.For([yesterday, waiting], At("09:00"));

        Assert.Equal(new ClerkDayFigures(0, 0, null, null, TimeSpan.Zero), figures);
    }

    [Fact]
    public void Today_is_the_service_day_in_vietnam_even_when_the_clock_reads_utc()
    {
        var nowUtc = At("09:00").ToUniversalTime();

        var figures = ClerkFigures.For(Times("07:00 07:05 07:05 07:15 Finished"), nowUtc);

        Assert.Equal(1, figures.Served);
    }
}
