using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using static HanoiWorkbench.Core.Tests.Calendar.CalendarFixtures;
using static HanoiWorkbench.Core.Tests.Rules.DueDateComputation;

namespace HanoiWorkbench.Core.Tests.Rules;

/// <summary>docs/adr/0008-one-counting-rule.md as a table: the clock starts at the receipt or the next opening, only working time counts, a day is 8 hours.</summary>
public class OneCountingRule
{
    [Theory]
    // receipt (Vietnam time)    unit  N   pause (start/end)                      due
    // A day is 8 working hours, whether the procedure says days or hours.
    [InlineData("2025-03-10 09:00", "D", 1, "", "2025-03-11 09:00")] // Monday 09:00
    [InlineData("2025-03-10 09:00", "H", 8, "", "2025-03-11 09:00")]
    [InlineData("2025-03-10 08:00", "D", 1, "", "2025-03-10 17:00")] // at opening: the day's own working time
    [InlineData("2025-03-10 08:00", "H", 8, "", "2025-03-10 17:00")]
    [InlineData("2025-03-10 10:00", "D", 3, "", "2025-03-13 10:00")]
    // Late in the day, at lunch, before opening: the clock starts at the next opening.
    [InlineData("2025-03-10 16:30", "D", 1, "", "2025-03-11 16:30")]
    [InlineData("2025-03-10 12:30", "D", 1, "", "2025-03-11 12:00")]
    [InlineData("2025-03-10 07:30", "D", 1, "", "2025-03-10 17:00")]
    [InlineData("2025-03-14 18:30", "D", 1, "", "2025-03-17 17:00")] // Friday evening = Monday 08:00
    // A Saturday or Sunday reception is one at Monday's opening: the same due as Monday 08:00.
    [InlineData("2025-03-15 10:00", "D", 1, "", "2025-03-17 17:00")]
    [InlineData("2025-03-16 10:00", "H", 8, "", "2025-03-17 17:00")]
    [InlineData("2025-03-17 08:00", "D", 1, "", "2025-03-17 17:00")]
    // Holidays and the 2025 notices: 30 Apr – 2 May off, Sat 26 Apr worked.
    [InlineData("2025-04-29 16:00", "D", 2, "", "2025-05-06 16:00")]
    [InlineData("2025-04-30 09:00", "D", 1, "", "2025-05-05 17:00")] // received on a holiday
    [InlineData("2025-04-25 09:00", "D", 1, "", "2025-04-26 09:00")] // the working Saturday counts
    // 2025 Tết: off Sat 25 Jan – Sun 2 Feb; Mon 3 Feb (the computed make-up day) is worked.
    [InlineData("2025-01-24 09:00", "D", 2, "", "2025-02-04 09:00")]
    [InlineData("2025-02-01 10:00", "D", 1, "", "2025-02-03 17:00")]
    [InlineData("2025-01-29 10:00", "H", 4, "", "2025-02-03 12:00")]
    // 2026 New Year: off Thu 1 – Sun 4 Jan, Fri 2 Jan swapped with Sat 10 Jan, which is worked.
    [InlineData("2025-12-31 15:00", "D", 1, "", "2026-01-05 15:00")]
    [InlineData("2026-01-02 09:00", "H", 8, "", "2026-01-05 17:00")]
    [InlineData("2026-01-09 10:00", "D", 1, "", "2026-01-10 10:00")]
    // 2026 Tết (off 14 – 22 Feb) and Hùng Kings (Sun 26 Apr, made up Mon 27 Apr).
    [InlineData("2026-02-13 14:00", "D", 1, "", "2026-02-23 14:00")]
    [InlineData("2026-04-24 11:00", "D", 2, "", "2026-04-29 11:00")]
    // Same day: by 15:00 on a working day due that afternoon, else the end of the next working day.
    [InlineData("2025-03-10 15:00", "S", 0, "", "2025-03-10 17:00")]
    [InlineData("2025-03-10 15:01", "S", 0, "", "2025-03-11 17:00")]
    [InlineData("2025-03-10 06:45", "S", 0, "", "2025-03-10 17:00")]
    [InlineData("2025-03-15 09:00", "S", 0, "", "2025-03-17 17:00")] // Saturday
    [InlineData("2026-01-01 09:00", "S", 0, "", "2026-01-05 17:00")] // New Year's Day
    [InlineData("2026-01-09 15:30", "S", 0, "", "2026-01-10 17:00")] // Friday after 15:00 → the working Saturday
    [InlineData("2026-01-10 09:00", "S", 0, "", "2026-01-10 17:00")] // on the working Saturday itself
    // Supplement pauses: the clock resumes where it stopped (1 h ran, 7 h left from Wed 10:00).
    [InlineData("2025-03-10 09:00", "D", 1, "2025-03-10 10:00/2025-03-12 10:00", "2025-03-13 09:00")]
    [InlineData("2025-01-23 09:00", "H", 8, "2025-01-23 16:00/2025-02-03 10:00", "2025-02-03 12:00")] // across Tết
    public void The_due_is_working_time_from_the_start_of_the_clock(string receipt, string unit, int value, string pause, string due)
    {
        var kind = unit switch { "D" => ProcessingUnit.WorkingDays, "H" => ProcessingUnit.WorkingHours, _ => ProcessingUnit.SameDay };
        var computed = DueDateRules.ComputeDue(Parse(receipt), kind, value, NoticeCalendar, WorkingHours.Default);
        if (pause.Split('/') is [var start, var end])
            computed = DueDateRules.ExtendByPauses(computed, [(Parse(start), Parse(end))], Parse(end), NoticeCalendar, WorkingHours.Default);

        Assert.Equal(Parse(due), computed);
        Assert.Equal(TimeSpan.FromHours(7), computed.Offset);
    }

    [Fact]
    public void A_due_with_seconds_is_promised_as_the_next_whole_minute()
    {
        var receipt = new DateTimeOffset(2025, 3, 10, 9, 37, 45, TimeSpan.FromHours(7));

        Assert.Equal(Parse("2025-03-11 09:38"), DueDateRules.ComputeDue(receipt, ProcessingUnit.WorkingDays, 1, NoticeCalendar, WorkingHours.Default));
    }

    [Theory]
    [InlineData("2025-03-10 06:45", false)] // before opening
    [InlineData("2025-03-10 08:00", true)]
    [InlineData("2025-03-10 12:00", false)] // lunch
    [InlineData("2025-03-10 16:59", true)]
    [InlineData("2025-03-10 17:00", false)]
    [InlineData("2025-03-15 09:00", false)] // Saturday
    [InlineData("2026-01-10 09:00", true)]  // the working Saturday of the 2026 New Year notice
    [InlineData("2026-01-02 09:00", false)] // its swapped day off
    public void A_moment_is_within_office_hours_only_in_a_working_period_of_a_working_day(string moment, bool within)
    {
        Assert.Equal(within, WorkingTime.IsWithinOfficeHours(Parse(moment), NoticeCalendar, WorkingHours.Default));
    }

    [Fact]
    public void A_branch_with_other_office_hours_counts_its_own_day()
    {
        var hours = new WorkingHours(new TimeOnly(7, 30), new TimeOnly(11, 30), new TimeOnly(13, 30), new TimeOnly(17, 0), new TimeOnly(15, 0));

        var due = DueDateRules.ComputeDue(Parse("2025-03-10 07:00"), ProcessingUnit.WorkingDays, 1, NoticeCalendar, hours);

        Assert.Equal(TimeSpan.FromHours(7.5), hours.PerDay);
        Assert.Equal(Parse("2025-03-10 17:00"), due);
    }
}
