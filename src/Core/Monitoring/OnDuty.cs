namespace HanoiWorkbench.Core.Monitoring;

/// <summary>What decides whether one official is on duty now.</summary>
/// <param name="SeatedAtOpenCounter">Signed in at a counter that is open.</param>
/// <param name="LastClaimTouch">The latest sign of life on a pool claim they hold (claimed or touched); null: none held.</param>
public sealed record DutyFacts(bool IsActive, bool SeatedAtOpenCounter, DateTimeOffset? LastClaimTouch);

/// <summary>
/// "On duty" (đang làm việc) for the city dashboard: an active official signed in at an open counter now, or holding a
/// pool claim now. A staff record alone is not on duty (at 06:50 with one counter open, one person is).
/// </summary>
public static class OnDuty
{
    /// <summary>A claim untouched for the pool's claim timeout is not held any more (the pool takes it back), so it does not
    /// make its holder on duty even before the maintenance job has returned it.</summary>
    public static bool Is(DutyFacts facts, DateTimeOffset now, TimeSpan claimTimeout)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!facts.IsActive) return false;
        return facts.SeatedAtOpenCounter || facts.LastClaimTouch is { } touched && now - touched < claimTimeout;
    }
}
