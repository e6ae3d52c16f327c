using HanoiWorkbench.Data;
using Microsoft.AspNetCore.DataProtection;

namespace HanoiWorkbench.Workbench.Hosting;

/// <summary>
/// The data-protection key ring that encrypts the sign-in cookie and the antiforgery tokens, kept in the workbench
/// database (table <c>DataProtectionKeys</c>) under one application name: every instance on that database, on any server
/// and whatever its user profile holds, reads and writes the same keys, so a cookie or form from one is accepted by all
/// (docs/security.md, "Keys").
/// </summary>
public static class KeyRing
{
    public const string ApplicationName = "HanoiWorkbench";

    public static IServiceCollection AddWorkbenchKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<WorkbenchDbContext>();
        return services;
    }
}
