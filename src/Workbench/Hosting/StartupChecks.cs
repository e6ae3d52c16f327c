using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Auth;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Workbench.Hosting;

/// <summary>A start that must not go on: the reason has been logged as critical, and the process exits with code 1.</summary>
public sealed class StartRefusedException(string message) : Exception(message);

/// <summary>
/// What every start does to the database before serving: migrate and add missing reference data. Development also
/// seeds the demo staff and accounts into a database that has no staff yet; any other environment refuses to start
/// while an account has a published demo password or without <c>PublicBaseUrl</c>, and tells how to create the first
/// administrator when there is none.
/// </summary>
public static class StartupChecks
{
    public const string LogCategory = "HanoiWorkbench.Startup";

    public const string FirstAdminHint =
        "No administrator account exists. Create the first one with: " +
        "WORKBENCH_ADMIN_PASSWORD='<at least 12 characters>' dotnet run --project src/Workbench -- create-admin " +
        "--email <e-mail> --name \"<full name>\" --branch <branch code, e.g. BR01>" +
        " (or leave the variable unset and type the password when asked). See docs/security.md.";

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var contexts = app.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
        var ct = app.Lifetime.ApplicationStopping;
        await DatabaseInitializer.InitializeAsync(contexts, ct);

        if (app.Environment.IsDevelopment())
        {
            if (await DemoData.SeedIfFreshAsync(contexts, ct))
                log.LogInformation("Development: demo staff and the demo accounts were seeded into this fresh database (password {Password}).", DemoAccounts.Password);
            return;
        }

        var demo = await AccountSafety.AccountsWithDemoPasswordAsync(contexts, ct);
        if (demo.Count > 0)
        {
            var message = $"Refusing to start in {app.Environment.EnvironmentName}: {demo.Count} account(s) have a published demo password " +
                $"({string.Join(", ", demo)}). Demo data (seed --demo) must not exist outside Development: use a fresh database, " +
                "or delete these accounts (table AspNetUsers), then start again.";
            log.LogCritical("{Message}", message);
            throw new StartRefusedException(message);
        }
        if (app.Services.GetRequiredService<PublicLinks>().Problem is { } problem)
        {
            log.LogCritical("Refusing to start in {Environment}: {Problem}", app.Environment.EnvironmentName, problem);
            throw new StartRefusedException(problem);
        }
        if (app.Configuration["AllowedHosts"] is null or "*")
            log.LogWarning("AllowedHosts is '*': set it to the site's host names so requests for any other host are refused.");
        if (!app.Services.GetRequiredService<EntraRoleMode>().Enabled && !await AccountSafety.HasAdministratorAccountAsync(contexts, ct))
            log.LogWarning("{Hint}", FirstAdminHint);
    }
}
