using System.Globalization;
using HanoiWorkbench.Core.Audit;
using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Pool;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Calendar;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Pool;

/// <summary>A work item as the pool page shows it.</summary>
public sealed record PoolItemView(long Id, WorkKind Kind, long ApplicationId, string ApplicationCode, string ProcedureName,
    string AreaName, int QueuedBranchId, string QueuedBranchName, DateTimeOffset DueAt, DateTimeOffset LatestStartAt,
    WorkItemState State, int? ClaimedByStaffId, DateTimeOffset? ClaimedAt, DateTimeOffset? TouchedAt, int Version)
{
    public TimeSpan SlackAt(DateTimeOffset now) => LatestStartAt - now;
}

public sealed record Colleague(int StaffId, string FullName, string BranchName);

/// <summary>
/// The citywide work pool: creating items, take-next with an atomic claim, release, hand-over, completion, moves between
/// branches and the return of untouched claims. One context per operation; live events after commit.
/// </summary>
public sealed class WorkPool(
    IDbContextFactory<WorkbenchDbContext> contexts,
    PoolPolicyStore policies,
    BranchCapacities capacities,
    CalendarProvider calendar,
    ILiveEvents live,
    TimeProvider clock)
{
    /// <summary>Candidates read per class (own branch / citywide) in one round of take-next.</summary>
    internal const int CandidatesPerRound = 16;
    internal const int MaxRounds = 8;

    /// <summary>
    /// Adds a work item for a step of an application to the caller's context (inside its transaction); the caller saves and,
    /// after commit, calls <see cref="PublishAsync"/>. The item is queued for the branch with the most spare capacity among those
    /// with someone of the skill present, or the application's handling branch when none has.
    /// </summary>
    public async Task<WorkItem> EnqueueAsync(WorkbenchDbContext db, Application application, Procedure procedure, WorkKind kind, CancellationToken ct = default) =>
        await EnqueueAsync(db, application, procedure, kind, queuedBranchId: null, ct).ConfigureAwait(false);

    /// <summary>As above, queued for <paramref name="queuedBranchId"/> when the caller has routed already (intake routes the application itself).</summary>
    public async Task<WorkItem> EnqueueAsync(WorkbenchDbContext db, Application application, Procedure procedure, WorkKind kind, int? queuedBranchId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(procedure);
        var policy = await policies.GetAsync(ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var effort = policy.EffortOf(kind);
        var due = await DueOfAsync(application, kind, policy, now, ct).ConfigureAwait(false);
        var branchId = queuedBranchId
            ?? await capacities.RouteAsync(procedure.FieldId, await AreaLocationAsync(db, application.AreaId, ct).ConfigureAwait(false), effort, policy, ct).ConfigureAwait(false)
            ?? application.HandlingBranchId;
        var item = new WorkItem(application.Id, kind, procedure.FieldId, application.AreaId, branchId, due, effort, now);
        db.WorkItems.Add(item);
        return item;
    }

    /// <summary>
    /// Brings the application's work items in line with its status (<see cref="WorkFlowRules.NeededFor"/>): items of a
    /// step that is over are closed, and the step that needs a person now gets an item if it has none. Runs in the
    /// caller's context and transaction; the caller saves. True when anything changed.
    /// </summary>
    public async Task<bool> SyncAsync(WorkbenchDbContext db, Application application, Procedure procedure, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(application);
        var needed = WorkFlowRules.NeededFor(application.Status);
        var now = clock.GetUtcNow();
        var open = application.Id == 0 ? [] : await db.WorkItems.Where(w => w.ApplicationId == application.Id && w.State != WorkItemState.Done)
            .ToListAsync(ct).ConfigureAwait(false);
        var changed = false;
        foreach (var item in open.Where(w => w.Kind != needed))
        {
            item.Close(now);
            changed = true;
        }
        if (needed is { } kind && !open.Any(w => w.Kind == kind))
        {
            await EnqueueAsync(db, application, procedure, kind, ct).ConfigureAwait(false);
            changed = true;
        }
        return changed;
    }

    /// <summary>Creates a processing or result item for an application on its own (for use cases that don't share a transaction).</summary>
    public async Task<long> CreateAsync(long applicationId, WorkKind kind, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var app = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId, ct).ConfigureAwait(false)
                ?? throw new DomainException("Không tìm thấy hồ sơ.");
            var procedure = await db.Procedures.FirstAsync(p => p.Id == app.ProcedureId, ct).ConfigureAwait(false);
            var item = await EnqueueAsync(db, app, procedure, kind, ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await PublishAsync(item.QueuedBranchId, item.Id, ct).ConfigureAwait(false);
            return item.Id;
        }
    }

    public ValueTask PublishAsync(int? branchId, long? itemId, CancellationToken ct = default) =>
        live.PublishAsync(LiveEventKind.WorkItemChanged, branchId, itemId, ct);

    /// <summary>
    /// Take next: returns untouched claims to the pool, reads the best open candidates for the clerk's skills, orders them with
    /// <see cref="RoutingRules.Order"/> and claims the first with a conditional update (state Open and the version read);
    /// when another clerk was quicker (0 rows) the next, and after a lost round it reads again. Null: nothing for the clerk's skills.
    /// </summary>
    public async Task<PoolItemView?> TakeNextAsync(int staffId, CancellationToken ct = default)
    {
        var policy = await policies.GetAsync(ct).ConfigureAwait(false);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var skills = await db.Staff.AsNoTracking().Where(s => s.Id == staffId && s.IsActive)
                .Select(s => s.Skills.Select(k => k.Id).ToList()).FirstOrDefaultAsync(ct).ConfigureAwait(false)
                ?? throw new DomainException("Không tìm thấy cán bộ.");
            var me = await ClaimerAsync(db, staffId, policy, null, ct).ConfigureAwait(false);
            if (skills.Count == 0) return null;
            await ReturnStaleAsync(db, policy, ct).ConfigureAwait(false);
            var claimer = new Claimer(staffId, me.CurrentBranchId, skills.ToHashSet());
            // Items another clerk is claiming right now (locked) or claimed since the read: not read or tried again by this call.
            var passed = new HashSet<long>();
            for (var round = 0; round < MaxRounds; round++)
            {
                var candidates = await CandidatesAsync(db, claimer, passed, ct).ConfigureAwait(false);
                if (candidates.Count == 0) return null;
                foreach (var c in RoutingRules.Order(candidates, claimer, policy))
                {
                    if (await ClaimAsync(db, c.Id, c.Version, staffId, policy, ct).ConfigureAwait(false))
                    {
                        await PublishAsync(c.QueuedBranchId, c.Id, ct).ConfigureAwait(false);
                        return await ViewAsync(db, c.Id, ct).ConfigureAwait(false);
                    }
                    passed.Add(c.Id);
                    WorkbenchMetrics.ClaimLost(WorkbenchMetrics.PoolTakeNext, me.CurrentBranchId);
                }
            }
            return null;
        }
    }

    /// <summary>
    /// One claim in one transaction, its write first (so SQLite takes its write lock before anything is read; a server engine
    /// first locks the row or, when another clerk holds it, gives up at once: <see cref="RowLocks"/>): the conditional
    /// update, then the permission and the limit on the staff record as it is now, then the hand-over of the application to the
    /// claimer's branch. All or nothing; false when another clerk was quicker or changed the application meanwhile.
    /// </summary>
    private async Task<bool> ClaimAsync(WorkbenchDbContext db, long itemId, int version, int staffId, PoolPolicy policy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (tx.ConfigureAwait(false))
        {
            if (!await RowLocks.TryLockAsync<WorkItem>(db, itemId, ct).ConfigureAwait(false)) return false;
            var rows = await db.WorkItems
                .Where(w => w.Id == itemId && w.State == WorkItemState.Open && w.Version == version)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(w => w.State, WorkItemState.Claimed)
                    .SetProperty(w => w.ClaimedByStaffId, staffId)
                    .SetProperty(w => w.ClaimedAt, now)
                    .SetProperty(w => w.TouchedAt, now)
                    .SetProperty(w => w.Version, w => w.Version + 1), ct).ConfigureAwait(false);
            if (rows != 1) return false;
            var me = await ClaimerAsync(db, staffId, policy, itemId, ct).ConfigureAwait(false);
            db.AuditEntries.Add(Audit.AuditScope.SetBasedEntry(now, staffId, "Nhận việc từ kho chung", nameof(WorkItem), itemId,
                new Dictionary<string, object?> { ["State"] = nameof(WorkItemState.Open), ["Version"] = version },
                new Dictionary<string, object?> { ["State"] = nameof(WorkItemState.Claimed), ["ClaimedByStaffId"] = staffId, ["ClaimedAt"] = now, ["Version"] = version + 1 }));
            var applicationId = await db.WorkItems.Where(w => w.Id == itemId).Select(w => w.ApplicationId).FirstAsync(ct).ConfigureAwait(false);
            await HandApplicationAsync(db, applicationId, me.CurrentBranchId, staffId, me, now, ct).ConfigureAwait(false);
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return false;
            }
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>
    /// The claimer as the staff record says now, refused without the permission or at the policy's limit of claims
    /// (<paramref name="claiming"/>, the item being claimed, is not counted).
    /// </summary>
    internal static async Task<Security.ActingStaff> ClaimerAsync(WorkbenchDbContext db, int staffId, PoolPolicy policy, long? claiming, CancellationToken ct)
    {
        var me = (await Security.ActingStaff.ReadAsync(db, staffId, ct).ConfigureAwait(false)).Require(StaffAction.ClaimPoolWork, PermissionTarget.City.BranchId);
        var held = await db.WorkItems.CountAsync(w => w.ClaimedByStaffId == staffId && w.State == WorkItemState.Claimed && w.Id != claiming, ct)
            .ConfigureAwait(false);
        if (policy.ClaimLimitRefusal(held) is { } refusal) throw new DomainException(refusal);
        return me;
    }

    /// <summary>
    /// Work claimed from another branch becomes the claimer's branch's: the application is handed to that branch (and person) in
    /// the claim's transaction, so the claimer may open it and it counts where it is worked on. The caller saves.
    /// </summary>
    internal static async Task HandApplicationAsync(WorkbenchDbContext db, long applicationId, int toBranchId, int toStaffId, Security.ActingStaff by,
        DateTimeOffset now, CancellationToken ct)
    {
        var app = await db.Applications.FirstAsync(a => a.Id == applicationId, ct).ConfigureAwait(false);
        if (app.HandlingBranchId == toBranchId) return;
        app.HandTo(toBranchId, toStaffId, by.StaffId, by.CurrentBranchId, now, "Nhận việc từ kho việc chung");
    }

    private static async Task<List<PoolCandidate>> CandidatesAsync(WorkbenchDbContext db, Claimer claimer, IReadOnlySet<long> passed, CancellationToken ct)
    {
        var skills = claimer.Skills.ToList();
        var open = db.WorkItems.AsNoTracking().TagWith(QueryTags.ClaimCandidates).Where(w => w.State == WorkItemState.Open && skills.Contains(w.FieldId));
        if (passed.Count > 0)
        {
            var skip = passed.ToList();
            open = open.Where(w => !skip.Contains(w.Id));
        }
        var own = await Top(open.Where(w => w.QueuedBranchId == claimer.BranchId)).ToListAsync(ct).ConfigureAwait(false);
        var all = await Top(open).ToListAsync(ct).ConfigureAwait(false);
        return own.Concat(all).DistinctBy(c => c.Id).ToList();

        static IQueryable<PoolCandidate> Top(IQueryable<WorkItem> q) => q
            .OrderBy(w => w.LatestStartAt).ThenBy(w => w.CreatedAt).ThenBy(w => w.Id)
            .Take(CandidatesPerRound)
            .Select(w => new PoolCandidate(w.Id, w.FieldId, w.QueuedBranchId, w.DueAt, w.CreatedAt, TimeSpan.FromMinutes(w.EffortMinutes), w.Version));
    }

    /// <summary>Returns claims untouched for the policy's timeout to the pool; the number returned.</summary>
    public async Task<int> ReturnStaleAsync(CancellationToken ct = default)
    {
        var policy = await policies.GetAsync(ct).ConfigureAwait(false);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return await ReturnStaleAsync(db, policy, ct).ConfigureAwait(false);
    }

    private async Task<int> ReturnStaleAsync(WorkbenchDbContext db, PoolPolicy policy, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - policy.ClaimTimeout;
        // Read first: a write statement would take SQLite's write lock even when nothing is stale.
        var stale = db.WorkItems.Where(w => w.State == WorkItemState.Claimed && w.TouchedAt <= cutoff);
        if (!await stale.AnyAsync(ct).ConfigureAwait(false)) return 0;
        var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false) : null;
        int rows;
        try
        {
            // The set-based return bypasses the change tracker, so the audit gets one entry per item returned, with who held it.
            // A no-op write first locks the stale rows (SQLite: its write lock) so the claims read next are exactly those returned.
            await stale.ExecuteUpdateAsync(s => s.SetProperty(w => w.Version, w => w.Version), ct).ConfigureAwait(false);
            var claims = await stale.Select(w => new { w.Id, w.ClaimedByStaffId, w.ClaimedAt, w.TouchedAt }).ToListAsync(ct).ConfigureAwait(false);
            var ids = claims.Select(c => c.Id).ToList();
            rows = await db.WorkItems.Where(w => ids.Contains(w.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(w => w.State, WorkItemState.Open)
                .SetProperty(w => w.ClaimedByStaffId, (int?)null)
                .SetProperty(w => w.ClaimedAt, (DateTimeOffset?)null)
                .SetProperty(w => w.TouchedAt, (DateTimeOffset?)null)
                .SetProperty(w => w.Version, w => w.Version + 1), ct).ConfigureAwait(false);
            var now = clock.GetUtcNow();
            foreach (var c in claims)
                db.AuditEntries.Add(new AuditEntry(now, PoolMaintenance.AuditActorName, null, "Trả việc quá hạn giữ về kho chung", nameof(WorkItem),
                    c.Id.ToString(CultureInfo.InvariantCulture), $"Không thao tác quá {policy.ClaimTimeout.TotalMinutes:0} phút",
                    before: AuditChain.Values(new Dictionary<string, object?> { ["State"] = nameof(WorkItemState.Claimed), ["ClaimedByStaffId"] = c.ClaimedByStaffId, ["ClaimedAt"] = c.ClaimedAt, ["TouchedAt"] = c.TouchedAt }),
                    after: AuditChain.Values(new Dictionary<string, object?> { ["State"] = nameof(WorkItemState.Open), ["ClaimedByStaffId"] = null })));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            if (tx is not null) await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            if (tx is not null) await tx.DisposeAsync().ConfigureAwait(false);
        }
        if (rows > 0) await PublishAsync(null, null, ct).ConfigureAwait(false);
        return rows;
    }

    public Task TouchAsync(long itemId, int staffId, CancellationToken ct = default) =>
        ChangeAsync(itemId, (item, _, now) => item.Touch(staffId, now), ct);

    public Task ReleaseAsync(long itemId, int staffId, CancellationToken ct = default) =>
        ChangeAsync(itemId, (item, _, _) => item.Release(staffId), ct);

    public Task CompleteAsync(long itemId, int staffId, CancellationToken ct = default) =>
        ChangeAsync(itemId, (item, _, now) => item.Complete(staffId, now), ct);

    public Task HandToAsync(long itemId, int staffId, int colleagueId, CancellationToken ct = default) =>
        ChangeAsync(itemId, async (item, db, now) =>
        {
            var me = await Security.ActingStaff.ReadAsync(db, staffId, ct).ConfigureAwait(false);
            var colleague = await db.Staff.Include(s => s.Skills).FirstOrDefaultAsync(s => s.Id == colleagueId && s.IsActive, ct).ConfigureAwait(false)
                ?? throw new DomainException("Không tìm thấy cán bộ nhận việc.");
            await ClaimerAsync(db, colleagueId, await policies.GetAsync(ct).ConfigureAwait(false), item.Id, ct).ConfigureAwait(false);
            item.HandTo(staffId, colleague, now);
            await HandApplicationAsync(db, item.ApplicationId, colleague.CurrentBranchId, colleague.Id, me, now, ct).ConfigureAwait(false);
        }, ct);

    /// <summary>Moves an open item to another branch, recorded with who, when and why.</summary>
    public Task MoveAsync(long itemId, int toBranchId, int byStaffId, string reason, CancellationToken ct = default) =>
        ChangeAsync(itemId, async (item, db, now) =>
        {
            // The mover as the staff record says now decides, whatever role the page saw.
            var me = await Security.ActingStaff.ReadAsync(db, byStaffId, ct).ConfigureAwait(false);
            if (!me.Allows(StaffAction.MovePoolWork, item.QueuedBranchId))
                throw new DomainException("Bạn không có quyền chuyển việc của chi nhánh này.");
            if (!await db.Branches.AnyAsync(b => b.Id == toBranchId && b.IsActive, ct).ConfigureAwait(false))
                throw new DomainException("Chi nhánh nhận không tồn tại hoặc đã ngừng hoạt động.");
            var from = item.QueuedBranchId;
            var move = new WorkItemMove(item.Id, from, toBranchId, byStaffId, now, reason);
            item.MoveTo(toBranchId);
            db.WorkItemMoves.Add(move);
            capacities.Invalidate();
        }, ct);

    private Task ChangeAsync(long itemId, Action<WorkItem, WorkbenchDbContext, DateTimeOffset> change, CancellationToken ct) =>
        ChangeAsync(itemId, (i, db, now) => { change(i, db, now); return Task.CompletedTask; }, ct);

    private async Task ChangeAsync(long itemId, Func<WorkItem, WorkbenchDbContext, DateTimeOffset, Task> change, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var item = await db.WorkItems.FirstOrDefaultAsync(w => w.Id == itemId, ct).ConfigureAwait(false)
                ?? throw new DomainException("Không tìm thấy việc.");
            var before = item.QueuedBranchId;
            await change(item, db, clock.GetUtcNow()).ConfigureAwait(false);
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new DomainException("Việc vừa được người khác thay đổi, vui lòng tải lại.");
            }
            await PublishAsync(before, item.Id, ct).ConfigureAwait(false);
            if (before != item.QueuedBranchId) await PublishAsync(item.QueuedBranchId, item.Id, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Items the clerk holds, least slack first.</summary>
    public async Task<IReadOnlyList<PoolItemView>> ClaimedByAsync(int staffId, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return await Views(db, db.WorkItems.Where(w => w.ClaimedByStaffId == staffId && w.State == WorkItemState.Claimed))
                .ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Open items queued for a branch, least slack first (the manager's view, where items can be moved).</summary>
    public async Task<IReadOnlyList<PoolItemView>> OpenForBranchAsync(int branchId, int take = 50, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return await Views(db, db.WorkItems.Where(w => w.QueuedBranchId == branchId && w.State == WorkItemState.Open))
                .Take(take).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Active colleagues with the item's skill, those at the holder's branch first.</summary>
    public async Task<IReadOnlyList<Colleague>> ColleaguesForAsync(long itemId, int staffId, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var fieldId = await db.WorkItems.Where(w => w.Id == itemId).Select(w => w.FieldId).FirstAsync(ct).ConfigureAwait(false);
            var myBranch = await db.Staff.Where(s => s.Id == staffId).Select(s => s.CurrentBranchId).FirstAsync(ct).ConfigureAwait(false);
            return await (from s in db.Staff.AsNoTracking()
                          join b in db.Branches on s.CurrentBranchId equals b.Id
                          where s.IsActive && s.Id != staffId && s.Skills.Any(k => k.Id == fieldId)
                          orderby s.CurrentBranchId == myBranch descending, s.FullName
                          select new Colleague(s.Id, s.FullName, b.Name)).Take(100).ToListAsync(ct).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<WorkItemMove>> MovesOfAsync(long itemId, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return await db.WorkItemMoves.AsNoTracking().Where(m => m.WorkItemId == itemId).OrderBy(m => m.Id).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Moves open work off branches above the overflow threshold (<see cref="RoutingRules.PlanOverflow"/>); the number moved.</summary>
    public async Task<int> OverflowAsync(CancellationToken ct = default)
    {
        var policy = await policies.GetAsync(ct).ConfigureAwait(false);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var caps = await capacities.ReadAsync(db, ct).ConfigureAwait(false);
            var overloaded = caps.Where(c => RoutingRules.IsOverloaded(c, policy)).Select(c => c.BranchId).ToList();
            if (overloaded.Count == 0) return 0;
            var homes = await HomeLocationsAsync(db, ct).ConfigureAwait(false);
            var open = (await db.WorkItems.AsNoTracking()
                    .Where(w => w.State == WorkItemState.Open && overloaded.Contains(w.QueuedBranchId))
                    .Select(w => new { w.Id, w.FieldId, w.QueuedBranchId, w.AreaId, w.LatestStartAt, w.EffortMinutes })
                    .ToListAsync(ct).ConfigureAwait(false))
                .Select(w => new QueuedItem(w.Id, w.FieldId, w.QueuedBranchId, homes.TryGetValue(w.AreaId, out var p) ? p : null,
                    w.LatestStartAt, TimeSpan.FromMinutes(w.EffortMinutes)))
                .ToList();
            var moves = RoutingRules.PlanOverflow(caps, open, policy);
            if (moves.Count == 0) return 0;
            var now = clock.GetUtcNow();
            var ids = moves.Select(m => m.WorkItemId).ToList();
            var items = await db.WorkItems.Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct).ConfigureAwait(false);
            foreach (var m in moves)
            {
                if (!items.TryGetValue(m.WorkItemId, out var item) || !item.CanMove) continue;
                item.MoveTo(m.ToBranchId);
                db.WorkItemMoves.Add(WorkItemMove.Automatic(item.Id, m.FromBranchId, m.ToBranchId, now, "Tự động chuyển do chi nhánh quá tải"));
            }
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                return 0; // someone claimed one meanwhile: the next pass plans again
            }
            capacities.Invalidate();
            foreach (var branch in moves.SelectMany(m => new[] { m.FromBranchId, m.ToBranchId }).Distinct())
                await PublishAsync(branch, null, ct).ConfigureAwait(false);
            return moves.Count;
        }
    }

    /// <summary>An area's location: that of the branch seated in it (areas carry no coordinates of their own).</summary>
    internal static async Task<GeoPoint?> AreaLocationAsync(WorkbenchDbContext db, int areaId, CancellationToken ct)
    {
        var b = await db.Branches.AsNoTracking().Where(x => x.HomeAreaId == areaId).OrderBy(x => x.Id)
            .Select(x => new { x.Latitude, x.Longitude }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return b is null ? null : new GeoPoint(b.Latitude, b.Longitude);
    }

    private static async Task<Dictionary<int, GeoPoint?>> HomeLocationsAsync(WorkbenchDbContext db, CancellationToken ct) =>
        (await db.Branches.AsNoTracking().Where(b => b.HomeAreaId != null)
            .Select(b => new { AreaId = b.HomeAreaId!.Value, b.Id, b.Latitude, b.Longitude }).ToListAsync(ct).ConfigureAwait(false))
        .GroupBy(b => b.AreaId)
        .ToDictionary(g => g.Key, g => (GeoPoint?)new GeoPoint(g.OrderBy(b => b.Id).First().Latitude, g.OrderBy(b => b.Id).First().Longitude));

    private async Task<DateTimeOffset> DueOfAsync(Application application, WorkKind kind, PoolPolicy policy, DateTimeOffset now, CancellationToken ct)
    {
        if (kind != WorkKind.CheckSubmission && application.DueAt is { } due) return due;
        var cal = await calendar.GetAsync(ct).ConfigureAwait(false);
        return WorkingTime.Add(application.SubmittedAt > now ? application.SubmittedAt : now,
            TimeSpan.FromHours(policy.CheckWithinWorkingHours), cal, calendar.Hours);
    }

    private static async Task<PoolItemView?> ViewAsync(WorkbenchDbContext db, long itemId, CancellationToken ct) =>
        await Views(db, db.WorkItems.Where(w => w.Id == itemId)).FirstOrDefaultAsync(ct).ConfigureAwait(false);

    private static IQueryable<PoolItemView> Views(WorkbenchDbContext db, IQueryable<WorkItem> items) =>
        from w in items.AsNoTracking()
        join a in db.Applications on w.ApplicationId equals a.Id
        join p in db.Procedures on a.ProcedureId equals p.Id
        join ar in db.Areas on w.AreaId equals ar.Id
        join b in db.Branches on w.QueuedBranchId equals b.Id
        orderby w.LatestStartAt, w.Id
        select new PoolItemView(w.Id, w.Kind, a.Id, a.Code, p.Name, ar.Name, b.Id, b.Name, w.DueAt, w.LatestStartAt,
            w.State, w.ClaimedByStaffId, w.ClaimedAt, w.TouchedAt, w.Version);
}
