namespace HanoiWorkbench.Core.Calendar;

/// <summary>
/// The office hours of a working day: a morning and an afternoon period, and the cut-off after which a same-day
/// procedure is due the next working day. Defaults: 08:00–12:00, 13:00–17:00 (8 working hours), cut-off 15:00.
/// All times are Vietnam time (UTC+7). An administrator may configure other hours; the constructor refuses
/// periods that overlap or run backwards.
/// </summary>
public sealed record WorkingHours
{
    public WorkingHours()
        : this(new TimeOnly(8, 0), new TimeOnly(12, 0), new TimeOnly(13, 0), new TimeOnly(17, 0), new TimeOnly(15, 0))
    {
    }

    public WorkingHours(TimeOnly morningStart, TimeOnly morningEnd, TimeOnly afternoonStart, TimeOnly afternoonEnd, TimeOnly sameDayCutOff)
    {
        if (!(morningStart < morningEnd && morningEnd <= afternoonStart && afternoonStart < afternoonEnd))
            throw new ArgumentException("Giờ làm việc không hợp lệ: buổi sáng phải kết thúc trước buổi chiều và mỗi buổi phải bắt đầu trước khi kết thúc.");
        if (sameDayCutOff < morningStart || sameDayCutOff > afternoonEnd)
            throw new ArgumentOutOfRangeException(nameof(sameDayCutOff), sameDayCutOff, "Giờ chốt nhận hồ sơ trong ngày phải nằm trong giờ làm việc.");
        MorningStart = morningStart;
        MorningEnd = morningEnd;
        AfternoonStart = afternoonStart;
        AfternoonEnd = afternoonEnd;
        SameDayCutOff = sameDayCutOff;
    }

    public static WorkingHours Default { get; } = new();

    public TimeOnly MorningStart { get; }
    public TimeOnly MorningEnd { get; }
    public TimeOnly AfternoonStart { get; }
    public TimeOnly AfternoonEnd { get; }

    /// <summary>A same-day procedure received at or before this time on a working day is due the same day.</summary>
    public TimeOnly SameDayCutOff { get; }

    /// <summary>Working time in one working day (8 h by default).</summary>
    public TimeSpan PerDay => (MorningEnd - MorningStart) + (AfternoonEnd - AfternoonStart);

    /// <summary>The two periods of a working day, in order.</summary>
    public IReadOnlyList<(TimeOnly Start, TimeOnly End)> Periods => [(MorningStart, MorningEnd), (AfternoonStart, AfternoonEnd)];

    /// <summary>The moment in Vietnam time, as +07:00.</summary>
    public static DateTimeOffset ToVietnam(DateTimeOffset moment) => moment.ToHanoi();

    /// <summary>A Vietnam-time moment on a date.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), HanoiTime.Offset);
}
