using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Reports;

/// <summary>
/// The Decision 766 scorecard's read: three grouped counts over the period (completed by handling branch and lateness,
/// received by receiving branch and channel, ratings by branch and level) on the report's indexes; no row comes back one by
/// one. Core's <see cref="Decision766"/> scores them.
/// </summary>
public sealed class ScorecardQuery(IDbContextFactory<WorkbenchDbContext> dbFactory)
{
    /// <summary>The city's scorecard and every branch's (by code), or only <paramref name="branchId"/>'s when given.</summary>
    public async Task<CityScorecards> LoadAsync(ReportPeriod period, int? branchId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var branches = await db.Branches.AsNoTracking().Where(b => branchId == null || b.Id == branchId).OrderBy(b => b.Code)
                .Select(b => new { b.Id, b.Name }).ToListAsync(ct).ConfigureAwait(false);
            var (receivedRows, completedRows, ratingRows) = ProductivityReportQuery.PeriodRows(db, branchId, period);
            var received = await receivedRows.GroupBy(a => new { a.ReceivingBranchId, a.Channel })
                .Select(g => new ChannelCount(g.Key.ReceivingBranchId, g.Key.Channel, g.Count()))
                .ToListAsync(ct).ConfigureAwait(false);
            var completed = await ProductivityReportQuery.CountCompletedAsync(completedRows, ct).ConfigureAwait(false);
            var ratings = await ProductivityReportQuery.CountRatingsAsync(ratingRows, ct).ConfigureAwait(false);
            var cityName = branchId is null ? ProductivityReportQuery.CityName : branches.Select(b => b.Name).FirstOrDefault() ?? "";
            return Decision766.City(period, branches.Select(b => (b.Id, b.Name)).ToList(), cityName, completed, received, ratings);
        }
    }
}
