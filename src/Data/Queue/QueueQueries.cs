using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Queue;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Queue;

public sealed record QueueBranch(int Id, string Code, string Name, string Address);

/// <summary>A call as the lobby shows it: ticket number and counter, never who the citizen is.</summary>
public sealed record DisplayCall(long TicketId, string Number, string GroupLetter, int CounterNumber, DateTimeOffset CalledAt, int Recalls, bool Serving);

public sealed record DisplayGroup(string Letter, string Name, int Waiting, int OpenCounters, int? EstimatedMinutes, string EstimateText);

/// <summary>Everything the lobby display shows; anonymous, so only numbers, counters and counts.</summary>
public sealed record DisplayState(string BranchCode, string BranchName, int BranchId, DateTimeOffset Now,
    IReadOnlyList<DisplayCall> Current, IReadOnlyList<DisplayCall> Recent, IReadOnlyList<DisplayGroup> Groups);

public sealed record DeskTicket(long Id, string Number, int ServiceGroupId, string GroupLetter, PriorityCategory Priority, TicketStatus Status,
    DateTimeOffset IssuedAt, DateTimeOffset? CalledAt, DateTimeOffset? StartedAt, int RecallCount, int? ReservedCounterId, long? ApplicationId)
{
    public IReadOnlySet<TicketAction> Allowed(QueuePolicy policy) => TicketActions.Allowed(Status, RecallCount, policy);

    /// <summary>Why an action is refused now (the counter shows it beside a disabled button), or null when it is allowed.</summary>
    public string? Refusal(TicketAction action, QueuePolicy policy) => TicketActions.Decide(Status, action, RecallCount, policy).Refusal;
}

/// <param name="GroupIds">The groups the counter calls from now (the clerk's session choice, or all it is configured for).</param>
/// <param name="ConfiguredGroupIds">The groups the manager configured the counter for: the only ones a clerk may choose from.</param>
public sealed record DeskCounter(int Id, int Number, string Name, bool IsOpen, CounterStatus Status, IReadOnlyList<int> GroupIds, string? StaffName,
    IReadOnlyList<int> ConfiguredGroupIds);

/// <summary>What the clerk's counter page shows.</summary>
public sealed record CounterDesk(
    int BranchId,
    string BranchName,
    DeskCounter? MyCounter,
    DeskTicket? Current,
    IReadOnlyList<DeskTicket> Waiting,
    IReadOnlyList<DeskTicket> Parked,
    IReadOnlyList<DeskCounter> Counters,
    IReadOnlyList<ServiceGroup> Groups);

/// <summary>Read models of the queue screens: kiosk, lobby display, counter page. One short context per call, no tracking.</summary>
public sealed class QueueQueries(IDbContextFactory<WorkbenchDbContext> contexts, TimeProvider clock, QueuePolicy policy)
{
    private DateTimeOffset Now => clock.GetUtcNow().ToHanoi();

