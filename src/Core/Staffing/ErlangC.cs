namespace HanoiWorkbench.Core.Staffing;

/// <summary>
/// The Erlang C queueing model (M/M/N): citizens arrive at random, wait in one line per service group and are
/// served by N interchangeable officials. It answers "how many officials does this hour need to call 80 % of
/// tickets within 15 minutes", the question contact centres have answered with it for a century.
/// </summary>
public static class ErlangC
{
    /// <summary>The offered traffic in erlangs: arrivals per hour × mean service time in hours.</summary>
    public static double TrafficIntensity(double arrivalsPerHour, TimeSpan meanServiceTime)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(arrivalsPerHour);
        return arrivalsPerHour * meanServiceTime.TotalHours;
    }

    /// <summary>
    /// The probability that an arriving citizen has to wait at all, with <paramref name="agents"/> officials and
    /// <paramref name="erlangs"/> of traffic. 1 when the officials cannot keep up (traffic ≥ agents): the line grows without end.
    /// </summary>
    public static double ProbabilityOfWaiting(int agents, double erlangs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(erlangs);
        if (erlangs == 0) return 0;
        if (agents <= erlangs) return 1;
        // Erlang B by its recursion, then C from B: the factorial form overflows past ~170 agents, this one never does.
        var blocking = 1.0;
        for (var n = 1; n <= agents; n++)
            blocking = erlangs * blocking / (n + erlangs * blocking);
        return agents * blocking / (agents - erlangs * (1 - blocking));
    }

    /// <summary>The share of citizens called within <paramref name="target"/>: 1 − P(wait) · e^(−(N − A) · t / service time).</summary>
    public static double ServiceLevel(int agents, double erlangs, TimeSpan meanServiceTime, TimeSpan target)
    {
        if (meanServiceTime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(meanServiceTime), "Thời gian phục vụ phải lớn hơn 0.");
        var waiting = ProbabilityOfWaiting(agents, erlangs);
        if (waiting >= 1) return 0;
        return 1 - waiting * Math.Exp(-(agents - erlangs) * target.TotalSeconds / meanServiceTime.TotalSeconds);
    }

    /// <summary>The mean wait of all citizens (those not waiting count as 0): P(wait) · service time / (N − A).</summary>
    public static TimeSpan? AverageWait(int agents, double erlangs, TimeSpan meanServiceTime)
    {
        if (agents <= erlangs) return null;
        return meanServiceTime * (ProbabilityOfWaiting(agents, erlangs) / (agents - erlangs));
    }

    /// <summary>
    /// The fewest officials that reach <paramref name="serviceLevel"/> (e.g. 0.8) within <paramref name="target"/>.
    /// No traffic needs nobody; any traffic needs at least one.
    /// </summary>
    public static int AgentsNeeded(double erlangs, TimeSpan meanServiceTime, TimeSpan target, double serviceLevel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(erlangs);
        if (serviceLevel is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(serviceLevel), "Mức phục vụ phải nằm giữa 0 và 1.");
        if (erlangs == 0) return 0;
        var agents = Math.Max(1, (int)Math.Floor(erlangs) + 1);
        while (ServiceLevel(agents, erlangs, meanServiceTime, target) < serviceLevel) agents++;
        return agents;
    }
}
