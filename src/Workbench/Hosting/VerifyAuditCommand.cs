using HanoiWorkbench.Data.Audit;

namespace HanoiWorkbench.Workbench.Hosting;

/// <summary><c>verify-audit</c>: checks the whole audit chain; exit code 0 when it holds, 1 naming the first broken link.</summary>
public static class VerifyAuditCommand
{
    public const string Name = "verify-audit";

    public static async Task<int?> TryRunAsync(string[] args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args is not [Name, ..]) return null;
        var check = await services.GetRequiredService<AuditLog>().VerifyAsync(ct);
        if (check.Holds)
        {
            await output.WriteLineAsync($"Chuỗi nhật ký nguyên vẹn: đã kiểm tra {check.Checked} mục.");
            return 0;
        }
        await output.WriteLineAsync($"Chuỗi nhật ký bị phá vỡ tại mục số {check.Broken!.Sequence} (Id {check.Broken.EntryId}): {check.Broken.Reason}");
        return 1;
    }
}
