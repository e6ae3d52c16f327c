using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Reception;
using HanoiWorkbench.Core.Reports;
using static HanoiWorkbench.Core.Tests.Reports.ReportTables;

namespace HanoiWorkbench.Core.Tests.Reports;

public class ProductivityFiguresOfAPeriod
{
    private static readonly ReportPeriod November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
    private static readonly Dictionary<int, string> BranchNames = new() { [1] = "Chi nhánh số 1", [2] = "Chi nhánh số 2" };
    private static readonly Dictionary<int, string> StaffNames = new() { [10] = "Nguyễn Văn An", [11] = "Trần Thị Bình", [20] = "Lê Văn Cường" };

    [Theory]
    [InlineData("", 90, null)]
    [InlineData("7", 90, 7.0)]
    [InlineData("5 1", 90, 5.0)]
    [InlineData("1 2 3 4 5 6 7 8 9 10", 90, 9.0)]
    [InlineData("10 9 8 7 6 5 4 3 2 1 11", 90, 10.0)]
    [InlineData("1 2 3 4", 50, 2.0)]
    [InlineData("1 2 3 4", 100, 4.0)]
    [InlineData("3 3 3 20", 75, 3.0)]
    public void The_90th_percentile_is_the_nearest_rank(string minutes, int percent, double? expected)
    {
        var values = minutes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(m => TimeSpan.FromMinutes(double.Parse(m, System.Globalization.CultureInfo.InvariantCulture))).ToList();

        Assert.Equal(Minutes(expected), Productivity.Percentile(values, percent));
    }

