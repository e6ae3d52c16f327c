using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Rules;

/// <summary>The marks of the control slip (Form 6) for each step and for the application.</summary>
public enum TimelinessKind
{
    Early = 0,  // Trước hạn
    OnTime = 1, // Đúng hạn
    Late = 2,   // Quá hạn
}

/// <summary>
/// Due dates of applications as pure functions of the receipt moment, the procedure's processing time, the working
/// calendar and the office hours. Every result is in Vietnam time (+07:00), whatever offset the inputs carry.
/// </summary>
public static class DueDateRules
{
    /// <summary>
    /// The due moment of an application validly received at <paramref name="validReceiptAt"/>, by the one counting rule
    /// of docs/adr/0008-one-counting-rule.md.
    /// </summary>
    /// <remarks>
    /// The clock starts at the receipt, or at the next opening when the receipt falls outside the office hours (before
    /// opening, at lunch, after closing, on a day off); only working time counts after that.
    /// <list type="bullet">
    /// <item><see cref="ProcessingUnit.WorkingHours"/>: N hours of working time from the start of the clock.</item>
    /// <item><see cref="ProcessingUnit.WorkingDays"/>: N working days are N × <see cref="WorkingHours.PerDay"/> of working
    /// time, the same rule: 1 day received Monday 09:00 is due Tuesday 09:00, exactly as 8 hours; a Saturday receipt is
    /// counted as one at Monday's opening (1 day: Monday 17:00).</item>
    /// <item><see cref="ProcessingUnit.SameDay"/>: received on a working day at or before the cut-off (15:00 by default,
    /// also before opening), due at the end of that afternoon; otherwise at the end of the next working day.
    /// <paramref name="value"/> is ignored.</item>
    /// </list>
    /// </remarks>
    public static DateTimeOffset ComputeDue(DateTimeOffset validReceiptAt, ProcessingUnit unit, int value, WorkingCalendar calendar, WorkingHours hours)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(hours);
        var local = WorkingHours.ToVietnam(validReceiptAt);
        var date = DateOnly.FromDateTime(local.DateTime);
        switch (unit)
        {
            case ProcessingUnit.WorkingDays:
                ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
                return UpToTheMinute(WorkingTime.Add(local, hours.PerDay * value, calendar, hours));
            case ProcessingUnit.WorkingHours:
                ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
                return UpToTheMinute(WorkingTime.Add(local, TimeSpan.FromHours(value), calendar, hours));
            case ProcessingUnit.SameDay:
                var sameDay = calendar.IsWorkingDay(date) && TimeOnly.FromDateTime(local.DateTime) <= hours.SameDayCutOff;
                return WorkingHours.At(sameDay ? date : calendar.NextWorkingDay(date), hours.AfternoonEnd);
            default:
                throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown processing unit.");
        }
    }

    /// <summary>The receipt prints hours and minutes: a due with seconds is promised as the next whole minute, never earlier.</summary>
    private static DateTimeOffset UpToTheMinute(DateTimeOffset due)
    {
        var extra = due.Ticks % TimeSpan.TicksPerMinute;
        return extra == 0 ? due : due.AddTicks(TimeSpan.TicksPerMinute - extra);
    }

    /// <summary>
    /// The due moment after the clock stopped for supplement requests: <paramref name="originalDue"/> moved later by the
    /// working time inside the pauses. An open pause (no end) counts up to <paramref name="now"/>; overlapping pauses
    /// count once. Call it when a supplement is received, with all pauses of the application, on the due computed at receipt.
    /// </summary>
    public static DateTimeOffset ExtendByPauses(DateTimeOffset originalDue, IEnumerable<(DateTimeOffset Start, DateTimeOffset? End)> pauses,
        DateTimeOffset now, WorkingCalendar calendar, WorkingHours hours)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        var paused = PausedWorkingTime(pauses, now, calendar, hours);
        return WorkingTime.Add(originalDue, paused, calendar, hours);
    }

    /// <summary>Working time inside the pauses (overlaps merged, an open pause up to <paramref name="now"/>).</summary>
    public static TimeSpan PausedWorkingTime(IEnumerable<(DateTimeOffset Start, DateTimeOffset? End)> pauses, DateTimeOffset now,
        WorkingCalendar calendar, WorkingHours hours)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        var spans = pauses
            .Select(p => (p.Start, End: p.End ?? now))
            .Where(p => p.End > p.Start)
            .OrderBy(p => p.Start)
            .ToList();
        var total = TimeSpan.Zero;
        DateTimeOffset? runStart = null, runEnd = null;
        foreach (var (start, end) in spans)
        {
            if (runEnd is not null && start <= runEnd)
            {
                if (end > runEnd) runEnd = end;
                continue;
            }
            if (runStart is not null) total += WorkingTime.Between(runStart.Value, runEnd!.Value, calendar, hours);
            (runStart, runEnd) = (start, end);
        }
        if (runStart is not null) total += WorkingTime.Between(runStart.Value, runEnd!.Value, calendar, hours);
        return total;
    }

    /// <summary>
    /// Early when finished on a day before the due day (Vietnam time), on time when finished on the due day not after
    /// the due moment, late when finished after the due moment.
    /// </summary>
    public static TimelinessKind Classify(DateTimeOffset finishedAt, DateTimeOffset dueAt)
    {
        if (finishedAt > dueAt) return TimelinessKind.Late;
        var finishedDay = DateOnly.FromDateTime(WorkingHours.ToVietnam(finishedAt).DateTime);
        var dueDay = DateOnly.FromDateTime(WorkingHours.ToVietnam(dueAt).DateTime);
        return finishedDay < dueDay ? TimelinessKind.Early : TimelinessKind.OnTime;
    }

    /// <summary>The mark as printed on the control slip.</summary>
    public static string Label(TimelinessKind kind) => kind switch
    {
        TimelinessKind.Early => "Trước hạn",
        TimelinessKind.OnTime => "Đúng hạn",
        TimelinessKind.Late => "Quá hạn",
        _ => kind.ToString(),
    };

    /// <summary>
    /// True when the application is past due, or the due moment is at most <paramref name="warnWithin"/> (wall-clock time)
    /// away: the gate for the apology and extension letter.
    /// </summary>
    public static bool WillBeLate(DateTimeOffset now, DateTimeOffset dueAt, TimeSpan warnWithin) => dueAt - now <= warnWithin;

    /// <summary>
    /// As <see cref="WillBeLate(DateTimeOffset, DateTimeOffset, TimeSpan)"/>, measuring the time left in working time,
    /// so a Friday-evening check sees a Monday-evening due as one working day away, not three days.
    /// </summary>
    public static bool WillBeLate(DateTimeOffset now, DateTimeOffset dueAt, TimeSpan warnWithinWorkingTime, WorkingCalendar calendar, WorkingHours hours) =>
        now >= dueAt || WorkingTime.Between(now, dueAt, calendar, hours) <= warnWithinWorkingTime;

    /// <summary>
    /// The new appointment of an apology and extension letter: the end of the afternoon of the
    /// <paramref name="extraWorkingDays"/>-th working day after the current due date, or after today when the due date
    /// has already passed (a new date must lie in the future).
    /// </summary>
    public static DateTimeOffset ProposeExtension(DateTimeOffset currentDue, int extraWorkingDays, DateTimeOffset now, WorkingCalendar calendar, WorkingHours hours)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentOutOfRangeException.ThrowIfLessThan(extraWorkingDays, 1);
        var from = WorkingHours.ToVietnam(currentDue >= now ? currentDue : now);
        return WorkingHours.At(calendar.AddWorkingDays(DateOnly.FromDateTime(from.DateTime), extraWorkingDays), hours.AfternoonEnd);
    }
}
