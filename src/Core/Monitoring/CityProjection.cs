using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Staffing;

namespace HanoiWorkbench.Core.Monitoring;

/// <summary>The parts of a branch's figures that one kind of change can move; each is recounted on its own.</summary>
[Flags]
public enum CityFacets
{
    None = 0,
    /// <summary>Waiting tickets today and the oldest one's issue time (one branch).</summary>
    Queue = 1,
    /// <summary>Open counters (all branches: one small grouped read).</summary>
    Counters = 2,
    /// <summary>Who is on duty (all branches: staff move between branches and counters).</summary>
    Duty = 4,
    /// <summary>Open work-pool items queued at each branch (all branches: a claim or move names no branch).</summary>
    Pool = 8,
    /// <summary>Open applications' due dates, this month's completions and how many were on time (one branch).</summary>
    Applications = 16,
    /// <summary>Ratings today and this month (one branch).</summary>
    Ratings = 32,
    All = Queue | Counters | Duty | Pool | Applications | Ratings,
    /// <summary>The facets that are always read for every branch at once.</summary>
    CityWide = Counters | Duty | Pool,
}

public sealed record QueueFacet(int Waiting, DateTimeOffset? OldestIssuedAt);

/// <param name="OpenDueDates">Due dates of the branch's unfinished applications whose clock runs, ascending.</param>
public sealed record ApplicationFacet(IReadOnlyList<DateTimeOffset> OpenDueDates, int CompletedThisMonth, int OnTimeThisMonth)
{
    public static ApplicationFacet Empty { get; } = new([], 0, 0);

    public bool SameAs(ApplicationFacet other) => other is not null && CompletedThisMonth == other.CompletedThisMonth
        && OnTimeThisMonth == other.OnTimeThisMonth && OpenDueDates.SequenceEqual(other.OpenDueDates);
}

public sealed record RatingFacet(int Today, int SatisfiedToday, int Month, int SatisfiedMonth)
{
    public static RatingFacet Empty { get; } = new(0, 0, 0, 0);
}

/// <summary>What the projection keeps of one branch: facts, not the time-dependent figures (those come from
/// <see cref="CityProjection.Figures"/> at the moment of rendering, so a wait grows and a due date passes without an event).</summary>
/// <param name="Day">The Hanoi day the day-based facets (queue, today's ratings) are of.</param>
/// <param name="Needed">Officials the staffing advice asks for now; null where there is none (the counters open stand in).</param>
public sealed record BranchState(int BranchId, string Code, string Name, DateOnly Day, QueueFacet Queue, int CountersOpen,
    IReadOnlyList<DutyFacts> Duty, int PoolBacklog, ApplicationFacet Applications, RatingFacet Ratings, int? Needed = null);

/// <summary>Fresh counts of some facets of one branch; null = not recounted.</summary>
public sealed record BranchRecount(int BranchId, QueueFacet? Queue = null, int? CountersOpen = null, IReadOnlyList<DutyFacts>? Duty = null,
    int? PoolBacklog = null, ApplicationFacet? Applications = null, RatingFacet? Ratings = null);

/// <summary>One row of the city dashboard at one moment.</summary>
public sealed record BranchFigures(int BranchId, string Code, string Name, int Waiting, TimeSpan? LongestWait, int OnDuty, int Needed,
    int CountersOpen, int PoolBacklog, int DueToday, int Overdue, double? OnTimeRateMonth, double? SatisfactionToday,
    double? SatisfactionMonth, int RatingsToday);

/// <summary>Which branch (null = all) and facets an event asks to recount.</summary>
public sealed record RecountPlan(int? BranchId, CityFacets Facets);

/// <summary>
/// The pure part of the city projection: which facts an event can change, how fresh counts replace them, and the
/// dashboard's figures from the facts and the clock. Events are small (kind, branch, id, numbers); each names the facets its
/// change can move, and only those are recounted, for its branch where the facet is per branch.
/// </summary>
public static class CityProjection
{
    public static RecountPlan Plan(LiveEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Kind switch
        {
            LiveEventKind.TicketChanged => new(e.BranchId, CityFacets.Queue),
            LiveEventKind.CounterChanged or LiveEventKind.StaffAssigned => new(null, CityFacets.Counters | CityFacets.Duty),
            // Ratings count per branch: a citizen's rating is announced as RatingGiven of the branch it is counted for.
            LiveEventKind.ApplicationChanged => new(e.BranchId, CityFacets.Applications | CityFacets.Ratings),
            LiveEventKind.RatingGiven => new(e.BranchId, CityFacets.Ratings),
            LiveEventKind.WorkItemChanged => new(null, CityFacets.Pool | CityFacets.Duty),
            // Alerts are read from the projection, not kept in it.
            LiveEventKind.AlertChanged => new(e.BranchId, CityFacets.None),
            _ => new(null, CityFacets.All),
        };
    }

