using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Queue;

namespace HanoiWorkbench.Core.Tests.Queue;

public class CounterActionsFollowTheStatusTable
{
    private static readonly QueuePolicy Policy = QueuePolicy.Default;

    // Every status × action; recalled enough times that a no-show is allowed wherever the status allows it.
    [Theory]
    [InlineData(TicketStatus.Waiting, TicketAction.Call, TicketStatus.Called)]
    [InlineData(TicketStatus.Waiting, TicketAction.Recall, null)]
    [InlineData(TicketStatus.Waiting, TicketAction.Start, null)]
    [InlineData(TicketStatus.Waiting, TicketAction.NoShow, null)]
    [InlineData(TicketStatus.Waiting, TicketAction.Transfer, TicketStatus.Waiting)]
    [InlineData(TicketStatus.Waiting, TicketAction.Park, null)]
    [InlineData(TicketStatus.Waiting, TicketAction.Finish, null)]
    [InlineData(TicketStatus.Waiting, TicketAction.Resume, null)]
    [InlineData(TicketStatus.Called, TicketAction.Call, null)]
    [InlineData(TicketStatus.Called, TicketAction.Recall, TicketStatus.Called)]
    [InlineData(TicketStatus.Called, TicketAction.Start, TicketStatus.Serving)]
    [InlineData(TicketStatus.Called, TicketAction.NoShow, TicketStatus.NoShow)]
    [InlineData(TicketStatus.Called, TicketAction.Transfer, TicketStatus.Waiting)]
    [InlineData(TicketStatus.Called, TicketAction.Park, TicketStatus.Parked)]
    [InlineData(TicketStatus.Called, TicketAction.Finish, TicketStatus.Finished)]
    [InlineData(TicketStatus.Called, TicketAction.Resume, null)]
    [InlineData(TicketStatus.Serving, TicketAction.Call, null)]
    [InlineData(TicketStatus.Serving, TicketAction.Recall, null)]
    [InlineData(TicketStatus.Serving, TicketAction.Start, null)]
    [InlineData(TicketStatus.Serving, TicketAction.NoShow, null)]
    [InlineData(TicketStatus.Serving, TicketAction.Transfer, TicketStatus.Waiting)]
    [InlineData(TicketStatus.Serving, TicketAction.Park, TicketStatus.Parked)]
    [InlineData(TicketStatus.Serving, TicketAction.Finish, TicketStatus.Finished)]
    [InlineData(TicketStatus.Serving, TicketAction.Resume, null)]
    [InlineData(TicketStatus.Parked, TicketAction.Call, null)]
    [InlineData(TicketStatus.Parked, TicketAction.Recall, null)]
    [InlineData(TicketStatus.Parked, TicketAction.Start, null)]
    [InlineData(TicketStatus.Parked, TicketAction.NoShow, null)]
    [InlineData(TicketStatus.Parked, TicketAction.Transfer, TicketStatus.Waiting)]
    [InlineData(TicketStatus.Parked, TicketAction.Park, null)]
    [InlineData(TicketStatus.Parked, TicketAction.Finish, null)]
    [InlineData(TicketStatus.Parked, TicketAction.Resume, TicketStatus.Called)]
    [InlineData(TicketStatus.Finished, TicketAction.Call, null)]
    [InlineData(TicketStatus.Finished, TicketAction.Recall, null)]
    [InlineData(TicketStatus.Finished, TicketAction.Start, null)]
    [InlineData(TicketStatus.Finished, TicketAction.NoShow, null)]
    [InlineData(TicketStatus.Finished, TicketAction.Transfer, null)]
    [InlineData(TicketStatus.Finished, TicketAction.Park, null)]
    [InlineData(TicketStatus.Finished, TicketAction.Finish, null)]
    [InlineData(TicketStatus.Finished, TicketAction.Resume, null)]
    [InlineData(TicketStatus.NoShow, TicketAction.Call, null)]
    [InlineData(TicketStatus.NoShow, TicketAction.Recall, null)]
    [InlineData(TicketStatus.NoShow, TicketAction.Start, null)]
    [InlineData(TicketStatus.NoShow, TicketAction.NoShow, null)]
    [InlineData(TicketStatus.NoShow, TicketAction.Transfer, null)]
    [InlineData(TicketStatus.NoShow, TicketAction.Park, null)]
    [InlineData(TicketStatus.NoShow, TicketAction.Finish, null)]
    [InlineData(TicketStatus.NoShow, TicketAction.Resume, null)]
    public void Each_status_allows_exactly_the_actions_of_the_table(TicketStatus from, TicketAction action, TicketStatus? expected)
    {
        var decision = TicketActions.Decide(from, action, Policy.RecallsBeforeNoShow, Policy);
        var allowed = TicketActions.Allowed(from, Policy.RecallsBeforeNoShow, Policy);

        Assert.Equal(expected, decision.To);
        Assert.Equal(expected is not null, decision.IsAllowed);
        Assert.Equal(expected is not null, allowed.Contains(action));
        Assert.Equal(expected is null, decision.Refusal is not null);
    }

    [Fact]
    public void A_refusal_names_the_action_and_the_status_in_vietnamese()
    {
        var decision = TicketActions.Decide(TicketStatus.Finished, TicketAction.Park, 0, Policy);

        Assert.Equal("Không thể tạm hoãn vé đang ở trạng thái \"Đã xong\".", decision.Refusal);
    }

    [Theory]
    [InlineData(2, 0, false)]
    [InlineData(2, 1, false)]
    [InlineData(2, 2, true)]
    [InlineData(2, 3, true)]
    [InlineData(0, 0, true)]
    [InlineData(3, 2, false)]
    public void A_called_ticket_becomes_a_no_show_only_after_the_set_number_of_recalls(int recallsBeforeNoShow, int recalls, bool allowed)
    {
        var policy = Policy with { RecallsBeforeNoShow = recallsBeforeNoShow };

        var decision = TicketActions.Decide(TicketStatus.Called, TicketAction.NoShow, recalls, policy);

        Assert.Equal(allowed, decision.IsAllowed);
        Assert.Equal(allowed, TicketActions.Allowed(TicketStatus.Called, recalls, policy).Contains(TicketAction.NoShow));
    }

    [Fact]
    public void A_premature_no_show_is_refused_with_the_recalls_still_needed()
    {
        var decision = TicketActions.Decide(TicketStatus.Called, TicketAction.NoShow, 1, Policy);

        Assert.Equal("Cần gọi lại ít nhất 2 lần trước khi đánh dấu vắng mặt (đã gọi lại 1 lần).", decision.Refusal);
    }

    [Theory]
    [InlineData(TicketStatus.Finished)]
    [InlineData(TicketStatus.NoShow)]
    public void A_ticket_that_has_ended_offers_no_action(TicketStatus status)
    {
        Assert.True(TicketActions.IsFinal(status));
        Assert.Empty(TicketActions.Allowed(status, 5, Policy));
    }
}
