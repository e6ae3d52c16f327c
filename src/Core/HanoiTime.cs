namespace HanoiWorkbench.Core;

/// <summary>
/// Hanoi's wall clock: UTC+7 all year (Vietnam has no daylight saving). Every conversion from an instant to a Hanoi
/// date or time of day goes through here, so the offset is written once.
/// </summary>
public static class HanoiTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The instant as Hanoi wall-clock time.</summary>
    public static DateTimeOffset ToHanoi(this DateTimeOffset at) => at.ToOffset(Offset);

    /// <summary>The Hanoi calendar date of the instant.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>Today in Hanoi by the given clock.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    /// <summary>Midnight at the start of a Hanoi date, as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);
}
