using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Audit;
using HanoiWorkbench.Workbench.Hosting;
using HanoiWorkbench.Workbench.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Security;

/// <summary>Issue 14, point 5 at the host: sign-ins and failed sign-ins are chained entries; <c>verify-audit</c> names a tampered row.</summary>
public sealed class SignInsAndTheChainCheck : IDisposable
{
    private readonly WorkbenchFactory _host = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<WorkbenchDbContext> DbAsync() =>
        await _host.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);

    [Fact]
    public async Task A_sign_in_and_a_failed_one_are_appended_and_the_command_then_finds_an_edited_row()
    {
        using var client = await _host.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);
        using var other = _host.CreateBrowserLikeClient();
        await WorkbenchFactory.PostLoginAsync(other, DemoAccounts.Clerk.Email, "sai-mat-khau-123");

        await using (var db = await DbAsync())
        {
            var actions = await db.AuditEntries.AsNoTracking().Where(e => e.UserName == DemoAccounts.Clerk.Email && e.Sequence > 0)
                .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct);
            Assert.Equal(["Đăng nhập", "Đăng nhập thất bại"], actions);
        }
        var output = new StringWriter();
        Assert.True(0 == await VerifyAuditCommand.TryRunAsync([VerifyAuditCommand.Name], _host.Services, output, Ct), output.ToString());

        long tampered;
        await using (var db = await DbAsync())
        {
            tampered = await db.AuditEntries.Where(e => e.Action == "Đăng nhập").Select(e => e.Sequence).FirstAsync(Ct);
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"UserName\" = 'ai-do' WHERE \"Sequence\" = {tampered}", Ct);
        }
        output = new StringWriter();

        Assert.Equal(1, await VerifyAuditCommand.TryRunAsync([VerifyAuditCommand.Name], _host.Services, output, Ct));
        Assert.Contains($"tại mục số {tampered} ", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(tampered, (await _host.Services.GetRequiredService<AuditLog>().VerifyAsync(Ct)).Broken?.Sequence);
    }

    public void Dispose() => _host.Dispose();
}
