using HanoiWorkbench.Core.Monitoring;

namespace HanoiWorkbench.Core.Tests.Monitoring;

public class OnDutyTables
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(true, true, null, true)]     // at an open counter
    [InlineData(true, false, null, false)]   // a staff record, no counter, no claim (06:50)
    [InlineData(true, false, 5, true)]       // holding a claim touched 5 minutes ago
    [InlineData(true, false, 29, true)]
    [InlineData(true, false, 30, false)]     // untouched for the claim timeout: the pool takes it back
    [InlineData(true, true, 45, true)]       // a stale claim does not take away the counter
    [InlineData(false, true, 1, false)]      // deactivated records never count
    public void On_duty_means_at_an_open_counter_or_holding_a_claim_now(bool active, bool atOpenCounter, int? claimTouchedMinutesAgo, bool onDuty)
    {
        var facts = new DutyFacts(active, atOpenCounter, claimTouchedMinutesAgo is { } m ? Now.AddMinutes(-m) : null);
        Assert.Equal(onDuty, OnDuty.Is(facts, Now, TimeSpan.FromMinutes(30)));
    }
}
