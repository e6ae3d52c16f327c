using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Monitoring;

namespace HanoiWorkbench.Core.Tests.Monitoring;

public class CityProjectionTables
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(7));
    private static readonly TimeSpan Service = TimeSpan.FromMinutes(8);

    private static LiveEvent Event(LiveEventKind kind, int? branch, long seq = 1) => new(kind, branch, 1, seq, seq, Now);

    private static BranchState State(int id = 7) => new(id, "CN07", "Cầu Giấy", DateOnly.FromDateTime(Now.DateTime),
        new QueueFacet(0, null), 2, [], 0, ApplicationFacet.Empty, RatingFacet.Empty);

    [Theory]
    [InlineData(LiveEventKind.TicketChanged, 7, 7, CityFacets.Queue)]
    [InlineData(LiveEventKind.CounterChanged, 7, null, CityFacets.Counters | CityFacets.Duty)]
    [InlineData(LiveEventKind.StaffAssigned, 7, null, CityFacets.Counters | CityFacets.Duty)]
    [InlineData(LiveEventKind.ApplicationChanged, 7, 7, CityFacets.Applications | CityFacets.Ratings)]
    [InlineData(LiveEventKind.ApplicationChanged, null, null, CityFacets.Applications | CityFacets.Ratings)]
    [InlineData(LiveEventKind.WorkItemChanged, 7, null, CityFacets.Pool | CityFacets.Duty)]
    [InlineData(LiveEventKind.Resync, null, null, CityFacets.All)]
    public void Each_kind_of_change_names_the_facets_it_can_move(LiveEventKind kind, int? branch, int? planned, CityFacets facets) =>
        Assert.Equal(new RecountPlan(planned, facets), CityProjection.Plan(Event(kind, branch)));

    [Fact]
    public void A_batch_recounts_each_facet_once_per_branch_and_city_wide_facets_once()
    {
        var plans = CityProjection.Merge([
            Event(LiveEventKind.TicketChanged, 3), Event(LiveEventKind.CounterChanged, 3), Event(LiveEventKind.TicketChanged, 3),
            Event(LiveEventKind.TicketChanged, 1), Event(LiveEventKind.WorkItemChanged, null), Event(LiveEventKind.ApplicationChanged, 1)]);

        Assert.Equal([
            new RecountPlan(null, CityFacets.Counters | CityFacets.Duty | CityFacets.Pool),
            new RecountPlan(1, CityFacets.Queue | CityFacets.Applications | CityFacets.Ratings),
            new RecountPlan(3, CityFacets.Queue)], plans);
    }

    [Fact]
    public void A_branchless_application_change_recounts_every_branch_and_no_branch_twice() =>
        Assert.Equal([new RecountPlan(null, CityFacets.Applications | CityFacets.Ratings)],
            CityProjection.Merge([Event(LiveEventKind.ApplicationChanged, null), Event(LiveEventKind.ApplicationChanged, 4)]));

    [Fact]
    public void A_recount_replaces_only_the_facets_it_counted()
    {
        var before = State() with { PoolBacklog = 4 };
        var after = CityProjection.Apply(before, new BranchRecount(7, Queue: new QueueFacet(3, Now.AddMinutes(-12))));

        Assert.Equal(CityFacets.Queue, CityProjection.Differences(before, after));
        Assert.Equal(4, after.PoolBacklog);
        Assert.Throws<ArgumentException>(() => CityProjection.Apply(before, new BranchRecount(8)));
    }

    // due dates in minutes from now (10:00 Hanoi); the day ends at 14 h from now
    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("-60 -1", 0, 2)]
    [InlineData("-1 0 1 839", 3, 1)]          // due exactly now is not overdue yet
    [InlineData("840 2000", 0, 0)]            // midnight and later: tomorrow
    public void Overdue_and_due_today_come_from_the_due_dates_and_the_clock(string minutes, int dueToday, int overdue)
    {
        var dues = minutes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(m => Now.AddMinutes(int.Parse(m, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var figures = CityProjection.Figures(State() with { Applications = new ApplicationFacet(dues, 0, 0) }, Now, TimeSpan.FromMinutes(30), Service);
        Assert.Equal((dueToday, overdue), (figures.DueToday, figures.Overdue));
    }

    [Fact]
    public void The_longest_wait_grows_with_the_clock_and_rates_are_shares()
    {
        var state = State() with
        {
            Queue = new QueueFacet(4, Now.AddMinutes(-10)),
            Duty = [new DutyFacts(true, true, null), new DutyFacts(true, false, Now.AddMinutes(-40)), new DutyFacts(true, false, Now.AddMinutes(-1))],
            Applications = new ApplicationFacet([], 20, 15),
            Ratings = new RatingFacet(4, 3, 10, 9),
        };

        var later = CityProjection.Figures(state, Now.AddMinutes(5), TimeSpan.FromMinutes(30), Service);

        Assert.Equal(TimeSpan.FromMinutes(15), later.LongestWait);
        Assert.Equal(2, later.OnDuty);           // the claim untouched for 45 minutes is not held any more
        Assert.Equal(3, later.Needed);           // no staffing advice: the counters open (2), but 4 waiting × 8 min within 15 min call for 3
        Assert.Equal((0.75, 0.75, 0.9), (later.OnTimeRateMonth!.Value, later.SatisfactionToday!.Value, later.SatisfactionMonth!.Value));
        Assert.Null(CityProjection.Figures(State(), Now, TimeSpan.FromMinutes(30), Service).OnTimeRateMonth);
        Assert.Equal(5, CityProjection.Figures(state with { Needed = 5 }, Now, TimeSpan.FromMinutes(30), Service).Needed);
        Assert.Equal(3, CityProjection.Figures(state with { Needed = 0 }, Now, TimeSpan.FromMinutes(30), Service).Needed); // a forecast of 0 beside a queue
    }

    // numbers observed in order, seconds after the first; lost after 5 s
    [Theory]
    [InlineData("1 2 3", 3, false)]
    [InlineData("1 3 2", 3, false)]          // out of order: the hole closes
    [InlineData("1 3", 1, false)]            // a hole, not yet old
    [InlineData("1 3 4@6", 1, true)]         // 2 missing for 6 s: lost
    [InlineData("5 4 6", 6, false)]          // below the first number seen: already covered
    public void A_sequence_number_counts_as_lost_only_after_the_grace(string observed, long contiguous, bool lost)
    {
        SequenceWatermark? w = null;
        var at = Now;
        foreach (var token in observed.Split(' '))
        {
            var parts = token.Split('@');
            var n = long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            at = parts.Length > 1 ? Now.AddSeconds(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)) : at;
            w = w is null ? SequenceWatermark.At(n) : w.Observe(n, at);
        }
        Assert.Equal(contiguous, w!.Contiguous);
        Assert.Equal(lost, w.Lost(at, TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData(new[] { 1, 3, 3, 5 }, 0, 0)]
    [InlineData(new[] { 1, 3, 3, 5 }, 3, 1)]
    [InlineData(new[] { 1, 3, 3, 5 }, 4, 3)]
    [InlineData(new[] { 1, 3, 3, 5 }, 9, 4)]
    public void Counting_before_a_moment_is_a_binary_search(int[] minutes, int at, int expected) =>
        Assert.Equal(expected, CityProjection.CountBefore(minutes.Select(m => Now.AddMinutes(m)).ToList(), Now.AddMinutes(at)));
}
