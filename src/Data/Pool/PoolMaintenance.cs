using Microsoft.Extensions.Logging;

namespace HanoiWorkbench.Data.Pool;

/// <summary>
/// Every minute: returns claims untouched for the policy's timeout to the pool and lets overloaded branches overflow.
/// Take-next does the same return check itself.
/// </summary>
public sealed class PoolMaintenance(WorkPool pool, TimeProvider clock, ILogger<PoolMaintenance> log) : PeriodicWork(clock, log, "Pool maintenance")
{
    public const string AuditActorName = "Hệ thống (kho việc chung: trả việc quá hạn, chuyển việc khi quá tải)";

    protected override string AuditName => AuditActorName;

    protected override async Task<int> PassAsync(CancellationToken ct)
    {
        var returned = await pool.ReturnStaleAsync(ct).ConfigureAwait(false);
        var moved = await pool.OverflowAsync(ct).ConfigureAwait(false);
        if (returned + moved > 0) log.LogInformation("Pool: {Returned} untouched claims returned, {Moved} items overflowed", returned, moved);
        return returned + moved;
    }
}
