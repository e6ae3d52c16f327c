using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Reports;
using HanoiWorkbench.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Reports;

/// <summary>One kept monthly city report as the list shows it (no file bytes).</summary>
public sealed record CityReportRow(long Id, DateOnly Month, CityReportStatus Status, string RequestedBy, DateTimeOffset RequestedAt,
    DateTimeOffset? GeneratedAt, string? Failure, int PdfBytes, int ExcelBytes)
{
    public ReportPeriod Period => ReportPeriod.MonthOf(Month);
}

/// <summary>A kept file: its bytes and the month it reports.</summary>
public sealed record CityReportFile(long Id, DateOnly Month, byte[] Bytes);

/// <summary>
/// The monthly city reports: requests (checked by <see cref="CityReports.RequestRefusal"/> and audited), the worker's
/// moves (start, finish with the files, fail), the list and the files. One context per operation.
/// </summary>
public sealed class CityReportStore(IDbContextFactory<WorkbenchDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    private readonly SemaphoreSlim _requests = new(1, 1);

    public const string Interrupted = "Máy chủ khởi động lại khi báo cáo đang lập; hãy yêu cầu lập lại.";

    /// <summary>Queues a report of the month <paramref name="month"/> falls in; the id, or the Vietnamese reason nothing was queued.</summary>
    public async Task<(long? Id, string? Refusal)> RequestAsync(DateOnly month, int staffId, string userName, CancellationToken ct = default)
    {
        var first = ReportPeriod.MonthOf(month).From;
        // The check of the month's reports in flight and the insert are one step for this process's requests.
        await _requests.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await RequestLockedAsync(first, staffId, userName, ct).ConfigureAwait(false);
        }
        finally
        {
            _requests.Release();
        }
    }

    private async Task<(long? Id, string? Refusal)> RequestLockedAsync(DateOnly first, int staffId, string userName, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var staffName = await db.Staff.AsNoTracking().Where(s => s.Id == staffId).Select(s => s.FullName).SingleOrDefaultAsync(ct).ConfigureAwait(false);
            if (staffName is null) return (null, "Không tìm thấy cán bộ yêu cầu.");
            var sameMonth = await db.CityReports.AsNoTracking().Where(r => r.Month == first).Select(r => r.Status).ToListAsync(ct).ConfigureAwait(false);
            var now = clock.GetUtcNow();
            CityReport report;
            try
            {
                report = CityReport.Request(first, HanoiTime.DateOf(now), sameMonth, staffId, staffName, now);
            }
            catch (DomainException refused)
            {
                return (null, refused.Message);
            }
            db.CityReports.Add(report);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await audit.AppendAsync(userName, staffId, "Yêu cầu lập báo cáo tháng toàn thành phố", nameof(CityReport),
                report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), report.Period.Label(), ct).ConfigureAwait(false);
            return (report.Id, null);
        }
    }

    /// <summary>Moves a queued report to running: its month, or null when it is not queued any more (already taken, or gone).</summary>
    public async Task<DateOnly?> StartAsync(long id, CancellationToken ct = default)
    {
        DateOnly? month = null;
        return await MoveAsync(id, r =>
        {
            r.Start(clock.GetUtcNow());
            month = r.Month;
        }, ct).ConfigureAwait(false) ? month : null;
    }

    public Task<bool> FinishAsync(long id, byte[] pdf, byte[] excel, CancellationToken ct = default) =>
        MoveAsync(id, r => r.Finish(pdf, excel, clock.GetUtcNow()), ct);

    public Task<bool> FailAsync(long id, string reason, CancellationToken ct = default) => MoveAsync(id, r => r.Fail(reason, clock.GetUtcNow()), ct);

    /// <summary>
    /// At start: reports left running by a stopped process are failed with <see cref="Interrupted"/> (their work was lost), and
    /// the ids still queued are returned to be generated.
    /// </summary>
    public async Task<IReadOnlyList<long>> RecoverAsync(CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var open = await db.CityReports.Where(r => r.Status == CityReportStatus.Queued || r.Status == CityReportStatus.Running)
                .OrderBy(r => r.Id).ToListAsync(ct).ConfigureAwait(false);
            foreach (var r in open.Where(r => r.Status == CityReportStatus.Running)) r.Fail(Interrupted, clock.GetUtcNow());
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return open.Where(r => r.Status == CityReportStatus.Queued).Select(r => r.Id).ToList();
        }
    }

    /// <summary>The kept reports, newest request first.</summary>
    public async Task<IReadOnlyList<CityReportRow>> ListAsync(int take = 50, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return await db.CityReports.AsNoTracking().OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).Take(take)
                .Select(r => new CityReportRow(r.Id, r.Month, r.Status, r.RequestedByName, r.RequestedAt, r.GeneratedAt, r.Failure,
                    r.Pdf == null ? 0 : r.Pdf.Length, r.Excel == null ? 0 : r.Excel.Length))
                .ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A ready report's PDF or Excel file, or null (unknown, not ready yet).</summary>
    public async Task<CityReportFile?> FileAsync(long id, bool pdf, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.CityReports.AsNoTracking().Where(r => r.Id == id && r.Status == CityReportStatus.Ready)
                .Select(r => new { r.Id, r.Month, Bytes = pdf ? r.Pdf : r.Excel }).SingleOrDefaultAsync(ct).ConfigureAwait(false);
            return row?.Bytes is { } bytes ? new CityReportFile(row.Id, row.Month, bytes) : null;
        }
    }

    private async Task<bool> MoveAsync(long id, Action<CityReport> move, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var report = await db.CityReports.SingleOrDefaultAsync(r => r.Id == id, ct).ConfigureAwait(false);
            if (report is null) return false;
            try
            {
                move(report);
            }
            catch (DomainException)
            {
                return false;
            }
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return true;
        }
    }
}
