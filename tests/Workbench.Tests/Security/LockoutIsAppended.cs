using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Auth;
using HanoiWorkbench.Workbench.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Security;

/// <summary>Issue 14, point 5: the failure that locks an account is its own audit entry, apart from later attempts while locked.</summary>
public sealed class LockoutIsAppended : IDisposable
{
    private readonly WorkbenchFactory _host = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_fifth_wrong_password_appends_the_lockout_and_the_next_attempt_a_sign_in_while_locked()
    {
        using var client = _host.CreateBrowserLikeClient();
        for (var i = 0; i < 6; i++) await WorkbenchFactory.PostLoginAsync(client, DemoAccounts.Clerk.Email, $"sai-mat-khau-{i}");

        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        var actions = await db.AuditEntries.AsNoTracking().Where(e => e.UserName == DemoAccounts.Clerk.Email && e.Sequence > 0)
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal([.. Enumerable.Repeat("Đăng nhập thất bại", 4), AuditHosting.LockedOutAction, "Đăng nhập khi tài khoản bị khóa"], actions);
    }

    public void Dispose() => _host.Dispose();
}