    public async Task<IReadOnlyList<QueueBranch>> BranchesAsync(CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return await db.Branches.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.Code)
                .Select(b => new QueueBranch(b.Id, b.Code, b.Name, b.Address)).ToListAsync(ct).ConfigureAwait(false);
    }

    public async Task<QueueBranch?> BranchAsync(string code, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return await FindBranchAsync(db, code, ct).ConfigureAwait(false);
    }

    /// <summary>The lobby display's state, or null for an unknown branch code.</summary>
    public async Task<DisplayState?> DisplayAsync(string branchCode, int recentCount = 8, CancellationToken ct = default)
    {
        var now = Now;
        var day = TicketNumbering.ServiceDay(now);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var branch = await FindBranchAsync(db, branchCode, ct).ConfigureAwait(false);
            if (branch is null) return null;
            var calls = await (
                    from t in db.Tickets.AsNoTracking()
                    join c in db.Counters on t.CounterId equals c.Id
                    join g in db.ServiceGroups on t.ServiceGroupId equals g.Id
                    where t.BranchId == branch.Id && t.ServiceDate == day && t.CalledAt != null
                    orderby t.CalledAt descending
                    select new DisplayCall(t.Id, t.Number, g.Letter, c.Number, t.CalledAt!.Value, t.RecallCount, t.Status == TicketStatus.Serving))
                .Take(recentCount + 20).ToListAsync(ct).ConfigureAwait(false);
            var currentIds = await db.Tickets.AsNoTracking()
                .Where(t => t.BranchId == branch.Id && t.ServiceDate == day && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
                .Select(t => t.Id).ToListAsync(ct).ConfigureAwait(false);
            var current = calls.Where(c => currentIds.Contains(c.TicketId)).ToList();
            var groups = await QueueReads.GroupsServedAsync(db, branch.Id, ct).ConfigureAwait(false);
            var estimates = await QueueReads.EstimatesAsync(db, branch.Id, groups, policy, day, ct).ConfigureAwait(false);
            return new DisplayState(branch.Code, branch.Name, branch.Id, now, current, calls.Take(recentCount).ToList(),
                estimates.Select(e => new DisplayGroup(e.Letter, e.Name, e.Waiting, e.OpenCounters,
                    e.EstimatedWait is { } w ? (int)Math.Ceiling(w.TotalMinutes) : null, WaitEstimator.Describe(e.EstimatedWait))).ToList());
        }
    }

    /// <summary>The clerk's counter, its current ticket, the waiting queue of its groups, the branch's parked tickets and counters.</summary>
    public async Task<CounterDesk> DeskAsync(int staffId, CancellationToken ct = default)
    {
        var day = TicketNumbering.ServiceDay(Now);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var staff = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == staffId, ct).ConfigureAwait(false)
                ?? throw new DomainException("Không tìm thấy cán bộ.");
            var branchId = staff.CurrentBranchId;
            var branchName = await db.Branches.Where(b => b.Id == branchId).Select(b => b.Name).FirstAsync(ct).ConfigureAwait(false);
            var seated = await db.Staff.AsNoTracking().Where(s => s.CurrentBranchId == branchId && s.CurrentCounterId != null && s.IsActive)
                .Select(s => new { s.CurrentCounterId, s.FullName }).ToListAsync(ct).ConfigureAwait(false);
            var counters = (await db.Counters.AsNoTracking().Where(c => c.BranchId == branchId).OrderBy(c => c.Number)
                    .Select(c => new { c.Id, c.Number, c.Name, c.IsOpen, c.Status, Configured = c.ServiceGroups.Select(g => g.Id).ToList(),
                        Session = c.SessionGroups.Select(g => g.Id).ToList() })
                    .ToListAsync(ct).ConfigureAwait(false))
                .Select(c => new DeskCounter(c.Id, c.Number, c.Name, c.IsOpen, c.Status, c.Session.Count > 0 ? c.Session : c.Configured,
                    seated.FirstOrDefault(s => s.CurrentCounterId == c.Id)?.FullName, c.Configured))
                .ToList();
            var groups = await db.ServiceGroups.AsNoTracking().OrderBy(g => g.Letter).ToListAsync(ct).ConfigureAwait(false);
            var letters = groups.ToDictionary(g => g.Id, g => g.Letter);
            var mine = counters.FirstOrDefault(c => c.Id == staff.CurrentCounterId);

            var open = await db.Tickets.AsNoTracking()
                .Where(t => t.BranchId == branchId && t.ServiceDate == day
                    && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Parked
                        || (mine != null && t.CounterId == mine.Id && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))))
                .OrderBy(t => t.IssuedAt).ThenBy(t => t.Sequence)
                .ToListAsync(ct).ConfigureAwait(false);
            DeskTicket Row(Ticket t) => new(t.Id, t.Number, t.ServiceGroupId, letters.GetValueOrDefault(t.ServiceGroupId, "?"), t.Priority, t.Status,
                t.IssuedAt, t.CalledAt, t.StartedAt, t.RecallCount, t.ReservedCounterId, t.ApplicationId);

            var myGroups = mine?.GroupIds.ToHashSet() ?? [];
            return new CounterDesk(branchId, branchName, mine,
                open.Where(t => t.Status is TicketStatus.Called or TicketStatus.Serving).Select(Row).FirstOrDefault(),
                open.Where(t => t.Status == TicketStatus.Waiting
                        && (t.ReservedCounterId == null ? mine is null || myGroups.Contains(t.ServiceGroupId) : t.ReservedCounterId == mine?.Id))
                    .Select(Row).ToList(),
                open.Where(t => t.Status == TicketStatus.Parked).Select(Row).ToList(),
                counters, groups);
        }
    }

    private static Task<QueueBranch?> FindBranchAsync(WorkbenchDbContext db, string code, CancellationToken ct) =>
        db.Branches.AsNoTracking().Where(b => b.Code == code && b.IsActive)
            .Select(b => new QueueBranch(b.Id, b.Code, b.Name, b.Address)).FirstOrDefaultAsync(ct);
}
