namespace HanoiWorkbench.Core.Monitoring;

/// <summary>An episode of one alert condition that has started and not ended. <see cref="CalmSince"/> is when the condition
/// last stopped holding (null while it holds).</summary>
public sealed record OpenEpisode(AlertKey Key, DateTimeOffset StartedAt, DateTimeOffset? CalmSince = null);

/// <summary>An episode that ended: its condition stopped holding at <see cref="EndedAt"/> and stayed calm since.</summary>
public sealed record EndedEpisode(AlertKey Key, DateTimeOffset StartedAt, DateTimeOffset EndedAt);

/// <summary>The episodes after one evaluation: what is open now, what started and what ended at it.</summary>
public sealed record EpisodeStep(IReadOnlyDictionary<AlertKey, OpenEpisode> Open, IReadOnlyList<OpenEpisode> Started, IReadOnlyList<EndedEpisode> Ended);

/// <summary>
/// Alerts by episode, not by event: an episode starts when a condition starts to hold, is not raised again while it keeps
/// holding, and ends when the condition has stopped holding for <see cref="Calm"/> without a break. A figure that hovers at
/// its limit (a wait of 30 then 31 then 30 minutes) is one episode, not one alert per flicker; a condition that stays calm
/// for <see cref="Calm"/> and comes back later is a new episode.
/// </summary>
public static class AlertEpisodes
{
    /// <summary>Ten minutes: longer than the time a counter takes to call the next two people (so a queue that drops under
    /// its limit by one ticket and rises again is the same crowd), shorter than the 30-minute default wait target (so a
    /// second crowd of the morning is a new alert).</summary>
    public static readonly TimeSpan Calm = TimeSpan.FromMinutes(10);

    /// <summary>The next step from the open episodes and the conditions that hold at <paramref name="now"/>, for the branches
    /// evaluated (<paramref name="branches"/>; open episodes of other branches are kept as they are).</summary>
    public static EpisodeStep Step(IReadOnlyDictionary<AlertKey, OpenEpisode> open, IReadOnlySet<AlertKey> holding,
        IReadOnlySet<int> branches, DateTimeOffset now, TimeSpan calm)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(holding);
        ArgumentNullException.ThrowIfNull(branches);
        var next = new Dictionary<AlertKey, OpenEpisode>();
        var started = new List<OpenEpisode>();
        var ended = new List<EndedEpisode>();
        foreach (var (key, episode) in open)
        {
            if (!branches.Contains(key.BranchId) || holding.Contains(key))
                next[key] = branches.Contains(key.BranchId) ? episode with { CalmSince = null } : episode;
            else if (episode.CalmSince is { } since && now - since >= calm)
                ended.Add(new EndedEpisode(key, episode.StartedAt, since));
            else
                next[key] = episode with { CalmSince = episode.CalmSince ?? now };
        }
        foreach (var key in holding.Where(k => branches.Contains(k.BranchId) && !open.ContainsKey(k)))
        {
            var episode = new OpenEpisode(key, now);
            next[key] = episode;
            started.Add(episode);
        }
        return new EpisodeStep(next, started.OrderBy(e => e.Key.BranchId).ThenBy(e => e.Key.Kind).ThenBy(e => e.Key.Subject, StringComparer.Ordinal).ToList(), ended);
    }
}
