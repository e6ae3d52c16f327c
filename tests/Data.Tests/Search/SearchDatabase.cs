using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Data.Tests.Search;

/// <summary>One seeded SQLite file with 3,000 generated applications, shared by the search tests of a class.</summary>
public sealed class SearchDatabase : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 30, 0, TimeSpan.FromHours(7));
    public FakeTimeProvider Clock { get; } = new(Now);
    internal TempDatabase Temp { get; private set; } = null!;
    public WorkbenchDbContextFactory Factory => Temp.Factory;

    public async ValueTask InitializeAsync()
    {
        Temp = await TempDatabase.SeededAsync();
        await using var db = Temp.Factory.CreateDbContext();
        await HistoryGenerator.GenerateAsync(db, 3000, seed: 12, Clock, null, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await Temp.DisposeAsync();
}
