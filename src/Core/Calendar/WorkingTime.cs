namespace HanoiWorkbench.Core.Calendar;

/// <summary>
/// Arithmetic on working time: only the periods of <see cref="WorkingHours"/> on working days of a
/// <see cref="WorkingCalendar"/> count. Periods are half-open [start, end): 12:00 is outside the morning.
/// Results are in Vietnam time (+07:00).
/// </summary>
public static class WorkingTime
{
    /// <summary>The moment itself when it lies inside a working period, otherwise the start of the next working period.</summary>
    public static DateTimeOffset NextWorkingMoment(DateTimeOffset moment, WorkingCalendar calendar, WorkingHours hours)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(hours);
        var local = WorkingHours.ToVietnam(moment);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (calendar.IsWorkingDay(date))
        {
            foreach (var (start, end) in hours.Periods)
            {
                if (time < start) return WorkingHours.At(date, start);
                if (time < end) return local;
            }
        }
        return WorkingHours.At(calendar.NextWorkingDay(date), hours.MorningStart);
    }

    /// <summary>
    /// Whether the moment lies inside the office hours of a working day: what a reception outside them (06:45, lunch,
    /// a Sunday) is warned about, and why its clock starts at the next opening.
    /// </summary>
    public static bool IsWithinOfficeHours(DateTimeOffset moment, WorkingCalendar calendar, WorkingHours hours) =>
        NextWorkingMoment(moment, calendar, hours) == moment;

    /// <summary>
    /// What the clerk is told before receiving outside office hours (before opening, at lunch, after closing, on a day off),
    /// in Vietnamese, with the moment the clock will start from; null inside office hours. The clerk confirms to go on.
    /// </summary>
    public static string? OutsideOfficeHoursWarning(DateTimeOffset moment, WorkingCalendar calendar, WorkingHours hours)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(hours);
        var next = NextWorkingMoment(moment, calendar, hours);
        if (next == moment) return null;
        var local = WorkingHours.ToVietnam(moment);
        var date = DateOnly.FromDateTime(local.DateTime);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var when = calendar.DayOffReason(date) is { } dayOff
            ? $"Hôm nay ({date.ToString("dd/MM/yyyy", inv)}) là ngày nghỉ: {dayOff}."
            : $"Bây giờ là {local.ToString("HH:mm", inv)}, ngoài giờ làm việc của chi nhánh " +
              $"({hours.MorningStart.ToString("HH:mm", inv)}–{hours.MorningEnd.ToString("HH:mm", inv)}, " +
              $"{hours.AfternoonStart.ToString("HH:mm", inv)}–{hours.AfternoonEnd.ToString("HH:mm", inv)}).";
        return $"{when} Thời hạn giải quyết sẽ tính từ {next.ToString("HH:mm dd/MM/yyyy", inv)}.";
    }

    /// <summary>
    /// The moment when <paramref name="amount"/> of working time has passed after <paramref name="moment"/>. An amount that
    /// exactly fills a period ends at that period's end (08:00 + 4 h = 12:00, not 13:00). A zero amount returns the moment unchanged.
    /// </summary>
    public static DateTimeOffset Add(DateTimeOffset moment, TimeSpan amount, WorkingCalendar calendar, WorkingHours hours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        if (amount == TimeSpan.Zero) return WorkingHours.ToVietnam(moment);
        var remaining = amount;
        var current = NextWorkingMoment(moment, calendar, hours);
        while (true)
        {
            var date = DateOnly.FromDateTime(current.DateTime);
            var time = TimeOnly.FromDateTime(current.DateTime);
            var (_, end) = hours.Periods.First(p => time >= p.Start && time < p.End);
            var periodEnd = WorkingHours.At(date, end);
            var available = periodEnd - current;
            if (remaining <= available) return current + remaining;
            remaining -= available;
            current = NextWorkingMoment(periodEnd, calendar, hours);
        }
    }

    /// <summary>Working time inside [<paramref name="from"/>, <paramref name="to"/>); zero when <paramref name="to"/> is not later.</summary>
    public static TimeSpan Between(DateTimeOffset from, DateTimeOffset to, WorkingCalendar calendar, WorkingHours hours)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(hours);
        if (to <= from) return TimeSpan.Zero;
        var a = WorkingHours.ToVietnam(from);
        var b = WorkingHours.ToVietnam(to);
        var total = TimeSpan.Zero;
        for (var date = DateOnly.FromDateTime(a.DateTime); date <= DateOnly.FromDateTime(b.DateTime); date = date.AddDays(1))
        {
            if (!calendar.IsWorkingDay(date)) continue;
            foreach (var (start, end) in hours.Periods)
            {
                var s = Max(a, WorkingHours.At(date, start));
                var e = Min(b, WorkingHours.At(date, end));
                if (e > s) total += e - s;
            }
        }
        return total;
    }

    private static DateTimeOffset Max(DateTimeOffset x, DateTimeOffset y) => x >= y ? x : y;
    private static DateTimeOffset Min(DateTimeOffset x, DateTimeOffset y) => x <= y ? x : y;
}
