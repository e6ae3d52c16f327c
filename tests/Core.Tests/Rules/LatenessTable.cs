using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Core.Tests.Rules;

public class LatenessTable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 5, 10, 0, 0, HanoiTime.Offset);

    [Theory]
    [InlineData(ApplicationStatus.Received, -1, false, true)]
    [InlineData(ApplicationStatus.InProcessing, -1, false, true)]
    [InlineData(ApplicationStatus.InProcessing, 1, false, false)]
    [InlineData(ApplicationStatus.InProcessing, 1, true, true)]                 // extended: still late
    [InlineData(ApplicationStatus.SupplementRequested, -1, false, false)]       // clock stopped while it waits
    [InlineData(ApplicationStatus.AwaitingFinancialObligation, -1, false, false)] // fees/taxes: clock stopped
    [InlineData(ApplicationStatus.AwaitingFinancialObligation, 1, true, false)]
    [InlineData(ApplicationStatus.Submitted, -1, false, false)]
    [InlineData(ApplicationStatus.Completed, -1, false, false)]
    [InlineData(ApplicationStatus.Returned, -1, true, false)]
    [InlineData(ApplicationStatus.Stopped, -1, false, false)]
    public void Late_is_open_with_a_running_clock_past_the_promise(ApplicationStatus status, int dueInHours, bool extended, bool late)
    {
        var due = Now.AddHours(dueInHours);

        Assert.Equal(late, Lateness.IsLateNow(status, due, extended, Now));
    }

    [Fact]
    public void No_due_date_is_never_late() =>
        Assert.False(Lateness.IsLateNow(ApplicationStatus.InProcessing, null, extended: false, Now));

    [Theory]
    [InlineData(ApplicationStatus.SupplementRequested, true)]
    [InlineData(ApplicationStatus.AwaitingFinancialObligation, true)]
    [InlineData(ApplicationStatus.InProcessing, false)]
    [InlineData(ApplicationStatus.Received, false)]
    public void The_clock_stops_for_supplements_and_for_fees(ApplicationStatus status, bool stopped) =>
        Assert.Equal(stopped, Lateness.IsClockStopped(status));
}
