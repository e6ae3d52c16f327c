using System.Text.Json;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Monitoring;

/// <summary>
/// Each branch's targets (<see cref="AlertThresholds"/>); a branch nobody has set follows <see cref="AlertThresholds.Default"/>.
/// Read from a copy of the whole table kept for <see cref="CacheFor"/> (30 rows; the dashboard and the alerts read it on
/// every update), replaced at once on this instance when saved, within <see cref="CacheFor"/> on the others.
/// </summary>
public sealed class BranchTargets(IDbContextFactory<WorkbenchDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private volatile Snapshot? _snapshot;
    private int _saves;

    public async Task<AlertThresholds> ForBranchAsync(int branchId, CancellationToken ct) =>
        (await SetAsync(ct).ConfigureAwait(false)).GetValueOrDefault(branchId) ?? AlertThresholds.Default;

    /// <summary>The targets of every active branch, defaults included.</summary>
    public async Task<IReadOnlyDictionary<int, AlertThresholds>> AllAsync(CancellationToken ct)
    {
        var set = await SetAsync(ct).ConfigureAwait(false);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var branches = await db.Branches.AsNoTracking().Where(b => b.IsActive).Select(b => b.Id).ToListAsync(ct).ConfigureAwait(false);
            return branches.ToDictionary(id => id, id => set.GetValueOrDefault(id) ?? AlertThresholds.Default);
        }
    }

    /// <summary>The branches whose targets were set, with when and by whom (the page lists them).</summary>
    public async Task<IReadOnlyList<BranchTarget>> SetRowsAsync(CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return await db.BranchTargets.AsNoTracking().OrderBy(t => t.BranchId).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Saves a branch's targets with an audit entry when valid; returns the errors by field otherwise (nothing saved).</summary>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(int branchId, AlertThresholds thresholds, int staffId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var now = clock.GetUtcNow();
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            if (!await db.Branches.AnyAsync(b => b.Id == branchId, ct).ConfigureAwait(false))
                return new Dictionary<string, string> { [""] = "Không tìm thấy chi nhánh." };
            var row = await db.BranchTargets.FirstOrDefaultAsync(t => t.BranchId == branchId, ct).ConfigureAwait(false);
            IReadOnlyDictionary<string, string> errors;
            if (row is null)
            {
                (row, errors) = BranchTarget.Create(branchId, thresholds, now, staffId);
                if (row is not null) db.BranchTargets.Add(row);
            }
            else errors = row.Set(thresholds, now, staffId);
            if (errors.Count > 0) return errors;
            db.AuditEntries.Add(new AuditEntry(now, $"staff:{staffId}", staffId, "Cập nhật mục tiêu chi nhánh", "BranchTarget",
                branchId.ToString(System.Globalization.CultureInfo.InvariantCulture), JsonSerializer.Serialize(thresholds)));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        Interlocked.Increment(ref _saves);
        _snapshot = null;
        return new Dictionary<string, string>();
    }

    private async Task<IReadOnlyDictionary<int, AlertThresholds>> SetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_snapshot is { } s && now - s.ReadAt < CacheFor) return s.Targets;
        var saves = Volatile.Read(ref _saves);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.BranchTargets.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
            var targets = rows.ToDictionary(r => r.BranchId, r => r.Thresholds);
            // A read that began before a save here may hold the old row: keep it for this caller only.
            if (saves == Volatile.Read(ref _saves)) _snapshot = new Snapshot(now, targets);
            return targets;
        }
    }

    private sealed record Snapshot(DateTimeOffset ReadAt, IReadOnlyDictionary<int, AlertThresholds> Targets);
}
