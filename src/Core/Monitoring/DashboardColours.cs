namespace HanoiWorkbench.Core.Monitoring;

/// <summary>How a figure stands against its branch's target.</summary>
public enum TargetLevel
{
    /// <summary>Within the target (or nothing to judge).</summary>
    Ok = 0,
    /// <summary>Close to the target: at least <see cref="DashboardColours.WatchShare"/> of it.</summary>
    Watch = 1,
    /// <summary>Over the target.</summary>
    Over = 2,
}

/// <summary>The dashboard's colour of each figure against the branch's <see cref="AlertThresholds"/>: the same limits the
/// alerts use, so a red cell is what an alert would say. Figures without a target (due today, on-time rate) stay plain.</summary>
public sealed record FigureLevels(TargetLevel Waiting, TargetLevel LongestWait, TargetLevel OnDuty, TargetLevel PoolBacklog,
    TargetLevel Overdue, TargetLevel SatisfactionToday, TargetLevel SatisfactionMonth);

public static class DashboardColours
{
    /// <summary>Share of a limit from which a figure is shown as close to it.</summary>
    public const double WatchShare = 0.75;

    /// <param name="poolFairShare">The branch's fair share of the pool (the city's backlog ÷ the branches).</param>
    public static FigureLevels Of(BranchFigures f, AlertThresholds t, double poolFairShare)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(t);
        var waiting = f.Waiting == 0 ? TargetLevel.Ok
            : f.CountersOpen == 0 ? TargetLevel.Over
            : Against((double)f.Waiting / f.CountersOpen, t.WaitingPerOpenCounter);
        var longest = f.LongestWait is { } w ? Against(w.TotalMinutes, t.LongestWait.TotalMinutes) : TargetLevel.Ok;
        var duty = f.OnDuty >= f.Needed ? TargetLevel.Ok : f.OnDuty == 0 && f.Waiting > 0 ? TargetLevel.Over : TargetLevel.Watch;
        var pool = f.PoolBacklog == 0 ? TargetLevel.Ok : Against(f.PoolBacklog, Math.Max(1, poolFairShare) * t.PoolShareFactor);
        var overdue = f.Overdue > 0 ? TargetLevel.Over : TargetLevel.Ok;
        var today = f.RatingsToday >= t.MinimumRatings ? Floor(f.SatisfactionToday, t.SatisfactionFloor) : TargetLevel.Ok;
        return new(waiting, longest, duty, pool, overdue, today, Floor(f.SatisfactionMonth, t.SatisfactionFloor));
    }

    /// <summary>Over when above the limit, Watch from <see cref="WatchShare"/> of it.</summary>
    public static TargetLevel Against(double value, double limit) =>
        value > limit ? TargetLevel.Over : value >= limit * WatchShare ? TargetLevel.Watch : TargetLevel.Ok;

    /// <summary>A share that must stay at or above a floor: Over under it, Watch within 5 points above it.</summary>
    public static TargetLevel Floor(double? share, double floor) => share switch
    {
        null => TargetLevel.Ok,
        var s when s < floor => TargetLevel.Over,
        var s when s < floor + 0.05 => TargetLevel.Watch,
        _ => TargetLevel.Ok,
    };
}
