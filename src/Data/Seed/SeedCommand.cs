using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Data;

/// <summary>
/// <c>seed [--applications N] [--seed S]</c>: migrates, seeds the reference data and, with <c>--applications</c>,
/// writes N applications of history. Program.cs calls it before building the host and exits when it returns true.
/// </summary>
public static class SeedCommand
{
    public const int DefaultSeed = 42;

    public static async Task<bool> TryRunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        if (!TryParse(args, out var applications, out var seed)) return false;

        var progress = new Progress<string>(Console.WriteLine);
        await DatabaseInitializer.InitializeAsync(services, cancellationToken).ConfigureAwait(false);
        Console.WriteLine("Reference data is in place.");
        if (applications > 0)
        {
            var contexts = services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();
            var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                var report = await HistoryGenerator.GenerateAsync(db, applications, seed,
                    services.GetService<TimeProvider>() ?? TimeProvider.System, progress, cancellationToken).ConfigureAwait(false);
                Console.WriteLine(report.ToString());
            }
        }
        return true;
    }

    /// <summary>True for <c>seed</c> with optional <c>--applications N</c> and <c>--seed S</c>; false for any other command line.</summary>
    public static bool TryParse(string[] args, out int applications, out int seed)
    {
        applications = 0;
        seed = DefaultSeed;
        if (args.Length == 0 || !string.Equals(args[0], "seed", StringComparison.OrdinalIgnoreCase)) return false;
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--applications" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                    applications = n; i++; break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s):
                    seed = s; i++; break;
                default:
                    return false;
            }
        }
        return true;
    }
}
