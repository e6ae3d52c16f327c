using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Search;

/// <summary>The real workbench with 300 generated applications, for the look-up and tracking book tests.</summary>
public sealed class SearchHost : IAsyncLifetime
{
    public WorkbenchFactory Factory { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var contexts = Factory.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        await HistoryGenerator.GenerateAsync(db, 300, seed: 5, TimeProvider.System, null, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();

    public async Task<T> QueryAsync<T>(Func<WorkbenchDbContext, Task<T>> query)
    {
        var contexts = Factory.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await query(db);
    }
}
