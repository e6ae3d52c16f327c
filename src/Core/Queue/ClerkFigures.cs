using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Queue;

/// <summary>The times of one ticket a clerk called, projected from the database.</summary>
public sealed record ClerkTicketTimes(
    DateTimeOffset IssuedAt,
    DateTimeOffset? CalledAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    TicketStatus Status)
{
    public static ClerkTicketTimes From(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new(ticket.IssuedAt, ticket.CalledAt, ticket.StartedAt, ticket.FinishedAt, ticket.Status);
    }
}

/// <summary>A clerk's figures for one day; averages are null when there is nothing to average.</summary>
public sealed record ClerkDayFigures(int Served, int NoShows, TimeSpan? AverageWait, TimeSpan? AverageServiceTime, TimeSpan IdleTime);

/// <summary>A clerk's productivity for today: served, no-shows, wait, service and idle time (the figures Qmatic users ask for).</summary>
public static class ClerkFigures
{
    /// <summary>
    /// Figures over the tickets the clerk called today (service day in Vietnam time, calls up to <paramref name="now"/>).
    /// Wait is issue → call of every called ticket, no-shows included; service time is start → finish of finished tickets.
    /// Idle time is the gaps between one ticket's end and the next call, not the time before the first call or
    /// after the last one; a ticket still at the counter keeps the clerk busy until now. A ticket parked or
    /// transferred away has no recorded end, so it counts as busy for no time at all and its span shows as idle.
    /// </summary>
    public static ClerkDayFigures For(IEnumerable<ClerkTicketTimes> tickets, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var today = TicketNumbering.ServiceDay(now);
        var called = tickets
            .Where(t => t.CalledAt is { } c && c <= now && TicketNumbering.ServiceDay(c) == today)
            .ToList();

        var served = called.Count(t => t.Status == TicketStatus.Finished);
        var noShows = called.Count(t => t.Status == TicketStatus.NoShow);
        var waits = called.Select(t => t.CalledAt!.Value - t.IssuedAt).ToList();
        var services = called
            .Where(t => t.Status == TicketStatus.Finished && t.StartedAt is not null && t.FinishedAt is not null)
            .Select(t => t.FinishedAt!.Value - t.StartedAt!.Value)
            .ToList();

        return new(served, noShows, Average(waits), Average(services), Idle(called, now));
    }

    private static TimeSpan? Average(List<TimeSpan> spans) =>
        spans.Count == 0 ? null : TimeSpan.FromTicks(spans.Sum(s => s.Ticks) / spans.Count);

    /// <summary>The idle part of <see cref="For"/>, for tickets already known to be called that day (the report sums it per day).</summary>
    public static TimeSpan Idle(IReadOnlyList<ClerkTicketTimes> called, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(called);
        var busy = called
            .Select(t => (Start: t.CalledAt!.Value, End: BusyUntil(t, now)))
            .OrderBy(b => b.Start)
            .ToList();
        var idle = TimeSpan.Zero;
        DateTimeOffset? busyUntil = null;
        foreach (var (start, end) in busy)
        {
            if (busyUntil is { } until && start > until) idle += start - until;
            if (busyUntil is null || end > busyUntil) busyUntil = end;
        }
        return idle;
    }

    private static DateTimeOffset BusyUntil(ClerkTicketTimes t, DateTimeOffset now) => t switch
    {
        { FinishedAt: { } finished } => finished < t.CalledAt!.Value ? t.CalledAt.Value : finished,
        { Status: TicketStatus.Called or TicketStatus.Serving } => now,
        _ => t.CalledAt!.Value,
    };
}
