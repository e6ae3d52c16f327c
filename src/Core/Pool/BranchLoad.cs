using HanoiWorkbench.Core.Calendar;

namespace HanoiWorkbench.Core.Pool;

/// <summary>A branch as the routing rule sees it now: where it is, work queued for it, staffed time left today, skills present.</summary>
/// <param name="Skills">Procedure fields held by at least one active member of staff now at the branch.</param>
public sealed record BranchCapacity(int BranchId, string Name, GeoPoint Location, TimeSpan QueuedWork, TimeSpan StaffedLeft,
    IReadOnlySet<int> Skills)
{
    /// <summary>Hours queued ÷ staffed hours left; infinite when no staffed time is left today and work is queued.</summary>
    public double Load => BranchLoad.Ratio(QueuedWork, StaffedLeft);
    public TimeSpan Spare => StaffedLeft - QueuedWork;
}

/// <summary>Branch load = hours of work queued for the branch ÷ staffed hours left today.</summary>
public static class BranchLoad
{
    public static double Ratio(TimeSpan queued, TimeSpan staffedLeft)
    {
        if (queued <= TimeSpan.Zero) return 0;
        return staffedLeft <= TimeSpan.Zero ? double.PositiveInfinity : queued / staffedLeft;
    }

    /// <summary>
    /// Working time left today at one branch for one person: the office periods of <paramref name="hours"/> cut to the branch's
    /// opening hours, from <paramref name="now"/> (Vietnam time) on; zero on a day off.
    /// </summary>
    public static TimeSpan TimeLeftToday(DateTimeOffset now, TimeOnly opensAt, TimeOnly closesAt, WorkingHours hours, bool isWorkingDay)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (!isWorkingDay) return TimeSpan.Zero;
        var local = TimeOnly.FromDateTime(WorkingHours.ToVietnam(now).DateTime);
        var left = TimeSpan.Zero;
        foreach (var (start, end) in hours.Periods)
        {
            var s = Max(Max(start, opensAt), local);
            var e = Min(end, closesAt);
            if (e > s) left += e - s;
        }
        return left;
    }

    /// <summary>Staffed hours left today: <see cref="TimeLeftToday"/> × the people now at the branch.</summary>
    public static TimeSpan StaffedLeft(DateTimeOffset now, TimeOnly opensAt, TimeOnly closesAt, WorkingHours hours, bool isWorkingDay, int staffPresent) =>
        staffPresent <= 0 ? TimeSpan.Zero : TimeLeftToday(now, opensAt, closesAt, hours, isWorkingDay) * staffPresent;

    private static TimeOnly Max(TimeOnly a, TimeOnly b) => a >= b ? a : b;
    private static TimeOnly Min(TimeOnly a, TimeOnly b) => a <= b ? a : b;
}
