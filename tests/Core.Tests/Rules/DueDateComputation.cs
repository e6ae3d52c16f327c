using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using static HanoiWorkbench.Core.Tests.Calendar.CalendarFixtures;

namespace HanoiWorkbench.Core.Tests.Rules;

public class DueDateComputation
{
    private static readonly WorkingHours Hours = WorkingHours.Default;

    private static DateTimeOffset Due(DateTimeOffset receipt, ProcessingUnit unit, int value) =>
        DueDateRules.ComputeDue(receipt, unit, value, NoticeCalendar, Hours);

    [Fact]
    public void A_receipt_given_in_utc_is_counted_on_its_vietnamese_date()
    {
        // 18:00 UTC on Monday is 01:00 on Tuesday in Hanoi: the clock starts at Tuesday's opening.
        var receipt = new DateTimeOffset(2025, 3, 10, 18, 0, 0, TimeSpan.Zero);

        Assert.Equal(At("2025-03-11", 17), Due(receipt, ProcessingUnit.WorkingDays, 1));
    }

    [Theory]
    [InlineData("2025-03-10 08:00", 4, "2025-03-10 12:00")] // fills the morning exactly
    [InlineData("2025-03-10 09:00", 4, "2025-03-10 14:00")] // lunch does not count
    [InlineData("2025-03-10 12:30", 1, "2025-03-10 14:00")] // received during lunch
    [InlineData("2025-03-10 16:00", 8, "2025-03-11 16:00")]
    [InlineData("2025-03-14 16:30", 2, "2025-03-17 09:30")] // Friday afternoon into Monday
    [InlineData("2025-03-15 10:00", 1, "2025-03-17 09:00")] // Saturday: from Monday's opening
    [InlineData("2025-04-29 15:00", 4, "2025-05-05 10:00")] // across the holidays
    [InlineData("2025-03-10 06:00", 16, "2025-03-11 17:00")]
    public void Working_hours_are_added_inside_the_working_periods(string receipt, int hours, string due)
    {
        Assert.Equal(Parse(due), Due(Parse(receipt), ProcessingUnit.WorkingHours, hours));
    }

    [Theory]
    [InlineData("2025-03-10 07:45", "2025-03-10")]
    [InlineData("2025-03-10 14:59", "2025-03-10")]
    [InlineData("2025-03-10 15:00", "2025-03-10")] // at the cut-off: still today
    [InlineData("2025-03-10 15:01", "2025-03-11")]
    [InlineData("2025-03-14 15:30", "2025-03-17")] // Friday after 15:00 → Monday
    [InlineData("2025-03-15 09:00", "2025-03-17")] // Saturday
    [InlineData("2025-04-29 15:30", "2025-05-05")] // holiday eve
    [InlineData("2025-04-30 09:00", "2025-05-05")] // on a holiday
    public void A_same_day_procedure_received_after_15_00_is_due_the_next_working_day(string receipt, string dueDay)
    {
        Assert.Equal(At(dueDay, 17), Due(Parse(receipt), ProcessingUnit.SameDay, 0));
    }

    [Fact]
    public void The_same_day_cut_off_is_configurable()
    {
        var hours = new WorkingHours(new TimeOnly(7, 30), new TimeOnly(11, 30), new TimeOnly(13, 30), new TimeOnly(17, 30), new TimeOnly(16, 0));

        var due = DueDateRules.ComputeDue(Parse("2025-03-10 15:30"), ProcessingUnit.SameDay, 0, NoticeCalendar, hours);

        Assert.Equal(Parse("2025-03-10 17:30"), due);
        Assert.Equal(TimeSpan.FromHours(8), hours.PerDay);
    }

    [Fact]
    public void Working_hours_that_overlap_are_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            new WorkingHours(new TimeOnly(8, 0), new TimeOnly(14, 0), new TimeOnly(13, 0), new TimeOnly(17, 0), new TimeOnly(15, 0)));
    }

    [Theory]
    [InlineData(ProcessingUnit.WorkingDays, 0)]
    [InlineData(ProcessingUnit.WorkingHours, -1)]
    public void A_processing_time_below_one_is_refused(ProcessingUnit unit, int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Due(Parse("2025-03-10 10:00"), unit, value));
    }

    internal static DateTimeOffset Parse(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(7));

    internal static DateTimeOffset At(string day, int hour) => Parse($"{day} {hour:00}:00");
}