    /// <summary>The plans of a batch, merged: per branch the union of its facets; an all-branches facet once for all.</summary>
    public static IReadOnlyList<RecountPlan> Merge(IEnumerable<LiveEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var everyBranch = CityFacets.None;
        var perBranch = new Dictionary<int, CityFacets>();
        foreach (var plan in events.Select(Plan))
        {
            everyBranch |= plan.Facets & CityFacets.CityWide;
            var local = plan.Facets & ~CityFacets.CityWide;
            if (local == CityFacets.None) continue;
            if (plan.BranchId is int b) perBranch[b] = perBranch.GetValueOrDefault(b) | local;
            else everyBranch |= local;
        }
        var plans = new List<RecountPlan>();
        if (everyBranch != CityFacets.None) plans.Add(new(null, everyBranch));
        plans.AddRange(perBranch.Select(p => new RecountPlan(p.Key, p.Value & ~everyBranch))
            .Where(p => p.Facets != CityFacets.None).OrderBy(p => p.BranchId));
        return plans;
    }

    /// <summary>The state with the recounted facets replaced.</summary>
    public static BranchState Apply(BranchState state, BranchRecount recount)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(recount);
        if (recount.BranchId != state.BranchId) throw new ArgumentException("Số liệu đếm lại thuộc chi nhánh khác.", nameof(recount));
        return state with
        {
            Queue = recount.Queue ?? state.Queue,
            CountersOpen = recount.CountersOpen ?? state.CountersOpen,
            Duty = recount.Duty ?? state.Duty,
            PoolBacklog = recount.PoolBacklog ?? state.PoolBacklog,
            Applications = recount.Applications ?? state.Applications,
            Ratings = recount.Ratings ?? state.Ratings,
        };
    }

    /// <summary>The facets in which two states of one branch differ (empty: the same).</summary>
    public static CityFacets Differences(BranchState a, BranchState b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = CityFacets.None;
        if (a.Queue != b.Queue) d |= CityFacets.Queue;
        if (a.CountersOpen != b.CountersOpen) d |= CityFacets.Counters;
        if (!a.Duty.SequenceEqual(b.Duty)) d |= CityFacets.Duty;
        if (a.PoolBacklog != b.PoolBacklog) d |= CityFacets.Pool;
        if (!a.Applications.SameAs(b.Applications)) d |= CityFacets.Applications;
        if (a.Ratings != b.Ratings) d |= CityFacets.Ratings;
        return d;
    }

    /// <summary>
    /// The row at <paramref name="now"/>. Longest wait = now − the oldest waiting ticket's issue; overdue = running clocks
    /// past their due date; due today = due later today (Hanoi day); on-time rate = this month's completions that were
    /// not late; satisfaction = (very) satisfied ÷ ratings; needed = the larger of the staffing advice (else the counters open)
    /// and what the queue waiting now calls for at <paramref name="serviceTime"/> per citizen (<see cref="StaffingAdvice.NeededNow"/>,
    /// against <see cref="StaffingTarget.Default"/>).
    /// </summary>
    public static BranchFigures Figures(BranchState s, DateTimeOffset now, TimeSpan claimTimeout, TimeSpan serviceTime)
    {
        ArgumentNullException.ThrowIfNull(s);
        var dues = s.Applications.OpenDueDates;
        var overdue = CountBefore(dues, now);
        var dueToday = CountBefore(dues, HanoiTime.StartOf(HanoiTime.DateOf(now).AddDays(1))) - overdue;
        var wait = s.Queue.OldestIssuedAt is { } oldest ? (oldest > now ? TimeSpan.Zero : now - oldest) : (TimeSpan?)null;
        return new(s.BranchId, s.Code, s.Name, s.Queue.Waiting, s.Queue.Waiting > 0 ? wait : null,
            s.Duty.Count(d => OnDuty.Is(d, now, claimTimeout)),
            StaffingAdvice.NeededNow(s.Needed, s.CountersOpen, s.Queue.Waiting, serviceTime, StaffingTarget.Default), s.CountersOpen, s.PoolBacklog,
            dueToday, overdue, Share(s.Applications.OnTimeThisMonth, s.Applications.CompletedThisMonth),
            Share(s.Ratings.SatisfiedToday, s.Ratings.Today), Share(s.Ratings.SatisfiedMonth, s.Ratings.Month), s.Ratings.Today);
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>How many of the ascending <paramref name="sorted"/> are before <paramref name="at"/> (binary search).</summary>
    public static int CountBefore(IReadOnlyList<DateTimeOffset> sorted, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < at) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}

/// <summary>
/// The city sequence as one receiver saw it: every number up to <see cref="Contiguous"/> arrived, and the numbers above it
/// that came early. Numbers come out of order (an action's events are delivered when it ends), so a hole is a gap only
/// once it has stayed open past a grace period.
/// </summary>
public sealed record SequenceWatermark(long Contiguous, IReadOnlySet<long> Ahead, DateTimeOffset? HoleSince)
{
    public static SequenceWatermark At(long contiguous) => new(contiguous, new HashSet<long>(), null);

    public SequenceWatermark Observe(long number, DateTimeOffset at)
    {
        if (number <= Contiguous || Ahead.Contains(number)) return this;
        var ahead = new HashSet<long>(Ahead) { number };
        var contiguous = Contiguous;
        while (ahead.Remove(contiguous + 1)) contiguous++;
        return new(contiguous, ahead, ahead.Count == 0 ? null : HoleSince ?? at);
    }

    public long Highest => Ahead.Count == 0 ? Contiguous : Ahead.Max();

    /// <summary>True when a number has been missing for <paramref name="grace"/> or longer: it is lost, rebuild.</summary>
    public bool Lost(DateTimeOffset now, TimeSpan grace) => HoleSince is { } since && now - since >= grace;
}
