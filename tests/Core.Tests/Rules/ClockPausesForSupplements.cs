using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Rules;
using static HanoiWorkbench.Core.Tests.Calendar.CalendarFixtures;
using static HanoiWorkbench.Core.Tests.Rules.DueDateComputation;

namespace HanoiWorkbench.Core.Tests.Rules;

public class ClockPausesForSupplements
{
    private static readonly DateTimeOffset OriginalDue = Parse("2025-03-13 17:00"); // Thursday

    private static DateTimeOffset Extend(DateTimeOffset now, params (DateTimeOffset, DateTimeOffset?)[] pauses) =>
        DueDateRules.ExtendByPauses(OriginalDue, pauses, now, NoticeCalendar, WorkingHours.Default);

    [Fact]
    public void One_pause_moves_the_due_by_the_working_time_inside_it()
    {
        // Tue 10:00–15:00 = 2 h + 2 h of working time.
        var due = Extend(Parse("2025-03-12 09:00"), (Parse("2025-03-11 10:00"), Parse("2025-03-11 15:00")));

        Assert.Equal(Parse("2025-03-14 12:00"), due);
    }

    [Fact]
    public void Several_pauses_add_up()
    {
        var due = Extend(Parse("2025-03-13 10:00"),
            (Parse("2025-03-11 10:00"), Parse("2025-03-11 12:00")),  // 2 h
            (Parse("2025-03-12 14:00"), Parse("2025-03-13 09:00"))); // 3 h + 1 h

        Assert.Equal(Parse("2025-03-14 15:00"), due);
    }

    [Fact]
    public void An_open_pause_counts_up_to_now()
    {
        // Wed 13:00 → Fri 10:00 = 4 h + 8 h + 2 h = 14 h: Fri 8 h, then 6 h on Monday.
        var due = Extend(Parse("2025-03-14 10:00"), (Parse("2025-03-12 13:00"), null));

        Assert.Equal(Parse("2025-03-17 15:00"), due);
    }

    [Fact]
    public void Weekends_and_holidays_inside_a_pause_do_not_count()
    {
        var weekend = DueDateRules.PausedWorkingTime([(Parse("2025-03-14 16:00"), Parse("2025-03-17 09:00"))],
            Parse("2025-03-20 09:00"), NoticeCalendar, WorkingHours.Default);
        var holidays = DueDateRules.PausedWorkingTime([(Parse("2025-04-29 16:00"), Parse("2025-05-05 09:00"))],
            Parse("2025-05-06 09:00"), NoticeCalendar, WorkingHours.Default);

        Assert.Equal(TimeSpan.FromHours(2), weekend);
        Assert.Equal(TimeSpan.FromHours(2), holidays);
    }

    [Fact]
    public void Overlapping_pauses_count_once()
    {
        var due = Extend(Parse("2025-03-13 10:00"),
            (Parse("2025-03-11 08:00"), Parse("2025-03-11 12:00")),
            (Parse("2025-03-11 10:00"), Parse("2025-03-11 12:00")));

        Assert.Equal(Parse("2025-03-14 12:00"), due);
    }

    [Fact]
    public void A_pause_of_whole_working_days_moves_the_due_by_whole_days()
    {
        var due = Extend(Parse("2025-03-13 10:00"), (Parse("2025-03-10 17:00"), Parse("2025-03-12 17:00")));

        Assert.Equal(Parse("2025-03-17 17:00"), due);
    }

    [Fact]
    public void Without_pauses_the_due_is_unchanged()
    {
        Assert.Equal(OriginalDue, Extend(Parse("2025-03-12 09:00")));
    }
}
