using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Search;

public sealed record TrackingBookRow(
    long Id, string Code, string ApplicantName, string ProcedureName, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt,
    DateTimeOffset? CompletedAt, DateTimeOffset? ReturnedAt, ApplicationStatus Status, string? ExtensionReason)
{
    public string StatusLabel => ApplicationLifecycle.StatusLabel(Status);
}

public sealed record TrackingBook(int BranchId, string BranchName, DateOnly From, DateOnly To, IReadOnlyList<TrackingBookRow> Rows);

/// <summary>Form 7, the tracking book: every application a branch received in a period, in the order received.</summary>
public sealed class TrackingBookQuery(IDbContextFactory<WorkbenchDbContext> dbFactory)
{
    /// <summary>A quarter at most: a branch receives about a hundred applications a day and the book is printed.</summary>
    public const int MaxDays = 92;
    private static readonly TimeSpan Hanoi = HanoiWorkbench.Core.HanoiTime.Offset;

    /// <summary>A Vietnamese reason the period is not acceptable, or null.</summary>
    public static string? ValidatePeriod(DateOnly? from, DateOnly? to) =>
        from is null || to is null ? "Chọn ngày bắt đầu và ngày kết thúc."
        : to < from ? "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."
        : to.Value.DayNumber - from.Value.DayNumber + 1 > MaxDays ? $"Mỗi sổ tối đa {MaxDays} ngày."
        : null;

    public async Task<TrackingBook?> LoadAsync(int branchId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (ValidatePeriod(from, to) is not null) throw new ArgumentException("Invalid period.", nameof(to));
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), Hanoi);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), Hanoi);

        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var branch = await db.Branches.AsNoTracking().Where(b => b.Id == branchId).Select(b => b.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (branch is null) return null;
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.ReceivingBranchId == branchId && a.ReceivedAt >= start && a.ReceivedAt < end)
            .OrderBy(a => a.ReceivedAt).ThenBy(a => a.Id)
            .Select(a => new TrackingBookRow(a.Id, a.Code, a.Applicant.FullName,
                db.Procedures.Where(p => p.Id == a.ProcedureId).Select(p => p.Name).First(),
                a.ReceivedAt!.Value, a.DueAt, a.CompletedAt, a.ReturnedAt, a.Status, a.ExtensionReason))
            .ToListAsync(ct).ConfigureAwait(false);
        return new TrackingBook(branchId, branch, from, to, rows);
    }

    public async Task<IReadOnlyList<(int Id, string Name)>> BranchesAsync(CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var list = await db.Branches.AsNoTracking().OrderBy(b => b.Code).Select(b => new { b.Id, b.Name }).ToListAsync(ct).ConfigureAwait(false);
        return list.Select(b => (b.Id, b.Name)).ToList();
    }
}
