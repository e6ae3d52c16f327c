using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Pool;

namespace HanoiWorkbench.Core.Tests.Pool;

public sealed class TakeNextFollowsSkillThenSlackThenAge
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly PoolPolicy Policy = PoolPolicy.Default with { OtherBranchPenaltyMinutes = 60 };

    // id, field, branch, due in minutes from now, created minutes ago, effort minutes
    private static PoolCandidate C(long id, int field, int branch, int dueIn, int createdAgo, int effort = 30) =>
        new(id, field, branch, Now.AddMinutes(dueIn), Now.AddMinutes(-createdAgo), TimeSpan.FromMinutes(effort), 0);

    public static TheoryData<string, PoolCandidate[], long?> Cases => new()
    {
        { "no item of my skill", [C(1, 9, 1, 60, 0)], null },
        { "only the skilled item", [C(1, 9, 1, 10, 0), C(2, 1, 1, 600, 0)], 2 },
        { "least slack first", [C(1, 1, 1, 600, 50), C(2, 1, 1, 120, 0)], 2 },
        { "slack counts the effort", [C(1, 1, 1, 100, 0, effort: 10), C(2, 1, 1, 120, 0, effort: 60)], 2 },
        { "equal slack: the oldest", [C(1, 1, 1, 120, 5), C(2, 1, 1, 120, 30)], 2 },
        { "equal slack and age: the lower id", [C(7, 1, 1, 120, 5), C(3, 1, 1, 120, 5)], 3 },
        { "another branch's item waits an hour more", [C(1, 1, 2, 100, 0), C(2, 1, 1, 150, 0)], 2 },
        { "another branch's much more urgent item wins", [C(1, 1, 2, 30, 0), C(2, 1, 1, 150, 0)], 1 },
        { "overdue items come first", [C(1, 1, 1, -30, 0), C(2, 1, 1, 5, 0)], 1 },
        { "second skill counts too", [C(1, 2, 1, 60, 0), C(2, 1, 1, 90, 0)], 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_rule_picks(string because, PoolCandidate[] open, long? expected)
    {
        var clerk = new Claimer(10, BranchId: 1, Skills: new HashSet<int> { 1, 2 });
        Assert.True(expected == RoutingRules.ChooseNext(open, clerk, Policy)?.Id, because);
    }

    [Fact]
    public void Slack_is_due_minus_now_minus_effort() =>
        Assert.Equal(TimeSpan.FromMinutes(90), RoutingRules.Slack(C(1, 1, 1, 120, 0, effort: 30), Now));
}

public sealed class NewWorkGoesToTheBranchWithMostSpareCapacity
{
    private static readonly GeoPoint Centre = new(21.03, 105.85);
    private static BranchCapacity B(int id, double queuedH, double leftH, double kmEast = 0, params int[] skills) =>
        new(id, $"B{id}", new GeoPoint(21.03, 105.85 + (kmEast / 104.0)), TimeSpan.FromHours(queuedH), TimeSpan.FromHours(leftH),
            (skills.Length == 0 ? [1] : skills).ToHashSet());

    public static TheoryData<string, BranchCapacity[], PoolPolicy, int?> Cases => new()
    {
        { "most spare hours", [B(1, 10, 12), B(2, 2, 12), B(3, 0, 4)], PoolPolicy.Default with { DistanceWeight = 0 }, 2 },
        { "only branches with the skill present", [B(1, 0, 40, 0, 7), B(2, 9, 10)], PoolPolicy.Default with { DistanceWeight = 0 }, 2 },
        { "nobody has the skill", [B(1, 0, 40, 0, 7)], PoolPolicy.Default, null },
        { "distance weighs against spare hours", [B(1, 0, 10, 40), B(2, 0, 8, 1)], PoolPolicy.Default with { DistanceWeight = 0.2 }, 2 },
        { "a far branch with much more room still wins", [B(1, 0, 30, 20), B(2, 0, 8, 1)], PoolPolicy.Default with { DistanceWeight = 0.2 }, 1 },
        { "tie: lower load", [B(1, 4, 8), B(2, 8, 12)], PoolPolicy.Default with { DistanceWeight = 0 }, 1 },
        { "tie in everything: lower id", [B(2, 4, 8), B(1, 4, 8)], PoolPolicy.Default with { DistanceWeight = 0 }, 1 },
        { "after hours: least queued", [B(1, 3, 0), B(2, 1, 0)], PoolPolicy.Default with { DistanceWeight = 0 }, 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_rule_picks(string because, BranchCapacity[] branches, PoolPolicy policy, int? expected) =>
        Assert.True(expected == RoutingRules.ChooseBranch(branches, 1, Centre, policy)?.BranchId, because);

    [Fact]
    public void Overflow_moves_the_latest_work_off_an_overloaded_branch_until_it_is_under_the_threshold()
    {
        var policy = PoolPolicy.Default with { OverflowThreshold = 1.0, DistanceWeight = 0 };
        var start = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7));
        BranchCapacity[] branches = [B(1, 4, 2), B(2, 0, 3), B(3, 0, 0)];
        var items = Enumerable.Range(1, 4).Select(i => new QueuedItem(i, 1, 1, null, start.AddHours(i), TimeSpan.FromHours(1))).ToList();

        var moves = RoutingRules.PlanOverflow(branches, items, policy);

        // 4 h queued on 2 h staffed: two must leave; the latest (4, 3) go; branch 2 takes up to its 3 h; branch 3 has no one.
        Assert.Equal([new OverflowMove(4, 1, 2), new OverflowMove(3, 1, 2)], moves);
    }

    [Fact]
    public void Overflow_leaves_work_no_one_else_can_take()
    {
        var policy = PoolPolicy.Default with { OverflowThreshold = 1.0 };
        var items = new[] { new QueuedItem(1, 5, 1, null, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(3)) };
        Assert.Empty(RoutingRules.PlanOverflow([B(1, 3, 1, 0, 5), B(2, 0, 8)], items, policy));
    }
}

public sealed class BranchLoadIsQueuedHoursOverStaffedHoursLeft
{
    private static DateTimeOffset At(int h, int m = 0) => new(2026, 3, 10, h, m, 0, TimeSpan.FromHours(7));

    public static TheoryData<string, DateTimeOffset, TimeOnly, TimeOnly, bool, double> TimeLeft => new()
    {
        { "before opening: the whole day", At(7), new(8, 0), new(17, 0), true, 8 },
        { "mid-morning", At(10), new(8, 0), new(17, 0), true, 6 },
        { "lunch break", At(12, 30), new(8, 0), new(17, 0), true, 4 },
        { "branch closes at 16:00", At(13), new(8, 0), new(16, 0), true, 3 },
        { "branch opens at 7:30 (office hours still from 8)", At(7), new(7, 30), new(17, 0), true, 8 },
        { "after closing", At(17, 30), new(8, 0), new(17, 0), true, 0 },
        { "day off", At(9), new(8, 0), new(17, 0), false, 0 },
    };

    [Theory]
    [MemberData(nameof(TimeLeft))]
    public void Time_left_today(string because, DateTimeOffset now, TimeOnly opens, TimeOnly closes, bool working, double hours) =>
        Assert.True(TimeSpan.FromHours(hours) == BranchLoad.TimeLeftToday(now, opens, closes, WorkingHours.Default, working), because);

    [Theory]
    [InlineData(6, 3, 4, 0.5)]   // 6 h over 3 people × 4 h
    [InlineData(0, 0, 4, 0)]     // nothing queued, nobody there
    [InlineData(12, 2, 3, 2)]
    public void Load_ratio(double queuedHours, int staff, double hoursLeftEach, double expected)
    {
        var left = TimeSpan.FromHours(hoursLeftEach) * staff;
        Assert.Equal(expected, BranchLoad.Ratio(TimeSpan.FromHours(queuedHours), left), 6);
    }

    [Fact]
    public void Work_queued_where_nobody_is_left_is_infinitely_loaded() =>
        Assert.Equal(double.PositiveInfinity, BranchLoad.Ratio(TimeSpan.FromHours(1), TimeSpan.Zero));

    [Fact]
    public void Staffed_hours_multiply_by_the_people_present() =>
        Assert.Equal(TimeSpan.FromHours(18), BranchLoad.StaffedLeft(At(10), new(8, 0), new(17, 0), WorkingHours.Default, true, 3));
}

public sealed class TravelAndTheThirtyMinuteFiveKmPromise
{
    [Fact]
    public void Haversine_between_Hoan_Kiem_and_Ha_Dong_is_about_ten_km()
    {
        var km = TravelEstimate.DistanceKm(new GeoPoint(21.0282, 105.8502), new GeoPoint(20.9714, 105.7788));
        Assert.InRange(km, 9.5, 10.0);
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(5, 21, true)]   // 5 km × 1.4 ÷ 20 km/h = 21 min
    [InlineData(7, 29.4, true)] // beyond 5 km, but under 30 minutes
    [InlineData(8, 33.6, false)]
    public void Travel_time_and_promise(double km, double minutes, bool keeps)
    {
        var travel = TravelEstimate.Travel(km);
        Assert.Equal(minutes, travel.TotalMinutes, 6);
        Assert.Equal(keeps, TravelEstimate.KeepsPromise(km, travel));
    }

    [Fact]
    public void Branches_rank_by_travel_plus_wait_and_unknown_waits_go_last()
    {
        var here = new GeoPoint(21.03, 105.85);
        BranchOption O(int id, double kmEast, int? waitMin) => new(id, $"B{id}", $"B{id}", "", new GeoPoint(21.03, 105.85 + (kmEast / 104.0)),
            waitMin is null ? null : TimeSpan.FromMinutes(waitMin.Value), 0);
        var ranked = WhereToGo.Rank(here, [O(1, 1, 60), O(2, 6, 5), O(3, 0.5, null), O(4, 3, 10)]);
        Assert.Equal([4, 2, 1, 3], ranked.Select(r => r.Branch.BranchId));
        Assert.Null(ranked[^1].Total);
    }
}

public sealed class PoolPolicyIsValidatedPerField
{
    [Fact]
    public void The_default_is_valid() => Assert.Empty(PoolPolicy.Default.Validate());

    [Theory]
    [InlineData(nameof(PoolPolicy.ClaimTimeoutMinutes))]
    [InlineData(nameof(PoolPolicy.OverflowThreshold))]
    [InlineData(nameof(PoolPolicy.DistanceWeight))]
    public void Out_of_range_values_are_named(string field)
    {
        var bad = field switch
        {
            nameof(PoolPolicy.ClaimTimeoutMinutes) => PoolPolicy.Default with { ClaimTimeoutMinutes = 1 },
            nameof(PoolPolicy.OverflowThreshold) => PoolPolicy.Default with { OverflowThreshold = 9 },
            _ => PoolPolicy.Default with { DistanceWeight = -1 },
        };
        Assert.Equal([field], bad.Validate().Keys);
    }

    [Fact]
    public void Both_weights_zero_is_refused() =>
        Assert.Contains(nameof(PoolPolicy.CapacityWeight), (PoolPolicy.Default with { CapacityWeight = 0, DistanceWeight = 0 }).Validate().Keys);
}

public sealed class OnePersonHoldsAtMostTheConfiguredNumberOfClaims
{
    [Theory]
    [InlineData(5, 0, true)]
    [InlineData(5, 4, true)]
    [InlineData(5, 5, false)]
    [InlineData(1, 1, false)]
    [InlineData(2, 1, true)]
    public void One_more_claim_is_allowed_below_the_limit(int limit, int held, bool allowed)
    {
        var refusal = (PoolPolicy.Default with { MaxClaimsPerClerk = limit }).ClaimLimitRefusal(held);

        Assert.Equal(allowed, refusal is null);
        if (!allowed) Assert.Contains($"tối đa {limit} việc", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void The_limit_is_between_one_and_fifty(int limit) =>
        Assert.Equal([nameof(PoolPolicy.MaxClaimsPerClerk)], (PoolPolicy.Default with { MaxClaimsPerClerk = limit }).Validate().Keys);
}
