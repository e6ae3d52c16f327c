using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Data.Monitoring;
using HanoiWorkbench.Data.Tests.Queue;

namespace HanoiWorkbench.Data.Tests.Monitoring;

public sealed class ReadingTheCityMap
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_shipped_outline_is_hanoi()
    {
        var outer = CityMapQueries.Outline[0];

        Assert.True(outer.Count > 100);
        Assert.All(outer, p => Assert.InRange(p.Longitude, 105.2, 106.1));
        Assert.All(outer, p => Assert.InRange(p.Latitude, 20.5, 21.4));
    }

    [Fact]
    public async Task Every_branch_lies_inside_the_frame_of_the_outline_and_waits_are_read_per_branch()
    {
        await using var queue = await QueueFixture.CreateAsync();
        await queue.Service.IssueTicketAsync(queue.BranchId, queue.GroupA, PriorityCategory.None, Ct);
        queue.Clock.Advance(TimeSpan.FromMinutes(12));
        var map = new CityMapQueries(queue.Database.Factory, queue.Clock);

        var branches = await map.BranchesAsync(Ct);
        var waits = await map.LongestWaitsAsync(Ct);

        Assert.Equal(30, branches.Count);
        var frame = MapFrame.Fit(CityMapQueries.Outline[0], 600, 12);
        Assert.All(branches, b =>
        {
            var (x, y) = frame.Project(b.Position);
            Assert.InRange(x, 0, frame.Width);
            Assert.InRange(y, 0, frame.Height);
        });
        Assert.InRange(Assert.Single(waits).Value, TimeSpan.FromMinutes(12), TimeSpan.FromMinutes(13));
        Assert.Equal(queue.BranchId, waits.Single().Key);
    }
}
