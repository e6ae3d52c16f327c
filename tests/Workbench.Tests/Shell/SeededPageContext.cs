using System.Globalization;
using System.Security.Claims;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Auth;
using HanoiWorkbench.Workbench.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Workbench.Tests.Shell;

/// <summary>
/// A page test on its own copy of the seeded demo database (<see cref="SeededDatabase"/>: seeded once per run, copied per
/// test), the real data services, a fake clock at <paramref name="now"/> and a recorded live-event publisher. A test class
/// arranges its own rows in <see cref="ArrangeAsync"/>; the copy is deleted when the test is disposed.
/// </summary>
public abstract class SeededPageContext(DateTimeOffset now) : ShellTestContext, IAsyncLifetime
{
    private SeededDatabase? _database;

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
    protected FakeTimeProvider Clock { get; } = new(now);
    protected RecordedEvents Live { get; } = new();
    protected IDbContextFactory<WorkbenchDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();

    public async ValueTask InitializeAsync()
    {
        _database = await SeededDatabase.CreateAsync();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddWorkbenchData(_database.Configuration, _database.Folder);
        Services.AddSingleton<ILiveEvents>(Live);
        await ArrangeAsync();
    }

    /// <summary>The test class's own rows and services, after the database and services are in place.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    /// <summary>The staff record of a demo account (or any e-mail) on this copy.</summary>
    protected async Task<Staff> StaffAsync(string email)
    {
        await using var db = await Contexts.CreateDbContextAsync(Ct);
        return await db.Staff.AsNoTracking().SingleAsync(s => s.Email == email, Ct);
    }

    /// <summary>Signed in as <paramref name="staff"/>, with the claims the sign-in gives (role, branch now and at home).</summary>
    internal static ClaimsPrincipal Principal(Staff staff) => new(new ClaimsIdentity(
    [
        new Claim(StaffClaimTypes.StaffId, staff.Id.ToString(CultureInfo.InvariantCulture)),
        new Claim(StaffClaimTypes.FullName, staff.FullName),
        new Claim(ClaimTypes.Role, staff.Role.ToString()),
        new Claim(StaffClaimTypes.BranchId, staff.CurrentBranchId.ToString(CultureInfo.InvariantCulture)),
        new Claim(StaffClaimTypes.HomeBranchId, staff.HomeBranchId.ToString(CultureInfo.InvariantCulture)),
    ], StaffClaimTypes.AuthenticationType));

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database?.Dispose();
    }
}
