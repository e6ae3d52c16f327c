using System.Globalization;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data.Privacy;

namespace HanoiWorkbench.Workbench.Hosting;

/// <summary>
/// <c>anonymise</c>: erases the personal data of applications closed longer than <c>Privacy:RetentionMonths</c> ago (audited,
/// idempotent: run it as often as wanted, e.g. nightly from cron). Exit code 0, or 2 when the configured period is refused.
/// </summary>
public static class AnonymiseCommand
{
    public const string Name = "anonymise";

    public static async Task<int?> TryRunAsync(string[] args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args is not [Name, ..]) return null;
        try
        {
            var outcome = await services.GetRequiredService<RetentionRun>().RunAsync(ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Đã ẩn danh {outcome.Anonymised} hồ sơ kết thúc trước {outcome.Cutoff:dd/MM/yyyy HH:mm} (thời hạn lưu trữ {outcome.Months} tháng)."));
            return 0;
        }
        catch (DomainException ex)
        {
            await output.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
