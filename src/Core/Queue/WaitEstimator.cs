namespace HanoiWorkbench.Core.Queue;

/// <summary>
/// The wait a citizen can expect: the typical recent service time × people ahead ÷ open counters.
/// The kiosk shows it before a ticket is taken and the lobby display per service group.
/// </summary>
public static class WaitEstimator
{
    /// <summary>The estimated wait, or null when no open counter serves the group (the wait is unknown, not zero).</summary>
    /// <param name="recentServiceTimes">Service times of the group's recent tickets, oldest first; only the last <see cref="QueuePolicy.RecentServiceTimeWindow"/> count.</param>
    public static TimeSpan? Estimate(int peopleAhead, IReadOnlyList<TimeSpan> recentServiceTimes, int openCountersServingGroup, QueuePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(recentServiceTimes);
        ArgumentNullException.ThrowIfNull(policy);
        if (openCountersServingGroup < 1) return null;
        if (peopleAhead < 1) return TimeSpan.Zero;
        return TypicalServiceTime(recentServiceTimes, policy) * peopleAhead / openCountersServingGroup;
    }

    /// <summary>
    /// The median of the recent service times, or the policy's fallback when there are none.
    /// A median, not a mean: one 50-minute land dossier must not make the kiosk promise an hour to everyone.
    /// Zero or negative durations (clock errors, a finish pressed twice) are ignored.
    /// </summary>
    public static TimeSpan TypicalServiceTime(IReadOnlyList<TimeSpan> recentServiceTimes, QueuePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(recentServiceTimes);
        ArgumentNullException.ThrowIfNull(policy);
        var window = recentServiceTimes
            .Skip(Math.Max(0, recentServiceTimes.Count - policy.RecentServiceTimeWindow))
            .Where(t => t > TimeSpan.Zero)
            .Order()
            .ToList();
        if (window.Count == 0) return policy.ServiceTimeFallback;
        var middle = window.Count / 2;
        return window.Count % 2 == 1 ? window[middle] : (window[middle - 1] + window[middle]) / 2;
    }

    /// <summary>The estimate as the kiosk and lobby display word it, rounded up to the minute.</summary>
    public static string Describe(TimeSpan? estimate)
    {
        if (estimate is not { } wait) return "Chưa có quầy phục vụ";
        var minutes = (int)Math.Ceiling(wait.TotalMinutes);
        if (minutes < 1) return "Không phải chờ";
        if (minutes < 60) return $"Khoảng {minutes} phút";
        var (hours, rest) = Math.DivRem(minutes, 60);
        return rest == 0 ? $"Khoảng {hours} giờ" : $"Khoảng {hours} giờ {rest} phút";
    }
}
