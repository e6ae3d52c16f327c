using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Privacy;

namespace HanoiWorkbench.Core.Tests.Privacy;

public class RetentionOfClosedApplications
{
    private static DateTimeOffset Hanoi(int y, int m, int d, int h = 12) => new(y, m, d, h, 0, 0, HanoiTime.Offset);

    [Theory]
    [InlineData(2026, 12, 3, 60, 2021, 12, 3)]
    [InlineData(2026, 12, 3, 1, 2026, 11, 3)]
    [InlineData(2026, 3, 31, 1, 2026, 2, 28)] // no 31 Feb: the last day of the month
    [InlineData(2024, 3, 31, 1, 2024, 2, 29)] // a leap year
    [InlineData(2026, 1, 15, 12, 2025, 1, 15)]
    public void The_cutoff_is_the_period_in_calendar_months_before_now_on_the_hanoi_calendar(int y, int m, int d, int months, int cy, int cm, int cd)
    {
        Assert.Equal(Hanoi(cy, cm, cd), Retention.Cutoff(Hanoi(y, m, d), months));
    }

    [Fact]
    public void The_cutoff_counts_months_on_the_hanoi_calendar_not_utc()
    {
        // 1 Mar 2026 03:00 in Hanoi is still 28 Feb in UTC: one month back is 1 Feb in Hanoi.
        var now = new DateTimeOffset(2026, 2, 28, 20, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 3, 0, 0, HanoiTime.Offset), Retention.Cutoff(now, 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1201)]
    public void A_period_outside_one_month_to_a_hundred_years_is_refused(int months)
    {
        Assert.NotNull(Retention.Validate(months));
        var ex = Assert.Throws<DomainException>(() => Retention.Cutoff(Hanoi(2026, 1, 1), months));
        Assert.Contains("Thời hạn lưu trữ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApplicationStatus.Returned, -1, false, true)]
    [InlineData(ApplicationStatus.Refused, -1, false, true)]
    [InlineData(ApplicationStatus.Withdrawn, -1, false, true)]
    [InlineData(ApplicationStatus.Stopped, -1, false, true)]
    [InlineData(ApplicationStatus.Returned, 0, false, false)]   // closed exactly at the cutoff: not yet
    [InlineData(ApplicationStatus.Returned, 1, false, false)]   // closed after the cutoff
    [InlineData(ApplicationStatus.Returned, -1, true, false)]   // already anonymised: nothing to do again
    [InlineData(ApplicationStatus.Completed, -1, false, false)] // result ready, not yet handed back: still open
    [InlineData(ApplicationStatus.InProcessing, -1, false, false)]
    [InlineData(ApplicationStatus.Submitted, -1, false, false)]
    [InlineData(ApplicationStatus.SupplementRequested, -1, false, false)]
    public void Only_a_closed_application_whose_last_step_is_before_the_cutoff_is_due(ApplicationStatus status, int daysFromCutoff, bool anonymised, bool due)
    {
        var cutoff = Hanoi(2021, 12, 3);
        Assert.Equal(due, Retention.IsDue(status, cutoff.AddDays(daysFromCutoff), anonymised, cutoff));
    }

    // a decision at the counter (Form 2 / Form 3, no application) is closed when issued
    [Theory]
    [InlineData(-1, false, true)]
    [InlineData(0, false, false)]   // issued exactly at the cutoff: not yet
    [InlineData(30, false, false)]
    [InlineData(-1, true, false)]   // already anonymised
    public void A_reception_decision_is_due_once_issued_before_the_cutoff(int daysFromCutoff, bool anonymised, bool due)
    {
        var cutoff = Hanoi(2021, 12, 3);
        Assert.Equal(due, Retention.DecisionIsDue(cutoff.AddDays(daysFromCutoff), anonymised, cutoff));
    }
}
