using HanoiWorkbench.Core.Live;

namespace HanoiWorkbench.Core.Tests;

public sealed class ReceiversDecideWhenToReread
{
    [Theory]
    [InlineData(null, 1L, LiveEventKind.TicketChanged, true)]   // first event after (re)connecting: read state
    [InlineData(4L, 5L, LiveEventKind.TicketChanged, false)]    // the next one: apply
    [InlineData(4L, 7L, LiveEventKind.TicketChanged, true)]     // gap: something was missed
    [InlineData(4L, 4L, LiveEventKind.TicketChanged, true)]     // repeated or reordered
    [InlineData(4L, 5L, LiveEventKind.Resync, true)]            // backplane came back
    public void A_gap_a_reconnect_or_a_resync_means_reading_the_state_again(long? lastSeen, long received, LiveEventKind kind, bool reread) =>
        Assert.Equal(reread, LiveSequence.MustReread(lastSeen, received, kind));
}

public sealed class ThePoolHoldsTheStepThatNeedsAPerson
{
    [Theory]
    [InlineData(HanoiWorkbench.Core.Domain.ApplicationStatus.Submitted, HanoiWorkbench.Core.Pool.WorkKind.CheckSubmission)]
    [InlineData(HanoiWorkbench.Core.Domain.ApplicationStatus.Received, HanoiWorkbench.Core.Pool.WorkKind.Process)]
    [InlineData(HanoiWorkbench.Core.Domain.ApplicationStatus.InProcessing, HanoiWorkbench.Core.Pool.WorkKind.Process)]
    [InlineData(HanoiWorkbench.Core.Domain.ApplicationStatus.Completed, HanoiWorkbench.Core.Pool.WorkKind.PrepareResult)]
    [InlineData(HanoiWorkbench.Core.Domain.ApplicationStatus.SupplementRequested, null)]
    [InlineData(HanoiWorkbench.Core.Domain.ApplicationStatus.AwaitingFinancialObligation, null)]
    [InlineData(HanoiWorkbench.Core.Domain.ApplicationStatus.Refused, null)]
    [InlineData(HanoiWorkbench.Core.Domain.ApplicationStatus.Withdrawn, null)]
    [InlineData(HanoiWorkbench.Core.Domain.ApplicationStatus.Stopped, null)]
    [InlineData(HanoiWorkbench.Core.Domain.ApplicationStatus.Returned, null)]
    public void Each_status_needs_at_most_one_kind_of_work(HanoiWorkbench.Core.Domain.ApplicationStatus status, HanoiWorkbench.Core.Pool.WorkKind? needed) =>
        Assert.Equal(needed, HanoiWorkbench.Core.Pool.WorkFlowRules.NeededFor(status));
}

public sealed class UnfinishedApplicationsAreThoseNotYetFinal
{
    [Fact]
    public void Every_status_is_either_unfinished_or_final()
    {
        foreach (var status in Enum.GetValues<HanoiWorkbench.Core.Domain.ApplicationStatus>())
            Assert.NotEqual(
                HanoiWorkbench.Core.Rules.ApplicationLifecycle.IsFinal(status) || status == HanoiWorkbench.Core.Domain.ApplicationStatus.Completed,
                HanoiWorkbench.Core.Rules.ApplicationLifecycle.Unfinished.Contains(status));
    }
}
