using Bunit;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace HanoiWorkbench.Workbench.Tests.Admin;

/// <summary>bUnit with MudBlazor, loose JS interop, the admin services over a seeded SQLite copy, and a signed-in administrator.</summary>
public abstract class AdminTestContext : BunitContext
{
    public const string AdminUserName = "quantri@hcc.hanoi.gov.vn";

    private SeededDatabase? _database;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 9, 2, 0, 0, TimeSpan.Zero));

    protected RecordedEvents Live { get; } = new();
    protected IDbContextFactory<WorkbenchDbContext> Db => _database!.Factory;

    protected async Task StartAsync()
    {
        _database = await SeededDatabase.CreateAsync();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<HanoiWorkbench.Core.Live.ILiveEvents>(Live);
        Services.AddWorkbenchData(_database.Configuration, _database.Folder);
        AddAuthorization().SetAuthorized(AdminUserName);
        Render<MudPopoverProvider>();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _database?.Dispose();
    }

    // xunit disposes an IAsyncLifetime test class asynchronously, and BunitContext's DisposeAsync does not go through
    // Dispose(bool): without this the seeded copy was left in the temp folder after every admin test.
    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database?.Dispose();
    }
}

