using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Search;

public sealed record PublicStatusStep(string StatusLabel, DateTimeOffset At);

/// <summary>What a citizen without an account may see: no names, no notes, no personal data.</summary>
public sealed record PublicStatus(string Code, string StatusLabel, DateTimeOffset? DueAt, string ReceivingBranch, IReadOnlyList<PublicStatusStep> Steps);

/// <summary>The public look-up: the application code plus the last four digits of the applicant's phone. Each well-formed look-up is audited.</summary>
public sealed class PublicStatusQuery(IDbContextFactory<WorkbenchDbContext> dbFactory, Audit.AuditLog? audit = null)
{
    /// <summary>Null for a wrong code and for wrong digits alike, so the answer never tells whether a code exists.</summary>
    public async Task<PublicStatus?> FindAsync(string? code, string? phoneLast4, CancellationToken ct = default)
    {
        var c = code?.Trim().ToUpperInvariant();
        var digits = phoneLast4?.Trim();
        if (string.IsNullOrEmpty(c) || c.Length > 60 || digits is not { Length: 4 } || !digits.All(char.IsAsciiDigit)) return null;

        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var app = await db.Applications.AsNoTracking().Where(a => a.Code == c)
            .Select(a => new
            {
                a.Id, a.Code, a.Status, a.DueAt, a.Applicant.Phone,
                Branch = db.Branches.Where(b => b.Id == a.ReceivingBranchId).Select(b => b.Name).First(),
            })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var found = app is not null && app.Phone.EndsWith(digits, StringComparison.Ordinal);
        // The code only (never the digits): who looked up what and whether it answered.
        if (audit is not null) await audit.AppendAsync("Công dân (tra cứu công khai)", null, "Tra cứu công khai", nameof(Application), c,
            found ? "Tìm thấy" : "Không tìm thấy", ct).ConfigureAwait(false);
        if (app is null || !found) return null;

        var steps = await db.ApplicationSteps.AsNoTracking().Where(s => s.ApplicationId == app.Id)
            .OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new { s.ToStatus, s.At })
            .ToListAsync(ct).ConfigureAwait(false);
        return new PublicStatus(app.Code, ApplicationLifecycle.StatusLabel(app.Status), app.DueAt, app.Branch,
            steps.Select(s => new PublicStatusStep(ApplicationLifecycle.StatusLabel(s.ToStatus), s.At)).ToList());
    }
}
