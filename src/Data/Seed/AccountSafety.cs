using System.Collections.Concurrent;
using HanoiWorkbench.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data;

/// <summary>What a non-Development start checks about the sign-in accounts before it serves anyone.</summary>
public static class AccountSafety
{
    /// <summary>
    /// The e-mails of accounts whose password is one of <see cref="DemoAccounts.KnownPasswords"/>, whatever their name:
    /// a real account can have been given the published password too. Each check is a full hash verification
    /// (~tens of ms), spread over the cores.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AccountsWithDemoPasswordAsync(IDbContextFactory<WorkbenchDbContext> contexts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        List<WorkbenchUser> users;
        await using (db.ConfigureAwait(false))
            users = await db.Users.AsNoTracking().Where(u => u.PasswordHash != null).ToListAsync(ct).ConfigureAwait(false);
        var hasher = new PasswordHasher<WorkbenchUser>();
        var found = new ConcurrentBag<string>();
        Parallel.ForEach(users, new ParallelOptions { CancellationToken = ct }, user =>
        {
            if (DemoAccounts.KnownPasswords.Any(p => hasher.VerifyHashedPassword(user, user.PasswordHash!, p) != PasswordVerificationResult.Failed))
                found.Add(user.Email ?? user.UserName ?? user.Id);
        });
        return found.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>True when some local account belongs to an active administrator.</summary>
    public static async Task<bool> HasAdministratorAccountAsync(IDbContextFactory<WorkbenchDbContext> contexts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return await db.Users.AnyAsync(u => db.Staff.Any(s => s.Id == u.StaffId && s.IsActive && s.Role == StaffRole.Admin), ct).ConfigureAwait(false);
    }
}
