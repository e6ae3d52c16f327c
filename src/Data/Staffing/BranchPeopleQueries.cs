using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Staffing;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Staffing;

/// <summary>Where a person of the board is now, as the branch sees it.</summary>
public enum Presence
{
    /// <summary>A person of the branch, working here.</summary>
    Here = 0,
    /// <summary>Lent to this branch by another one.</summary>
    LentIn = 1,
    /// <summary>A person of the branch lent to another branch: away.</summary>
    LentOut = 2,
    Absent = 3,
    /// <summary>Lent to this branch from a later moment: arriving.</summary>
    Arriving = 4,
}

public sealed record BoardPeriod(long Id, StaffPeriodKind Kind, DateTimeOffset From, DateTimeOffset To, int? ToBranchId, string? ToBranchName,
    string Reason, bool Started, bool CanCancel);

/// <summary>One person on the board; <see cref="Version"/> goes back with a move so a stale decision is refused.</summary>
public sealed record BoardPerson(int StaffId, string FullName, StaffRole Role, int HomeBranchId, string HomeBranchName, int CurrentBranchId,
    Presence Presence, int? CounterId, string? CounterName, string? ServingNumber, int? PendingCounterId, string? PendingCounterName,
    BoardPeriod? Current, BoardPeriod? Next, int Version);

public sealed record BoardMove(long Id, StaffMoveKind Kind, DateTimeOffset At, string? ActorName, string? StaffName, string? Reason,
    string? Before, string? After);

public sealed record BranchPeople(int BranchId, DateTimeOffset At, IReadOnlyList<BoardPerson> People, IReadOnlyList<BoardMove> Moves);

/// <summary>
/// The board's people list: the branch's clerks and managers now (home and lent-in), those lent away and those arriving, each
/// with counter, ticket being served, current and next absence or lend; and the branch's last moves.
/// </summary>
public sealed class BranchPeopleQueries(IDbContextFactory<WorkbenchDbContext> contexts, TimeProvider clock)
{
    public const int DefaultHistory = 20;

    public async Task<BranchPeople> PeopleAsync(int branchId, int history = DefaultHistory, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var arriving = db.StaffPeriods.Where(p => p.ToBranchId == branchId && p.CancelledAt == null && p.EndedAt == null).Select(p => p.StaffId);
            var people = await db.Staff.AsNoTracking()
                .Where(s => s.IsActive && (s.Role == StaffRole.Clerk || s.Role == StaffRole.BranchManager)
                    && (s.CurrentBranchId == branchId || s.HomeBranchId == branchId || arriving.Contains(s.Id)))
                .OrderBy(s => s.FullName)
                .Select(s => new { s.Id, s.FullName, s.Role, s.HomeBranchId, s.CurrentBranchId, s.CurrentCounterId, s.PendingCounterId, s.Version })
                .ToListAsync(ct).ConfigureAwait(false);
            var ids = people.Select(p => p.Id).ToList();
            var periods = await db.StaffPeriods.AsNoTracking()
                .Where(p => ids.Contains(p.StaffId) && p.CancelledAt == null && p.EndedAt == null).ToListAsync(ct).ConfigureAwait(false);
            var branchIds = people.Select(p => p.HomeBranchId).Concat(periods.Where(p => p.ToBranchId != null).Select(p => p.ToBranchId!.Value)).ToHashSet();
            var branches = await db.Branches.AsNoTracking().Where(b => branchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct)
                .ConfigureAwait(false);
            var counters = await db.Counters.AsNoTracking().Where(c => c.BranchId == branchId).ToDictionaryAsync(c => c.Id, c => c.Name, ct)
                .ConfigureAwait(false);
            var counterIds = counters.Keys.ToList();
            var serving = await db.Tickets.AsNoTracking()
                .Where(t => t.CounterId != null && counterIds.Contains(t.CounterId.Value) && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
                .Select(t => new { CounterId = t.CounterId!.Value, t.Number }).ToListAsync(ct).ConfigureAwait(false);
            var servingAt = serving.GroupBy(t => t.CounterId).ToDictionary(g => g.Key, g => g.First().Number);

            BoardPeriod Row(StaffPeriodRecord p) => new(p.Id, p.Kind, p.From, p.To, p.ToBranchId,
                p.ToBranchId is { } to ? branches.GetValueOrDefault(to) : null, p.Reason, p.StartedAt is not null, p.CanCancel(now));
            var rows = people.Select(s =>
            {
                var mine = periods.Where(p => p.StaffId == s.Id).OrderBy(p => p.From).ToList();
                var current = mine.FirstOrDefault(p => p.StartedAt is not null || p.ToRule().Covers(now));
                var next = mine.FirstOrDefault(p => p != current && p.From > now);
                var presence = s.CurrentBranchId != branchId ? (s.HomeBranchId == branchId ? Presence.LentOut : Presence.Arriving)
                    : s.HomeBranchId != branchId ? Presence.LentIn
                    : current is { Kind: StaffPeriodKind.Absence, StartedAt: not null } ? Presence.Absent
                    : Presence.Here;
                var counterId = s.CurrentBranchId == branchId ? s.CurrentCounterId : null;
                return new BoardPerson(s.Id, s.FullName, s.Role, s.HomeBranchId, branches.GetValueOrDefault(s.HomeBranchId, ""), s.CurrentBranchId,
                    presence, counterId, counterId is { } c ? counters.GetValueOrDefault(c) : null,
                    counterId is { } sc ? servingAt.GetValueOrDefault(sc) : null,
                    s.PendingCounterId, s.PendingCounterId is { } pc ? counters.GetValueOrDefault(pc) : null,
                    current is null ? null : Row(current), next is null ? null : Row(next), s.Version);
            }).ToList();
            return new BranchPeople(branchId, now, rows, await MovesAsync(db, branchId, history, ct).ConfigureAwait(false));
        }
    }

    private static async Task<List<BoardMove>> MovesAsync(WorkbenchDbContext db, int branchId, int history, CancellationToken ct)
    {
        var moves = await db.StaffMoves.AsNoTracking().Where(m => m.BranchId == branchId || m.OtherBranchId == branchId)
            .OrderByDescending(m => m.At).ThenByDescending(m => m.Id).Take(Math.Clamp(history, 1, 200))
            .ToListAsync(ct).ConfigureAwait(false);
        var who = moves.SelectMany(m => new[] { m.ActorStaffId, m.StaffId }).OfType<int>().Distinct().ToList();
        var names = await db.Staff.AsNoTracking().Where(s => who.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct).ConfigureAwait(false);
        return moves.Select(m => new BoardMove(m.Id, m.Kind, m.At, m.ActorStaffId is { } a ? names.GetValueOrDefault(a) : null,
            m.StaffId is { } s ? names.GetValueOrDefault(s) : null, m.Reason, m.Before, m.After)).ToList();
    }
}
