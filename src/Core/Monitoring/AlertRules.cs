namespace HanoiWorkbench.Core.Monitoring;

/// <summary>What a director is warned of before a branch is overwhelmed.</summary>
public enum AlertKind
{
    /// <summary>Someone has waited longer than the branch's target.</summary>
    LongestWaitOverTarget = 0,
    /// <summary>More people waiting per open counter than the branch can absorb.</summary>
    WaitingPerCounterOverLimit = 1,
    /// <summary>The number of overdue applications has risen by more than the limit within the window.</summary>
    OverdueRising = 2,
    /// <summary>During opening hours a service group has citizens waiting and no official serving it.</summary>
    ServiceGroupUnstaffed = 3,
    /// <summary>Today's satisfaction (enough ratings to mean something) is under the floor.</summary>
    SatisfactionLow = 4,
    /// <summary>The branch holds more of the work pool than its share of the city's capacity.</summary>
    PoolBacklogOverShare = 5,
}

/// <summary>One alert condition; <see cref="Subject"/> names the service group for group alerts, else empty.</summary>
public sealed record AlertKey(int BranchId, AlertKind Kind, string Subject = "");

/// <summary>The limits a director sets; <see cref="Default"/> are the documented defaults.</summary>
public sealed record AlertThresholds(
    TimeSpan LongestWait,
    double WaitingPerOpenCounter,
    int OverdueRise,
    TimeSpan OverdueWindow,
    double SatisfactionFloor,
    int MinimumRatings,
    double PoolShareFactor)
{
    /// <summary>30 min wait; 8 waiting per open counter; +5 overdue within 60 min; under 80 % satisfied with at least 10
    /// ratings; a pool backlog over 1.5× the branch's fair share.</summary>
    public static AlertThresholds Default { get; } = new(TimeSpan.FromMinutes(30), 8, 5, TimeSpan.FromMinutes(60), 0.8, 10, 1.5);
}

/// <summary>A reading of the overdue count at one moment, for <see cref="AlertKind.OverdueRising"/>.</summary>
public sealed record OverdueReading(DateTimeOffset At, int Overdue);

/// <summary>One service group of a branch now.</summary>
public sealed record GroupReading(string Letter, int Waiting, int OfficialsServing);

/// <summary>Everything the rules read of one branch at one moment.</summary>
public sealed record BranchReading(
    int BranchId,
    DateTimeOffset At,
    bool OpeningHours,
    TimeSpan? LongestWait,
    int Waiting,
    int OpenCounters,
    IReadOnlyList<GroupReading> Groups,
    IReadOnlyList<OverdueReading> OverdueHistory,
    int RatingsToday,
    int SatisfiedToday,
    int PoolBacklog,
    double PoolFairShare);

/// <summary>The alert rules: pure functions of a branch reading and the thresholds.</summary>
public static class AlertRules
{
    /// <summary>Every condition that holds now. Waiting with no counter open during opening hours counts as over the limit.</summary>
    public static IReadOnlySet<AlertKey> Active(BranchReading reading, AlertThresholds limits)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(limits);
        var active = new HashSet<AlertKey>();
        var id = reading.BranchId;
        if (reading.LongestWait > limits.LongestWait) active.Add(new(id, AlertKind.LongestWaitOverTarget));
        if (reading.Waiting > 0 && (reading.OpenCounters == 0
                ? reading.OpeningHours
                : (double)reading.Waiting / reading.OpenCounters > limits.WaitingPerOpenCounter))
            active.Add(new(id, AlertKind.WaitingPerCounterOverLimit));
        if (OverdueRise(reading, limits.OverdueWindow) > limits.OverdueRise) active.Add(new(id, AlertKind.OverdueRising));
        if (reading.OpeningHours)
            foreach (var group in reading.Groups.Where(g => g.Waiting > 0 && g.OfficialsServing == 0))
                active.Add(new(id, AlertKind.ServiceGroupUnstaffed, group.Letter));
        if (reading.RatingsToday >= limits.MinimumRatings && (double)reading.SatisfiedToday / reading.RatingsToday < limits.SatisfactionFloor)
            active.Add(new(id, AlertKind.SatisfactionLow));
        if (reading.PoolBacklog > 0 && reading.PoolBacklog > reading.PoolFairShare * limits.PoolShareFactor)
            active.Add(new(id, AlertKind.PoolBacklogOverShare));
        return active;
    }

    /// <summary>The reading of one dashboard row: the figures the projection keeps, with what the rules need beside them.</summary>
    /// <param name="overdueHistory">The overdue counts seen before (the evaluator keeps them); the row's count now is added.</param>
    /// <param name="poolFairShare">The city's open pool work ÷ the branches (the dashboard's fair share).</param>
    public static BranchReading Reading(BranchFigures row, DateTimeOffset at, bool openingHours, IReadOnlyList<GroupReading> groups,
        IReadOnlyList<OverdueReading> overdueHistory, double poolFairShare)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(overdueHistory);
        var satisfied = row.SatisfactionToday is { } share ? (int)Math.Round(share * row.RatingsToday) : 0;
        return new(row.BranchId, at, openingHours, row.LongestWait, row.Waiting, row.CountersOpen, groups,
            [.. overdueHistory, new OverdueReading(at, row.Overdue)], row.RatingsToday, satisfied, row.PoolBacklog, poolFairShare);
    }

    /// <summary>How much the overdue count rose within the window before the reading: now minus the lowest reading in the window.</summary>
    public static int OverdueRise(BranchReading reading, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var inWindow = reading.OverdueHistory.Where(r => r.At >= reading.At - window && r.At <= reading.At).ToList();
        if (inWindow.Count < 2) return 0;
        var latest = inWindow.MaxBy(r => r.At)!.Overdue;
        return latest - inWindow.Min(r => r.Overdue);
    }

    /// <summary>
    /// Episodes: an alert is raised when its condition starts to hold and not again while it keeps holding; it is
    /// cleared when the condition stops. Raised and cleared come from comparing the conditions before and now.
    /// </summary>
    public static (IReadOnlySet<AlertKey> Raised, IReadOnlySet<AlertKey> Cleared) Transition(IReadOnlySet<AlertKey> before, IReadOnlySet<AlertKey> now)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(now);
        return (now.Except(before).ToHashSet(), before.Except(now).ToHashSet());
    }

    /// <summary>The alert's text with its subject (a group letter) in place: what is stored and printed.</summary>
    public static string Describe(AlertKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, Template(key.Kind), key.Subject);
    }

    /// <summary>
    /// The alert's text as a template, {0} the subject: the key the UI translates (with the subject filled in after), so an
    /// alert about group A reads in English in English mode.
    /// </summary>
    public static string Template(AlertKind kind) => kind switch
    {
        AlertKind.LongestWaitOverTarget => "Thời gian chờ lâu nhất vượt mục tiêu",
        AlertKind.WaitingPerCounterOverLimit => "Quá nhiều người chờ trên mỗi quầy đang mở",
        AlertKind.OverdueRising => "Số hồ sơ quá hạn tăng nhanh",
        AlertKind.ServiceGroupUnstaffed => "Nhóm dịch vụ {0} có người chờ nhưng không có cán bộ",
        AlertKind.SatisfactionLow => "Mức hài lòng hôm nay dưới ngưỡng",
        _ => "Tồn đọng kho hồ sơ chung vượt phần của chi nhánh",
    };
}