    [Theory]
    // One day: 08:21 → 08:30 idle (9 min).
    [InlineData("1 10 0 08:00 08:10 08:11 08:21 Finished; 1 10 0 08:05 08:30 08:30 08:40 Finished", 9.0)]
    // Two days: the night between them is not idle; 9 + 5 minutes.
    [InlineData("1 10 0 08:00 08:10 08:11 08:21 Finished; 1 10 0 08:05 08:30 08:30 08:40 Finished; 1 10 1 08:00 08:05 08:05 08:15 Finished; 1 10 1 08:10 08:20 08:21 08:30 Finished", 14.0)]
    // Two officials the same day: each one's gaps, not the gaps between them.
    [InlineData("1 10 0 08:00 08:10 08:11 08:21 Finished; 1 11 0 08:05 08:40 08:40 08:50 Finished", 0.0)]
    // A ticket left at the counter at closing keeps the official busy to the end of that day: no idle after it.
    [InlineData("1 10 0 08:00 08:10 08:11 08:21 Finished; 1 10 0 08:20 08:25 08:25 - Serving", 4.0)]
    // A no-show frees the counter at its end (the call's end), the next call 2 minutes later.
    [InlineData("1 10 0 08:00 08:10 - 08:14 NoShow; 1 10 0 08:05 08:16 08:16 08:26 Finished", 2.0)]
    public void Idle_time_is_the_counters_idle_time_of_each_officials_day_summed(string tickets, double idle)
    {
        Assert.Equal(TimeSpan.FromMinutes(idle), Productivity.Idle(Tickets(tickets)));
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    [InlineData(true, true, true)]
    public void A_completed_application_is_late_when_extended_or_finished_after_the_promise(bool extended, bool afterPromise, bool late)
    {
        Assert.Equal(late, Productivity.IsLate(new CompletedCount(1, 10, extended, afterPromise, 1)));
    }

    private const string TwoBranches =
        "1 10 0 08:00 08:10 08:11 08:21 Finished; 1 10 0 08:05 08:30 08:30 08:40 Finished; 1 10 0 08:06 08:45 - 08:47 NoShow;" +
        "1 11 0 08:00 08:02 08:02 08:22 Finished;" +
        "2 20 3 09:00 09:20 09:20 09:26 Finished; 2 20 3 09:01 09:30 09:31 - Parked";

    [Theory]
    // branch 1: waits 10, 25, 39, 2 → mean 19, p90 39; service 10, 10, 20 → 13.33; idle 09 (08:21→08:30) + 05 (08:40→08:45).
    [InlineData(1, 3, 1, 19.0, 39.0, 13.0 + 1.0 / 3, 14.0)]
    // branch 2: waits 20, 29; one finished of 6 min; the parked ticket has no end, so 09:26 → 09:30 is idle and so is its span.
    [InlineData(2, 1, 0, 24.5, 29.0, 6.0, 4.0)]
    public void Tickets_aggregate_per_branch(int branch, int served, int noShows, double meanWait, double p90, double meanService, double idle)
    {
        var report = Productivity.Build(November, null, "Toàn thành phố", new ProductivityRows(Tickets(TwoBranches), [], [], []), BranchNames, StaffNames);

        var line = report.Branches.Single(b => b.Id == branch);
        Assert.Equal(BranchNames[branch], line.Name);
        var f = line.Figures;
        Assert.Equal((served, noShows), (f.Served, f.NoShows));
        Assert.Equal(TimeSpan.FromMinutes(meanWait), f.MeanWait);
        Assert.Equal(TimeSpan.FromMinutes(p90), f.Wait90);
        Assert.Equal(TimeSpan.FromMinutes(meanService).TotalSeconds, f.MeanService!.Value.TotalSeconds, 3);
        Assert.Equal(TimeSpan.FromMinutes(idle), f.Idle);
    }

    [Theory]
    [InlineData(10, "Chi nhánh số 1", 2, 1, 24.0 + 2.0 / 3, 39.0, 5, 3, 2, 1, 2, 1, 0)]
    [InlineData(11, "Chi nhánh số 1", 1, 0, 2.0, 2.0, 0, 1, 1, 0, 0, 0, 1)]
    [InlineData(20, "Chi nhánh số 2", 1, 0, 24.5, 29.0, 4, 0, 0, 0, 0, 0, 0)]
    public void Tickets_applications_and_ratings_aggregate_per_official(int staff, string branch, int served, int noShows, double meanWait, double p90,
        int received, int completed, int onTime, int late, int verySatisfied, int satisfied, int dissatisfied)
    {
        var rows = new ProductivityRows(Tickets(TwoBranches),
            [new ReceivedCount(1, 10, 5), new ReceivedCount(1, null, 7), new ReceivedCount(2, 20, 4)],
            [new CompletedCount(1, 10, false, false, 2), new CompletedCount(1, 10, true, false, 1), new CompletedCount(1, 11, false, false, 1)],
            [new RatingCount(1, 10, RatingLevel.VerySatisfied, 2), new RatingCount(1, 10, RatingLevel.Satisfied, 1), new RatingCount(1, 11, RatingLevel.Dissatisfied, 1)]);

        var report = Productivity.Build(November, null, "Toàn thành phố", rows, BranchNames, StaffNames);

        var line = report.Officials.Single(o => o.Id == staff);
        Assert.Equal((StaffNames[staff], branch), (line.Name, line.BranchName));
        var f = line.Figures;
        Assert.Equal((served, noShows), (f.Served, f.NoShows));
        Assert.Equal(meanWait, f.MeanWait!.Value.TotalMinutes, 6);
        Assert.Equal(TimeSpan.FromMinutes(p90), f.Wait90);
        Assert.Equal((received, completed, onTime, late), (f.Received, f.Completed, f.OnTime, f.Late));
        Assert.Equal(new RatingTally(verySatisfied, satisfied, dissatisfied), f.Ratings);
        // Applications received by nobody in particular still count for the branch and the total.
        Assert.Equal(12, report.Branches.Single(b => b.Id == 1).Figures.Received);
        Assert.Equal(16, report.Total.Received);
        Assert.Equal(4, report.Total.Completed);
    }

    [Fact]
    public void Guidance_and_refusals_at_the_counter_count_apart_from_receptions_per_official_branch_and_total()
    {
        var rows = new ProductivityRows([], [new ReceivedCount(1, 10, 5)], [], [],
            [new DecisionCount(1, 10, ReceptionDecisionKind.Guidance, 3), new DecisionCount(1, 10, ReceptionDecisionKind.Refusal, 1),
                new DecisionCount(1, 11, ReceptionDecisionKind.Refusal, 2), new DecisionCount(2, 20, ReceptionDecisionKind.Guidance, 4)]);

        var report = Productivity.Build(November, null, "Toàn thành phố", rows, BranchNames, StaffNames);

        Assert.Equal((5, 3, 1), Of(report.Officials.Single(o => o.Id == 10).Figures));
        Assert.Equal((0, 0, 2), Of(report.Officials.Single(o => o.Id == 11).Figures));
        Assert.Equal("Chi nhánh số 1", report.Officials.Single(o => o.Id == 11).BranchName); // known only by a refusal
        Assert.Equal((5, 3, 3), Of(report.Branches.Single(b => b.Id == 1).Figures));
        Assert.Equal((0, 4, 0), Of(report.Branches.Single(b => b.Id == 2).Figures));
        Assert.Equal((5, 7, 3), Of(report.Total));

        // A period with only decisions is not empty: the clerks turned citizens away, and the report says how many.
        Assert.False(Productivity.Build(November, 2, "Chi nhánh số 2", new ProductivityRows([], [], [], [], [new DecisionCount(2, 20, ReceptionDecisionKind.Refusal, 1)]),
            BranchNames, StaffNames).IsEmpty);

        static (int Received, int Guided, int Refused) Of(ProductivityFigures f) => (f.Received, f.Guided, f.RefusedAtReception);
    }

    [Fact]
    public void A_period_with_no_rows_is_empty_and_measures_nothing()
    {
        var report = Productivity.Build(November, 1, "Chi nhánh số 1", new ProductivityRows([], [], [], []), BranchNames, StaffNames);

        Assert.True(report.IsEmpty);
        Assert.Empty(report.Branches);
        Assert.Empty(report.Officials);
        Assert.Null(report.Total.MeanWait);
        Assert.Null(report.Total.Wait90);
        Assert.Null(report.Total.MeanService);
    }

    [Fact]
    public void A_no_show_with_no_official_on_record_counts_for_the_branch_only()
    {
        var tickets = Tickets("1 10 0 08:00 08:10 08:11 08:21 Finished; 1 - 0 08:00 08:15 - 08:18 NoShow");

        var report = Productivity.Build(November, 1, "Chi nhánh số 1", new ProductivityRows(tickets, [], [], []), BranchNames, StaffNames);

        Assert.Equal((1, 1), (report.Total.Served, report.Total.NoShows));
        Assert.Equal(TimeSpan.FromMinutes(12.5), report.Total.MeanWait);
        Assert.Equal([10], report.Officials.Select(o => o.Id));
        Assert.Equal(0, report.Officials[0].Figures.NoShows);
        Assert.Equal(TimeSpan.Zero, report.Total.Idle);
    }

    [Fact]
    public void A_period_with_only_a_rating_is_not_empty()
    {
        var report = Productivity.Build(November, 1, "Chi nhánh số 1",
            new ProductivityRows([], [], [], [new RatingCount(1, null, RatingLevel.Satisfied, 1)]), BranchNames, StaffNames);

        Assert.False(report.IsEmpty);
        Assert.Empty(report.Officials);
    }

    [Theory]
    [InlineData("1 10 0 08:00 08:04 08:04 08:10 Finished", "1 0 0 0 0 0")]
    [InlineData("1 10 0 08:00 08:05 08:05 08:10 Finished; 1 10 0 08:00 08:14 - 08:15 NoShow", "0 1 1 0 0 0")]
    [InlineData("1 10 0 08:00 08:15 08:15 08:20 Finished; 1 10 0 08:00 08:59 08:59 09:05 Finished; 1 10 0 08:00 09:00 09:00 09:05 Finished", "0 0 0 1 1 1")]
    [InlineData("1 10 0 08:00 - - - Waiting", "0 0 0 0 0 0")]
    public void The_wait_distribution_counts_called_tickets_per_band(string tickets, string expected)
    {
        var buckets = Productivity.WaitDistribution(Tickets(tickets));

        Assert.Equal(expected, string.Join(' ', buckets.Select(b => b.Tickets)));
        Assert.Equal(["< 5 phút", "5–10 phút", "10–15 phút", "15–30 phút", "30–60 phút", "≥ 60 phút"], buckets.Select(b => b.Label));
    }
}
