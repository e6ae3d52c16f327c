using System.Security.Claims;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Auth;
using HanoiWorkbench.Workbench.Tests.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Workbench.Tests.Security;

/// <summary>
/// Issue 14, point 2: a circuit opened before a staff record changed follows it within the revalidation interval
/// (a minute at most): deactivated signs it out, a demotion or a move replaces its role and branch. The clock is fake.
/// </summary>
public sealed class OpenSessionsFollowTheStaffRecord : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero));
    private readonly WorkbenchFactory _host;

    public OpenSessionsFollowTheStaffRecord() =>
        _host = new WorkbenchFactory("Testing", demo: true, services: s => s.AddSingleton<TimeProvider>(_clock));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A circuit's provider holding the signed-in state of the demo account, as the cookie gives it.</summary>
    private async Task<(StaffRevalidatingAuthenticationStateProvider Provider, AsyncServiceScope Scope, int StaffId)> SignedInAsync(string email)
    {
        var scope = _host.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email, Ct);
        var cookie = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id)], "Identity.Application"));
        var principal = await scope.ServiceProvider.GetRequiredService<IClaimsTransformation>().TransformAsync(cookie);
        var provider = Assert.IsType<StaffRevalidatingAuthenticationStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return (provider, scope, user.StaffId!.Value);
    }

    private async Task ChangeAsync(int staffId, Action<Staff> change)
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        change(await db.Staff.SingleAsync(s => s.Id == staffId, Ct));
        await db.SaveChangesAsync(Ct);
    }

    private static Task<AuthenticationState> NextStateAsync(AuthenticationStateProvider provider)
    {
        var next = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async t => next.TrySetResult(await t);
        return next.Task;
    }

    [Fact]
    public async Task A_deactivated_clerk_is_signed_out_of_the_open_page_when_the_interval_has_passed()
    {
        var (provider, scope, staffId) = await SignedInAsync(DemoAccounts.Clerk.Email);
        await using (scope)
        {
            Assert.True(provider.Interval <= TimeSpan.FromMinutes(1));
            var changed = NextStateAsync(provider);
            await ChangeAsync(staffId, s => s.Deactivate());

            _clock.Advance(provider.Interval);
            var state = await changed.WaitAsync(TimeSpan.FromSeconds(30), Ct);

            Assert.Null(CurrentStaff.From(state.User));
            Assert.False(state.User.Identity?.IsAuthenticated ?? false);
        }
    }

    [Fact]
    public async Task A_manager_demoted_and_moved_gets_the_new_role_and_branch_on_the_open_page()
    {
        var (provider, scope, staffId) = await SignedInAsync(DemoAccounts.BranchManager.Email);
        await using (scope)
        {
            await using var db = await _host.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
            var other = await db.Branches.Where(b => b.Code == "BR05").Select(b => b.Id).SingleAsync(Ct);
            await ChangeAsync(staffId, s => s.Update(s.FullName, s.Email, StaffRole.Clerk, other));

            Assert.True(await provider.RevalidateAsync(Ct));
            var me = CurrentStaff.From((await provider.GetAuthenticationStateAsync()).User);

            Assert.Equal((StaffRole.Clerk, other), (me!.Role, me.BranchId));
            Assert.False(await provider.RevalidateAsync(Ct)); // nothing changed since
        }
    }

    public void Dispose() => _host.Dispose();
}
