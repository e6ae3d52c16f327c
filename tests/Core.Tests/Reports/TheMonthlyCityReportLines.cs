using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Core.Reports;

namespace HanoiWorkbench.Core.Tests.Reports;

public class TheMonthlyCityReportLines
{
    private static readonly ReportPeriod November = ReportPeriod.MonthOf(new DateOnly(2026, 11, 1));

    private static ProductivityFigures Figures(int received, int completed, int late, int very, int satisfied, int dissatisfied, int? waitMinutes) =>
        new(0, 0, waitMinutes is { } w ? TimeSpan.FromMinutes(w) : null, null, null, TimeSpan.Zero, received, completed, completed - late, late,
            new RatingTally(very, satisfied, dissatisfied));

    [Fact]
    public void Every_branch_has_a_line_with_its_figures_and_score_and_one_without_data_says_nothing_is_measured()
    {
        var a = Figures(10, 8, 2, 3, 1, 1, 12);
        var productivity = new ProductivityReport(November, null, "Toàn thành phố", a,
            [new ProductivityLine(1, "A", null, a)], [], []);
        var cards = Decision766.City(November, [(1, "A"), (2, "B")], "Toàn thành phố",
            [new CompletedCount(1, null, false, false, 6), new CompletedCount(1, null, false, true, 2)], [], []);

        var report = new CityMonthReport(November, productivity, cards);

        var (first, second) = (report.Branches[0], report.Branches[1]);
        Assert.Equal((10, 8, 6, 2), (first.Received, first.Completed, first.OnTime, first.Late));
        Assert.Equal(0.75, first.OnTimeShare);
        Assert.Equal(0.8, first.SatisfiedShare);                // 3 + 1 of 5
        Assert.Equal(TimeSpan.FromMinutes(12), first.MeanWait);
        Assert.Equal((15.0, 20.0 + 18), (first.Score!.Value, (double)first.OutOf)); // progress 6/8 × 20 = 15, transparency 0/2 × 18 = 0
        Assert.Equal(("B", 0, null, null, null, null), (second.Name, second.Received, second.OnTimeShare, second.SatisfiedShare, second.MeanWait, second.Score));
        Assert.Null(report.City.BranchId);
        Assert.False(report.IsEmpty);
    }
}
