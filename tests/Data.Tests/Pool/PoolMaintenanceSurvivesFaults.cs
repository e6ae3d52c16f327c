using HanoiWorkbench.Data.Pool;
using Microsoft.Extensions.Logging;

namespace HanoiWorkbench.Data.Tests.Pool;

/// <summary>The pool's background pass keeps running through database faults, backing off on the clock.</summary>
public sealed class PoolMaintenanceSurvivesFaults
{
    [Fact]
    public async Task A_failing_database_doubles_the_wait_between_passes_and_the_first_good_pass_restores_the_period()
    {
        var ct = TestContext.Current.CancellationToken;
        var faults = new DatabaseFaults();
        await using var h = await PoolHarness.CreateAsync(faults);
        var log = new RecordingLogger<PoolMaintenance>();
        using var service = new PoolMaintenance(h.Pool, h.Clock, log);
        faults.FailWhen = _ => true;
        await service.StartAsync(ct);
        await service.Ready;

        var pass = service.NextPassAsync();
        h.Clock.Advance(PeriodicWork.Period);
        var first = await pass;
        pass = service.NextPassAsync();
        h.Clock.Advance(PeriodicWork.Period);
        Assert.False(pass.IsCompleted); // backing off: no pass one period after a failure
        h.Clock.Advance(PeriodicWork.Period);
        var second = await pass;
        faults.FailWhen = null;
        pass = service.NextPassAsync();
        h.Clock.Advance(second.NextIn);
        var third = await pass;

        Assert.Equal((true, 1, TimeSpan.FromMinutes(2)), (first.Failed, first.FailuresInARow, first.NextIn));
        Assert.Equal((true, 2, TimeSpan.FromMinutes(4)), (second.Failed, second.FailuresInARow, second.NextIn));
        Assert.Equal((false, 0, PeriodicWork.Period), (third.Failed, third.FailuresInARow, third.NextIn));
        Assert.NotEmpty(faults.Failed);
        Assert.False(service.ExecuteTask!.IsCompleted);
        lock (log.Lines)
        {
            Assert.Equal(2, log.Lines.Count(l => l.Level == LogLevel.Warning && l.Message.Contains("Pool maintenance pass failed", StringComparison.Ordinal)));
            Assert.Contains(log.Lines, l => l.Message.Contains("recovered", StringComparison.Ordinal));
            Assert.DoesNotContain(log.Lines, l => l.Message.Contains("injected database fault", StringComparison.Ordinal)); // no driver message
        }
        await service.StopAsync(ct);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 8)]
    [InlineData(4, 16)]
    [InlineData(9, 16)]
    public void The_wait_after_failures_doubles_up_to_sixteen_minutes(int failures, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), PeriodicWork.DelayAfter(failures));
    }
}
