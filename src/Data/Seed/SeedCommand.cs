using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Data;

/// <summary>
/// <c>seed [--demo] [--applications N] [--seed S]</c>: migrates and seeds the reference data; with <c>--demo</c> also the
/// invented staff and the demo accounts (restoring any that were deleted); with <c>--applications</c> writes N
/// applications of history (needs staff, so normally with <c>--demo</c>). Program.cs runs it instead of the web host.
/// </summary>
public static class SeedCommand
{
    public const int DefaultSeed = 42;

    public static async Task<bool> TryRunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        if (!TryParse(args, out var options)) return false;
        var (demo, applications, seed) = options;

        var progress = new Progress<string>(Console.WriteLine);
        if (demo)
        {
            await DemoData.SeedAsync(services, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"Reference data, demo staff and the demo accounts (password {DemoAccounts.Password}) are in place.");
            Console.WriteLine("Outside Development the workbench refuses to start while an account has the demo password.");
        }
        else
        {
            await DatabaseInitializer.InitializeAsync(services, cancellationToken).ConfigureAwait(false);
            Console.WriteLine("Reference data is in place.");
        }
        if (applications > 0)
        {
            var contexts = services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();
            var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                var report = await HistoryGenerator.GenerateAsync(db, applications, seed, services.GetService<TimeProvider>() ?? TimeProvider.System,
                    services.GetService<Calendar.OfficeHours>() ?? new Calendar.OfficeHours(Core.Calendar.WorkingHours.Default), progress,
                    cancellationToken).ConfigureAwait(false);
                Console.WriteLine(report.ToString());
            }
        }
        return true;
    }

    /// <summary>True for <c>seed</c> with optional <c>--demo</c>, <c>--applications N</c> and <c>--seed S</c>; false for any other command line.</summary>
    public static bool TryParse(string[] args, out SeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var demo = false;
        var applications = 0;
        var seed = DefaultSeed;
        options = new SeedOptions(demo, applications, seed);
        if (args.Length == 0 || !string.Equals(args[0], "seed", StringComparison.OrdinalIgnoreCase)) return false;
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--applications" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                    applications = n; i++; break;
                case "--demo":
                    demo = true; break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s):
                    seed = s; i++; break;
                default:
                    return false;
            }
        }
        options = new SeedOptions(demo, applications, seed);
        return true;
    }
}

/// <summary>The parsed <c>seed</c> command line.</summary>
public sealed record SeedOptions(bool Demo, int Applications, int Seed);
