using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests;

public sealed class DailyNumbering
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Twenty_parallel_callers_on_twenty_contexts_get_twenty_distinct_consecutive_numbers()
    {
        await using var temp = TempDatabase.Create();
        await using (var db = temp.Factory.CreateDbContext()) await db.Database.MigrateAsync(Ct);
        // Twenty connections open at once, each then asking for a number: the database, not a lock here, keeps them apart.
        var together = new Rendezvous(20, Rendezvous.Point.FirstConnection);
        var allocator = new SequenceAllocator(new WorkbenchDbContextFactory(temp.Settings, [together]));
        var day = new DateOnly(2026, 3, 2);

        var numbers = await Together.RunAsync(20, _ =>
        {
            together.Join();
            return allocator.NextAsync("000.00.03.H26", day, Ct);
        });

        Assert.True(together.Met, "the twenty callers were connected at the same time");
        Assert.Equal(Enumerable.Range(1, 20), numbers.Order());
    }

    [Fact]
    public async Task Scopes_and_days_count_separately()
    {
        await using var temp = TempDatabase.Create();
        await using (var db = temp.Factory.CreateDbContext()) await db.Database.MigrateAsync(Ct);
        var allocator = new SequenceAllocator(temp.Factory);
        var day = new DateOnly(2026, 3, 2);

        Assert.Equal(1, await allocator.NextAsync(SequenceAllocator.TicketScope(3, 1), day, Ct));
        Assert.Equal(2, await allocator.NextAsync(SequenceAllocator.TicketScope(3, 1), day, Ct));
        Assert.Equal(1, await allocator.NextAsync(SequenceAllocator.TicketScope(3, 2), day, Ct));
        Assert.Equal(1, await allocator.NextAsync(SequenceAllocator.TicketScope(3, 1), day.AddDays(1), Ct));
        await using var check = temp.Factory.CreateDbContext();
        Assert.Equal(2, await check.DailySequences.Where(s => s.Scope == "ticket:3:1" && s.Day == day).Select(s => s.Value).SingleAsync(Ct));
    }
}
