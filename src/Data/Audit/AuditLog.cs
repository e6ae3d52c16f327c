using HanoiWorkbench.Core.Audit;
using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Audit;

/// <summary>The outcome of a check of the whole chain: how many entries were checked, and the first broken link if any.</summary>
public sealed record AuditCheck(long Checked, BrokenLink? Broken)
{
    public bool Holds => Broken is null;
}

/// <summary>Appending single entries (sign-in, export, reveal, look-up), reading the latest ones and checking the chain.</summary>
public sealed class AuditLog(IDbContextFactory<WorkbenchDbContext> contexts, TimeProvider clock)
{
    internal const int Batch = 2000;

    /// <summary>Appends one entry in its own transaction (sealed after the current head).</summary>
    public async Task AppendAsync(string userName, int? staffId, string action, string entityType, string entityId, string? details = null,
        CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), userName, staffId, action, entityType, entityId, details));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(int take = 100, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(take).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Walks the chain from entry 1 in batches (memory stays flat however long it is), recomputing every hash, then compares
    /// the head with the last entry, so rows cut off the end are found too.
    /// </summary>
    public async Task<AuditCheck> VerifyAsync(CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var (next, previous, count) = (1L, AuditChain.Genesis, 0L);
            while (true)
            {
                var from = next;
                var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).Take(Batch)
                    .ToListAsync(ct).ConfigureAwait(false);
                if (batch.Count == 0) break;
                if (AuditChain.FirstBroken(batch, next, previous) is { } broken) return new AuditCheck(count, broken);
                (next, previous, count) = (batch[^1].Sequence + 1, batch[^1].Hash, count + batch.Count);
            }
            var head = await db.AuditHeads.AsNoTracking().SingleAsync(ct).ConfigureAwait(false);
            if (head.LastSequence != next - 1 || !string.Equals(head.LastHash, previous, StringComparison.Ordinal))
                return new AuditCheck(count, new BrokenLink(next, 0,
                    $"Đầu chuỗi ghi mục số {head.LastSequence} nhưng chuỗi dừng ở mục số {next - 1}: các mục cuối đã bị xóa hoặc sửa."));
            return new AuditCheck(count, null);
        }
    }
}
