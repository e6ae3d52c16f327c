using HanoiWorkbench.Data;

namespace HanoiWorkbench.Workbench.Hosting;

/// <summary>The command lines that run instead of the web host: <c>seed</c>, <c>create-admin</c>, <c>verify-audit</c>, <c>anonymise</c> and <c>openapi</c>.</summary>
public static class WorkbenchCommands
{
    /// <summary>The exit code of the command, or null when <paramref name="args"/> names none (start the web host).</summary>
    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (await SeedCommand.TryRunAsync(args, app.Services, app.Lifetime.ApplicationStopping)) return 0;
        if (await VerifyAuditCommand.TryRunAsync(args, app.Services, Console.Out, app.Lifetime.ApplicationStopping) is { } verified) return verified;
        if (await AnonymiseCommand.TryRunAsync(args, app.Services, Console.Out, app.Lifetime.ApplicationStopping) is { } anonymised) return anonymised;
        if (await OpenApiCommand.TryRunAsync(args, app, Console.Out, app.Lifetime.ApplicationStopping) is { } written) return written;
        if (CreateAdminCommand.TryParse(args) is not { } parsed) return null;
        if (parsed.Options is not { } options)
        {
            await Console.Error.WriteLineAsync(parsed.Error);
            return 2;
        }
        if (CreateAdminCommand.ReadPassword(Console.Out) is not { } password) return 2;
        return await CreateAdminCommand.RunAsync(options, password, app.Services, Console.Out, app.Lifetime.ApplicationStopping);
    }
}
