using HanoiWorkbench.Data;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.TestSupport;

/// <summary>Everything a manager's move may change (staff seats and versions, counters, tickets, move and period rows), to
/// assert that a refused move changed nothing.</summary>
public sealed record MovesSnapshot(string Staff, string Counters, string Tickets, int Moves, int Periods)
{
    public static async Task<MovesSnapshot> TakeAsync(IDbContextFactory<WorkbenchDbContext> contexts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var staff = await db.Staff.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => $"{s.Id}:{s.CurrentBranchId}:{s.CurrentCounterId}:{s.PendingCounterId}:{s.Version}").ToListAsync(ct);
        var counters = await db.Counters.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => $"{c.Id}:{c.IsOpen}:{c.Status}:{c.Version}:{c.ServiceGroups.Count}:{c.SessionGroups.Count}").ToListAsync(ct);
        var tickets = await db.Tickets.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => $"{t.Id}:{t.Status}:{t.CounterId}:{t.ReservedCounterId}:{t.Version}").ToListAsync(ct);
        return new MovesSnapshot(string.Join(";", staff), string.Join(";", counters), string.Join(";", tickets),
            await db.StaffMoves.CountAsync(ct), await db.StaffPeriods.CountAsync(ct));
    }
}
