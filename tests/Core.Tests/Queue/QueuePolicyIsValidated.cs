using HanoiWorkbench.Core.Queue;

namespace HanoiWorkbench.Core.Tests.Queue;

public class QueuePolicyIsValidated
{
    [Fact]
    public void The_default_policy_is_the_centers_starting_point()
    {
        var policy = QueuePolicy.Default;

        Assert.Equal(3, policy.PriorityFairnessBound);
        Assert.Equal(TimeSpan.FromMinutes(45), policy.MaxOrdinaryWait);
        Assert.Equal(2, policy.RecallsBeforeNoShow);
        Assert.Equal(TimeSpan.FromMinutes(8), policy.ServiceTimeFallback);
        Assert.Equal(20, policy.RecentServiceTimeWindow);
        Assert.Empty(policy.Problems());
    }

    [Theory]
    [InlineData(0, 45, 2, 8, 20)]
    [InlineData(3, 0, 2, 8, 20)]
    [InlineData(3, 45, -1, 8, 20)]
    [InlineData(3, 45, 2, 0, 20)]
    [InlineData(3, 45, 2, 8, 0)]
    public void An_unusable_setting_is_reported_to_the_administrator(int bound, int maxOrdinaryWait, int recalls, int fallback, int window)
    {
        var policy = new QueuePolicy
        {
            PriorityFairnessBound = bound,
            MaxOrdinaryWait = TimeSpan.FromMinutes(maxOrdinaryWait),
            RecallsBeforeNoShow = recalls,
            ServiceTimeFallback = TimeSpan.FromMinutes(fallback),
            RecentServiceTimeWindow = window,
        };

        Assert.Single(policy.Problems());
    }
}
