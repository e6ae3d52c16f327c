namespace HanoiWorkbench.Core.Staffing;

/// <summary>What the branch promises: <see cref="ServiceLevel"/> of tickets called within <see cref="Within"/>.</summary>
public sealed record StaffingTarget(double ServiceLevel, TimeSpan Within)
{
    /// <summary>The center's default: 80 % of citizens called within 15 minutes.</summary>
    public static StaffingTarget Default { get; } = new(0.8, TimeSpan.FromMinutes(15));
}

/// <summary>One hour of the day: the traffic forecast and the officials it needs.</summary>
public sealed record HourlyNeed(int Hour, double ArrivalsPerHour, double Erlangs, int Needed);

/// <summary>Need against have for one service group (or one branch).</summary>
public sealed record StaffingGap<TKey>(TKey Key, int Needed, int Have)
{
    public int Shortage => Math.Max(0, Needed - Have);
    public int Slack => Math.Max(0, Have - Needed);
}

/// <summary>A concrete move: <see cref="Count"/> officials from a group or branch with slack to one that is short.</summary>
public sealed record StaffingMove<TKey>(TKey From, TKey To, int Count);

/// <summary>Staffing advice for the branch board: forecast, need per hour, and the moves that close the gaps.</summary>
public static class StaffingAdvice
{
    /// <summary>How many past weeks the forecast averages over.</summary>
    public const int ForecastWeeks = 4;

    /// <summary>
    /// Arrivals per hour of the day for <paramref name="day"/>, forecast from the tickets issued on the same weekday
    /// in each of the <see cref="ForecastWeeks"/> weeks before it: the mean count per hour over those weeks.
    /// Times are Hanoi wall-clock times. A week with no ticket at all counts as a zero week (a quiet day is data too).
    /// </summary>
    public static IReadOnlyList<double> ForecastArrivals(IEnumerable<DateTime> ticketsIssued, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(ticketsIssued);
        var counts = new int[24];
        var sameWeekdays = Enumerable.Range(1, ForecastWeeks).Select(w => day.AddDays(-7 * w)).ToHashSet();
        foreach (var issued in ticketsIssued)
            if (sameWeekdays.Contains(DateOnly.FromDateTime(issued))) counts[issued.Hour]++;
        return counts.Select(c => (double)c / ForecastWeeks).ToList();
    }

    /// <summary>The officials needed in each hour from <paramref name="fromHour"/> up to (not including) <paramref name="toHour"/>.</summary>
    public static IReadOnlyList<HourlyNeed> NeedPerHour(IReadOnlyList<double> arrivalsPerHour, TimeSpan meanServiceTime,
        StaffingTarget target, int fromHour, int toHour)
    {
        ArgumentNullException.ThrowIfNull(arrivalsPerHour);
        ArgumentNullException.ThrowIfNull(target);
        if (fromHour < 0 || toHour > arrivalsPerHour.Count || fromHour > toHour)
            throw new ArgumentOutOfRangeException(nameof(fromHour), "Khoảng giờ không hợp lệ.");
        return Enumerable.Range(fromHour, toHour - fromHour).Select(hour =>
        {
            var erlangs = ErlangC.TrafficIntensity(arrivalsPerHour[hour], meanServiceTime);
            return new HourlyNeed(hour, arrivalsPerHour[hour], erlangs,
                ErlangC.AgentsNeeded(erlangs, meanServiceTime, target.Within, target.ServiceLevel));
        }).ToList();
    }

    /// <summary>
    /// Officials needed to call everyone waiting now within the target's wait, each service taking
    /// <paramref name="meanServiceTime"/>: ⌈waiting × service ÷ wait⌉ (9 waiting at 8 min within 15 min: 5). 0 when nobody waits.
    /// The forecast looks at past weeks; this looks at the queue in front of the branch today.
    /// </summary>
    public static int NeededForQueue(int waiting, TimeSpan meanServiceTime, StaffingTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfNegative(waiting);
        if (meanServiceTime <= TimeSpan.Zero || target.Within <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(meanServiceTime), "Thời gian phục vụ và thời gian chờ mục tiêu phải lớn hơn 0.");
        return waiting == 0 ? 0 : (int)Math.Ceiling(waiting * meanServiceTime.TotalMinutes / target.Within.TotalMinutes - 1e-9);
    }

    /// <summary>
    /// Officials needed now: the larger of the forecast for this hour (<paramref name="forecast"/>; the counters open where
    /// there is none) and what the queue waiting now calls for (<see cref="NeededForQueue"/>), so a burst the history did
    /// not predict never reads "needs 0" beside a long queue.
    /// </summary>
    public static int NeededNow(int? forecast, int countersOpen, int waiting, TimeSpan meanServiceTime, StaffingTarget target) =>
        Math.Max(forecast ?? countersOpen, NeededForQueue(waiting, meanServiceTime, target));

    /// <summary>
    /// Moves that close the shortages from the slack: the largest shortage is served first, from the largest slack,
    /// and nobody is taken from a group that would then fall short. What cannot be covered stays uncovered.
    /// </summary>
    public static IReadOnlyList<StaffingMove<TKey>> SuggestMoves<TKey>(IEnumerable<StaffingGap<TKey>> gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        var list = gaps.ToList();
        var slack = list.Where(g => g.Slack > 0).ToDictionary(g => g, g => g.Slack);
        var moves = new List<StaffingMove<TKey>>();
        foreach (var shortGroup in list.Where(g => g.Shortage > 0).OrderByDescending(g => g.Shortage))
        {
            var missing = shortGroup.Shortage;
            foreach (var donor in slack.Keys.OrderByDescending(d => slack[d]).ToList())
            {
                if (missing == 0) break;
                var count = Math.Min(missing, slack[donor]);
                if (count == 0) continue;
                moves.Add(new StaffingMove<TKey>(donor.Key, shortGroup.Key, count));
                slack[donor] -= count;
                missing -= count;
            }
        }
        return moves;
    }
}
