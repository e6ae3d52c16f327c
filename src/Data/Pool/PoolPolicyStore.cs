using HanoiWorkbench.Core.Pool;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Pool;

/// <summary>The director's pool policy: one row, read once and kept until saved again.</summary>
public sealed class PoolPolicyStore(IDbContextFactory<WorkbenchDbContext> contexts, TimeProvider clock)
{
    private volatile PoolPolicy? _cached;

    public async Task<PoolPolicy> GetAsync(CancellationToken ct = default)
    {
        if (_cached is { } p) return p;
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var stored = await db.PoolPolicies.AsNoTracking().FirstOrDefaultAsync(ct).ConfigureAwait(false);
            return _cached = stored ?? PoolPolicy.Default;
        }
    }

    /// <summary>Saves the policy when valid; returns the errors by field otherwise (nothing saved).</summary>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(PoolPolicy policy, int staffId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var errors = policy.Validate();
        if (errors.Count > 0) return errors;
        var toSave = policy with { Id = 1, UpdatedAt = clock.GetUtcNow(), UpdatedByStaffId = staffId };
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            (await Security.ActingStaff.ReadAsync(db, staffId, ct).ConfigureAwait(false)).Require(Core.Rules.StaffAction.SetPoolPolicy, Core.Rules.PermissionTarget.City.BranchId);
            var exists = await db.PoolPolicies.AnyAsync(ct).ConfigureAwait(false);
            if (exists) db.PoolPolicies.Update(toSave);
            else db.PoolPolicies.Add(toSave);
            db.AuditEntries.Add(new Core.Domain.AuditEntry(clock.GetUtcNow(), $"staff:{staffId}", staffId, "Cập nhật chính sách kho việc chung", "PoolPolicy", "1",
                System.Text.Json.JsonSerializer.Serialize(toSave)));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        _cached = toSave;
        return errors;
    }
}
