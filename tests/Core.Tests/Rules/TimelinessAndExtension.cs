using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Rules;
using static HanoiWorkbench.Core.Tests.Calendar.CalendarFixtures;
using static HanoiWorkbench.Core.Tests.Rules.DueDateComputation;

namespace HanoiWorkbench.Core.Tests.Rules;

public class TimelinessAndExtension
{
    private static readonly DateTimeOffset DueAt = Parse("2025-03-13 17:00");

    [Theory]
    [InlineData("2025-03-12 16:00", TimelinessKind.Early)]
    [InlineData("2025-03-13 00:10", TimelinessKind.OnTime)]
    [InlineData("2025-03-13 09:00", TimelinessKind.OnTime)]
    [InlineData("2025-03-13 17:00", TimelinessKind.OnTime)]
    [InlineData("2025-03-13 17:01", TimelinessKind.Late)]
    [InlineData("2025-03-14 08:00", TimelinessKind.Late)]
    public void A_step_is_early_on_time_or_late_against_the_due_day_and_moment(string finished, TimelinessKind expected)
    {
        Assert.Equal(expected, DueDateRules.Classify(Parse(finished), DueAt));
    }

    [Fact]
    public void The_due_day_is_the_day_in_hanoi()
    {
        // 18:00 UTC on Wednesday is 01:00 on Thursday in Hanoi: the due day, not before it.
        Assert.Equal(TimelinessKind.OnTime, DueDateRules.Classify(new DateTimeOffset(2025, 3, 12, 18, 0, 0, TimeSpan.Zero), DueAt));
    }

    [Theory]
    [InlineData(TimelinessKind.Early, "Trước hạn")]
    [InlineData(TimelinessKind.OnTime, "Đúng hạn")]
    [InlineData(TimelinessKind.Late, "Quá hạn")]
    public void Marks_read_as_on_the_control_slip(TimelinessKind kind, string label)
    {
        Assert.Equal(label, DueDateRules.Label(kind));
    }

    [Theory]
    [InlineData("2025-03-13 09:00", 24, true)]
    [InlineData("2025-03-13 09:00", 4, false)]
    [InlineData("2025-03-13 18:00", 0, true)] // already late
    [InlineData("2025-03-10 09:00", 24, false)]
    public void An_application_will_be_late_when_its_due_is_within_the_warning_window(string now, int hours, bool expected)
    {
        Assert.Equal(expected, DueDateRules.WillBeLate(Parse(now), DueAt, TimeSpan.FromHours(hours)));
    }

    [Fact]
    public void The_warning_window_can_be_measured_in_working_time()
    {
        var now = Parse("2025-03-14 17:00");
        var due = Parse("2025-03-17 17:00"); // Monday: three days away, one working day

        Assert.False(DueDateRules.WillBeLate(now, due, TimeSpan.FromHours(8)));
        Assert.True(DueDateRules.WillBeLate(now, due, TimeSpan.FromHours(8), NoticeCalendar, WorkingHours.Default));
    }

    [Theory]
    [InlineData("2025-03-13 17:00", "2025-03-12 10:00", 2, "2025-03-17 17:00")] // from the current due (Thu): Fri, Mon
    [InlineData("2025-03-13 17:00", "2025-03-18 10:00", 1, "2025-03-19 17:00")] // already overdue: from today
    [InlineData("2025-04-29 17:00", "2025-04-28 10:00", 1, "2025-05-05 17:00")] // over 30 Apr – 2 May and the weekend
    public void An_extension_adds_working_days_to_the_later_of_the_due_and_now(string currentDue, string now, int days, string expected)
    {
        var proposed = DueDateRules.ProposeExtension(Parse(currentDue), days, Parse(now), NoticeCalendar, WorkingHours.Default);

        Assert.Equal(Parse(expected), proposed);
    }

    [Fact]
    public void An_extension_of_no_days_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DueDateRules.ProposeExtension(DueAt, 0, DueAt, NoticeCalendar, WorkingHours.Default));
    }
}
