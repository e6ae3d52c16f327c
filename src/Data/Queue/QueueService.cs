using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Queue;
using HanoiWorkbench.Data.Staffing;
using HanoiWorkbench.Core.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HanoiWorkbench.Data.Queue;

/// <summary>
/// The walk-in queue's use cases: the kiosk issues tickets, clerks open counters and move tickets through
/// <see cref="Ticket"/>'s methods (which follow <see cref="TicketActions"/>). Each method uses its own context,
/// commits, then publishes one small <see cref="LiveEvent"/> per change so every screen re-reads. A refused action
/// throws <see cref="DomainException"/> with the reason in Vietnamese.
/// </summary>
public sealed class QueueService(
    IDbContextFactory<WorkbenchDbContext> contexts,
    ILiveEvents live,
    TimeProvider clock,
    QueuePolicy policy,
    ILogger<QueueService> logger)
{
    /// <summary>How often call-next chooses again after another counter claimed its choice first.</summary>
    private const int ClaimAttempts = 20;

    public QueuePolicy Policy => policy;

    private DateTimeOffset Now => clock.GetUtcNow().ToHanoi();

    // ---- Kiosk ----

    /// <summary>Issues the next ticket of the group; its number comes from the daily sequence in the same transaction.</summary>
    public Task<IssuedTicket> IssueTicketAsync(int branchId, int serviceGroupId, PriorityCategory priority, CancellationToken ct = default) =>
        IssueTicketAsync(branchId, serviceGroupId, priority, formToken: null, ct);

    /// <summary>
    /// Issues the next ticket of the group for one kiosk form. A repeat of the same form (a double tap) gets the ticket the
    /// form already took, marked <see cref="IssuedTicket.Repeated"/>: the token is looked up inside the insert's
    /// transaction after the daily sequence is locked, and is unique in the database, so two requests at once make one ticket.
    /// </summary>
    public async Task<IssuedTicket> IssueTicketAsync(int branchId, int serviceGroupId, PriorityCategory priority, Guid? formToken,
        CancellationToken ct = default)
    {
        if (!Enum.IsDefined(priority)) throw new DomainException("Đối tượng ưu tiên không hợp lệ.");
        var now = Now;
        var day = TicketNumbering.ServiceDay(now);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var branch = await db.Branches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == branchId && b.IsActive, ct).ConfigureAwait(false)
                ?? throw new DomainException("Chi nhánh không tồn tại hoặc đã ngừng hoạt động.");
            var groups = await QueueReads.GroupsServedAsync(db, branchId, ct).ConfigureAwait(false);
            var group = groups.FirstOrDefault(g => g.Id == serviceGroupId)
                ?? throw new DomainException("Chi nhánh không phục vụ nhóm dịch vụ này.");

            var (ticket, repeated) = await InsertTicketAsync(db, branchId, group, priority, formToken, now, day, ct).ConfigureAwait(false);
            if (!repeated) await PublishAsync(LiveEventKind.TicketChanged, branchId, ticket.Id).ConfigureAwait(false);
            group = groups.FirstOrDefault(g => g.Id == ticket.ServiceGroupId) ?? group;

            var ahead = await PeopleAheadAsync(db, branchId, ticket, now, ct).ConfigureAwait(false);
            var open = await QueueReads.OpenCountersByGroupAsync(db, branchId, ct).ConfigureAwait(false);
            var times = await QueueReads.RecentServiceTimesAsync(db, branchId, group.Id, policy, ct).ConfigureAwait(false);
            return new IssuedTicket(ticket.Id, ticket.Number, branch.Code, branch.Name, group.Letter, group.Name, ticket.Priority, ticket.IssuedAt,
                ahead, WaitEstimator.Estimate(ahead, times, open.GetValueOrDefault(group.Id), policy), repeated);
        }
    }

    /// <summary>The people the queue order calls before this ticket (a priority ticket skips the ordinary ones), from the group's streak.</summary>
    private async Task<int> PeopleAheadAsync(WorkbenchDbContext db, int branchId, Ticket ticket, DateTimeOffset now, CancellationToken ct)
    {
        var waiting = await db.Tickets.AsNoTracking()
            .Where(t => t.BranchId == branchId && t.ServiceDate == ticket.ServiceDate && t.ServiceGroupId == ticket.ServiceGroupId
                && t.Status == TicketStatus.Waiting)
            .ToListAsync(ct).ConfigureAwait(false);
        var recentCalls = await db.Tickets.AsNoTracking()
            .Where(t => t.BranchId == branchId && t.ServiceDate == ticket.ServiceDate && t.ServiceGroupId == ticket.ServiceGroupId && t.CalledAt != null)
            .OrderByDescending(t => t.CalledAt).Take(policy.PriorityFairnessBound + 1).Select(t => t.Priority)
            .ToListAsync(ct).ConfigureAwait(false);
        return QueueRules.PeopleAhead(policy, waiting.Select(WaitingTicket.From).ToList(), ticket.Id, QueueRules.PriorityStreak(recentCalls), now);
    }

    private static async Task<(Ticket Ticket, bool Repeated)> InsertTicketAsync(WorkbenchDbContext db, int branchId, ServiceGroup group,
        PriorityCategory priority, Guid? formToken, DateTimeOffset now, DateOnly day, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (tx.ConfigureAwait(false))
        {
            // The sequence's row is locked from here to the commit: a second request of the same form waits, then finds the first.
            var sequence = await SequenceAllocator.NextAsync(db, SequenceAllocator.TicketScope(branchId, group.Id), day, ct).ConfigureAwait(false);
            if (formToken is { } token && await FormTicketAsync(db, token, ct).ConfigureAwait(false) is { } earlier)
            {
                await tx.RollbackAsync(ct).ConfigureAwait(false); // the number is not used
                return (earlier, true);
            }
            var ticket = new Ticket(branchId, group.Id, group.Letter, sequence, day, priority, now, formToken);
            db.Tickets.Add(ticket);
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
                return (ticket, false);
            }
            catch (DbUpdateException) when (formToken is not null)
            {
                // The same form in another group's sequence, so not behind the same lock: the unique token refused it.
                await tx.RollbackAsync(ct).ConfigureAwait(false);
                db.ChangeTracker.Clear();
                if (await FormTicketAsync(db, formToken.Value, ct).ConfigureAwait(false) is not { } first) throw;
                return (first, true);
            }
        }
    }

    private static Task<Ticket?> FormTicketAsync(WorkbenchDbContext db, Guid token, CancellationToken ct) =>
        db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.FormToken == token, ct);

    /// <summary>Waiting count and estimated wait of one group, for the kiosk before a ticket is taken.</summary>
    public async Task<GroupEstimate> EstimateAsync(int branchId, int serviceGroupId, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var group = await db.ServiceGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == serviceGroupId, ct).ConfigureAwait(false)
                ?? throw new DomainException("Nhóm dịch vụ không tồn tại.");
            return (await QueueReads.EstimatesAsync(db, branchId, [group], policy, TicketNumbering.ServiceDay(Now), ct).ConfigureAwait(false))[0];
        }
    }

    /// <summary>Every group the branch serves, with its waiting count and estimated wait.</summary>
    public async Task<IReadOnlyList<GroupEstimate>> EstimatesAsync(int branchId, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var groups = await QueueReads.GroupsServedAsync(db, branchId, ct).ConfigureAwait(false);
            return await QueueReads.EstimatesAsync(db, branchId, groups, policy, TicketNumbering.ServiceDay(Now), ct).ConfigureAwait(false);
        }
    }

    // ---- Counter ----

    /// <summary>
    /// Seats the clerk at a counter of their current branch and opens it (leaving any other counter). The ticked groups are
    /// the clerk's choice for this session, within the groups the manager configured the counter for; the configuration stays.
    /// </summary>
    public async Task OpenCounterAsync(int staffId, int counterId, IReadOnlyCollection<int> serviceGroupIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(serviceGroupIds);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        int? leftCounterId;
        int branchId;
        await using (db.ConfigureAwait(false))
        {
            var staff = await LoadStaffAsync(db, staffId, ct).ConfigureAwait(false);
            var counter = await db.Counters.Include(c => c.ServiceGroups).Include(c => c.SessionGroups)
                .FirstOrDefaultAsync(c => c.Id == counterId, ct).ConfigureAwait(false) ?? throw new DomainException("Quầy không tồn tại.");
            // Away on a lend or absent says why before the general "not your branch" refusal of the permission table.
            await StaffSeating.EnsureMaySitAsync(db, staff, counter.BranchId, Now, ct).ConfigureAwait(false);
            Require(staff, counter, counterId, opening: true);
            var occupant = await db.Staff.AsNoTracking().Where(s => s.CurrentCounterId == counterId && s.Id != staffId && s.IsActive)
                .Select(s => s.FullName).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (occupant is not null) throw new DomainException($"{counter.Name} đang do {occupant} phụ trách.");
            var groups = await db.ServiceGroups.Where(g => serviceGroupIds.Contains(g.Id)).ToListAsync(ct).ConfigureAwait(false);

            leftCounterId = staff.CurrentCounterId is { } previous && previous != counterId ? previous : null;
            if (leftCounterId is { } left)
            {
                await EnsureNoCurrentTicketAsync(db, left, ct).ConfigureAwait(false);
                var old = await db.Counters.FirstAsync(c => c.Id == left, ct).ConfigureAwait(false);
                old.Close();
            }
            staff.SitAt(counter);
            if (!counter.IsOpen) counter.Open();
            counter.ServeToday(groups);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            branchId = counter.BranchId;
        }
        await PublishAsync(LiveEventKind.StaffAssigned, branchId, staffId).ConfigureAwait(false);
        await PublishAsync(LiveEventKind.CounterChanged, branchId, counterId).ConfigureAwait(false);
        if (leftCounterId is { } l) await PublishAsync(LiveEventKind.CounterChanged, branchId, l).ConfigureAwait(false);
    }

    /// <summary>Closes the clerk's counter and leaves it; refused while a citizen is still at the counter.</summary>
    public async Task CloseCounterAsync(int staffId, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        Counter counter;
        await using (db.ConfigureAwait(false))
        {
            var staff = await LoadStaffAsync(db, staffId, ct).ConfigureAwait(false);
            counter = await LoadSeatAsync(db, staff, ct).ConfigureAwait(false);
            await EnsureNoCurrentTicketAsync(db, counter.Id, ct).ConfigureAwait(false);
            counter.Close();
            staff.LeaveCounter();
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        await PublishAsync(LiveEventKind.StaffAssigned, counter.BranchId, staffId).ConfigureAwait(false);
        await PublishAsync(LiveEventKind.CounterChanged, counter.BranchId, counter.Id).ConfigureAwait(false);
    }

    /// <summary>Serving, idle or on a break; a counter on a break is not counted in the wait estimate.</summary>
    public async Task SetStatusAsync(int staffId, CounterStatus status, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        Counter counter;
        await using (db.ConfigureAwait(false))
        {
            var staff = await LoadStaffAsync(db, staffId, ct).ConfigureAwait(false);
            counter = await LoadSeatAsync(db, staff, ct).ConfigureAwait(false);
            if (status == CounterStatus.Break)
                await EnsureNoCurrentTicketAsync(db, counter.Id, ct).ConfigureAwait(false);
            counter.SetStatus(status);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        await PublishAsync(LiveEventKind.CounterChanged, counter.BranchId, counter.Id).ConfigureAwait(false);
    }

    /// <summary>
    /// Calls the next ticket to the clerk's counter, or returns null when none waits. Chooses with
    /// <see cref="QueueRules.ChooseNext"/>, then claims with one conditional UPDATE (still waiting, same version):
    /// when another counter claimed it first, no row changes and it chooses again among the others. On a server engine the
    /// row is locked first and skipped at once when another counter holds it (<see cref="RowLocks"/>), so a loser never waits
    /// out a winner's transaction. Two clerks never get the same ticket.
    /// </summary>
    public async Task<Ticket?> CallNextAsync(int staffId, int counterId, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var staff = await LoadStaffAsync(db, staffId, ct).ConfigureAwait(false);
            var counter = await LoadSeatAsync(db, staff, ct).ConfigureAwait(false);
            if (counter.Id != counterId) throw new DomainException("Bạn không ngồi ở quầy này.");
            await EnsureNoCurrentTicketAsync(db, counterId, ct).ConfigureAwait(false);
            var groupIds = counter.ServedGroups.Select(g => g.Id).ToHashSet();
            // Tickets another counter is claiming right now (locked) or claimed since the read: not chosen again by this call.
            var passed = new HashSet<long>();

            for (var attempt = 0; attempt < ClaimAttempts; attempt++)
            {
                var now = Now;
                var day = TicketNumbering.ServiceDay(now);
                var waiting = await db.Tickets.AsNoTracking().TagWith(QueryTags.ClaimCandidates)
                    .Where(t => t.BranchId == counter.BranchId && t.ServiceDate == day && t.Status == TicketStatus.Waiting
                        && (t.ReservedCounterId == counterId || (t.ReservedCounterId == null && groupIds.Contains(t.ServiceGroupId))))
                    .ToListAsync(ct).ConfigureAwait(false);
                var recentCalls = await db.Tickets.AsNoTracking()
                    .Where(t => t.BranchId == counter.BranchId && t.ServiceDate == day && t.CounterId == counterId && t.CalledAt != null)
                    .OrderByDescending(t => t.CalledAt).Take(policy.PriorityFairnessBound + 1).Select(t => t.Priority)
                    .ToListAsync(ct).ConfigureAwait(false);

                var choice = QueueRules.ChooseNext(policy, waiting.Where(t => !passed.Contains(t.Id)).Select(WaitingTicket.From).ToList(), counterId, groupIds,
                    QueueRules.PriorityStreak(recentCalls), now);
                if (choice is null) return null;

                var ticket = waiting.First(t => t.Id == choice.Ticket.Id);
                var version = ticket.Version;
                ticket.Call(counterId, staffId, now);
                if (await ClaimAsync(db, ticket, version, counter, ct).ConfigureAwait(false))
                {
                    WorkbenchMetrics.TicketCalled(counter.BranchId);
                    await PublishAsync(LiveEventKind.TicketChanged, counter.BranchId, ticket.Id).ConfigureAwait(false);
                    await PublishAsync(LiveEventKind.CounterChanged, counter.BranchId, counterId).ConfigureAwait(false);
                    return ticket;
                }
                passed.Add(ticket.Id);
                WorkbenchMetrics.ClaimLost(WorkbenchMetrics.QueueCallNext, counter.BranchId);
            }
            throw new DomainException("Hàng chờ đang rất đông, vui lòng bấm gọi lại.");
        }
    }

    private static async Task<bool> ClaimAsync(WorkbenchDbContext db, Ticket called, int version, Counter counter, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (tx.ConfigureAwait(false))
        {
            if (!await RowLocks.TryLockAsync<Ticket>(db, called.Id, ct).ConfigureAwait(false))
            {
                await tx.RollbackAsync(ct).ConfigureAwait(false);
                return false;
            }
            var rows = await db.Tickets
                .Where(t => t.Id == called.Id && t.Status == TicketStatus.Waiting && t.Version == version)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Status, called.Status)
                    .SetProperty(t => t.CounterId, called.CounterId)
                    .SetProperty(t => t.StaffId, called.StaffId)
                    .SetProperty(t => t.CalledAt, called.CalledAt)
                    .SetProperty(t => t.RecallCount, called.RecallCount)
                    .SetProperty(t => t.ReservedCounterId, called.ReservedCounterId)
                    .SetProperty(t => t.Version, called.Version), ct).ConfigureAwait(false);
            if (rows != 1)
            {
                await tx.RollbackAsync(ct).ConfigureAwait(false);
                return false;
            }
            await db.Counters.Where(c => c.Id == counter.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CounterStatus.Serving), ct).ConfigureAwait(false);
            // The atomic call bypasses the change tracker: its audit entry is written here, in the same transaction.
            db.AuditEntries.Add(Audit.AuditScope.SetBasedEntry(called.CalledAt ?? called.IssuedAt, called.StaffId, "Gọi vé", nameof(Ticket), called.Id,
                new Dictionary<string, object?> { ["Status"] = nameof(TicketStatus.Waiting), ["CounterId"] = null, ["Version"] = version },
                new Dictionary<string, object?> { ["Status"] = called.Status.ToString(), ["CounterId"] = called.CounterId, ["StaffId"] = called.StaffId,
                    ["CalledAt"] = called.CalledAt, ["Version"] = called.Version }));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }
    }

    public Task<Ticket> RecallAsync(int staffId, long ticketId, CancellationToken ct = default) =>
        ChangeTicketAsync(staffId, ticketId, atMyCounter: true, (t, _, _) => t.Recall(), null, ct);

    /// <summary>Refused until the ticket was recalled <see cref="QueuePolicy.RecallsBeforeNoShow"/> times.</summary>
    public Task<Ticket> NoShowAsync(int staffId, long ticketId, CancellationToken ct = default) =>
        ChangeTicketAsync(staffId, ticketId, atMyCounter: true, (t, _, now) => t.MarkNoShow(now, policy), CounterStatus.Idle, ct);

    public Task<Ticket> StartAsync(int staffId, long ticketId, CancellationToken ct = default) =>
        ChangeTicketAsync(staffId, ticketId, atMyCounter: true, (t, _, now) => t.Start(now), CounterStatus.Serving, ct);

    public Task<Ticket> FinishAsync(int staffId, long ticketId, CancellationToken ct = default) =>
        ChangeTicketAsync(staffId, ticketId, atMyCounter: true, (t, _, now) => t.Finish(now), CounterStatus.Idle, ct);

    public Task<Ticket> ParkAsync(int staffId, long ticketId, CancellationToken ct = default) =>
        ChangeTicketAsync(staffId, ticketId, atMyCounter: true, (t, _, _) => t.Park(), CounterStatus.Idle, ct);

    /// <summary>Brings a parked ticket of the branch back to the clerk's counter, as called.</summary>
    public Task<Ticket> ResumeAsync(int staffId, long ticketId, CancellationToken ct = default) =>
        ChangeTicketAsync(staffId, ticketId, atMyCounter: false, (t, counter, now) => t.Resume(counter.Id, staffId, now), CounterStatus.Serving, ct,
            mustBeFree: true);

    /// <summary>Sends the ticket back to the queue of another group, or to one counter of the branch which alone may call it next.</summary>
    public async Task<Ticket> TransferAsync(int staffId, long ticketId, TransferTarget target, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if ((target.ServiceGroupId is null) == (target.CounterId is null))
            throw new DomainException("Hãy chọn hoặc một nhóm dịch vụ, hoặc một quầy để chuyển vé.");
        int? targetCounterBranch = null;
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            if (target.CounterId is { } c)
                targetCounterBranch = await db.Counters.Where(x => x.Id == c).Select(x => (int?)x.BranchId).FirstOrDefaultAsync(ct).ConfigureAwait(false)
                    ?? throw new DomainException("Quầy nhận không tồn tại.");
            else if (!await db.ServiceGroups.AnyAsync(g => g.Id == target.ServiceGroupId, ct).ConfigureAwait(false))
                throw new DomainException("Nhóm dịch vụ không tồn tại.");
        }
        var ticket = await ChangeTicketAsync(staffId, ticketId, atMyCounter: false, (t, counter, _) =>
        {
            if (t.CounterId is { } at && at != counter.Id)
                throw new DomainException($"Vé {t.Number} đang ở một quầy khác.");
            if (targetCounterBranch is { } b && b != t.BranchId)
                throw new DomainException("Chỉ chuyển được đến quầy của cùng chi nhánh.");
            if (target.CounterId is { } to) t.TransferToCounter(to);
            else t.TransferTo(target.ServiceGroupId!.Value);
        }, CounterStatus.Idle, ct).ConfigureAwait(false);
        if (target.CounterId is { } notified) await PublishAsync(LiveEventKind.CounterChanged, ticket.BranchId, notified).ConfigureAwait(false);
        return ticket;
    }

    /// <summary>The clerk's figures for today: served, no-shows, average wait and service time, idle time.</summary>
    public async Task<ClerkDayFigures> ClerkTodayAsync(int staffId, CancellationToken ct = default)
    {
        var now = Now;
        var day = TicketNumbering.ServiceDay(now);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var tickets = await db.Tickets.AsNoTracking()
                .Where(t => t.StaffId == staffId && t.CalledAt != null && (t.ServiceDate == day || t.ServiceDate == day.AddDays(-1)))
                .Select(t => new ClerkTicketTimes(t.IssuedAt, t.CalledAt, t.StartedAt, t.FinishedAt, t.Status))
                .ToListAsync(ct).ConfigureAwait(false);
            return ClerkFigures.For(tickets, now);
        }
    }

    // ---- Shared ----

    private async Task<Ticket> ChangeTicketAsync(int staffId, long ticketId, bool atMyCounter, Action<Ticket, Counter, DateTimeOffset> change,
        CounterStatus? counterAfter, CancellationToken ct, bool mustBeFree = false)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        Ticket ticket;
        Counter counter;
        bool counterChanged;
        int? movedTo;
        await using (db.ConfigureAwait(false))
        {
            var staff = await LoadStaffAsync(db, staffId, ct).ConfigureAwait(false);
            counter = await LoadSeatAsync(db, staff, ct).ConfigureAwait(false);
            ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, ct).ConfigureAwait(false)
                ?? throw new DomainException("Vé không tồn tại.");
            if (ticket.BranchId != counter.BranchId) throw new DomainException($"Vé {ticket.Number} thuộc chi nhánh khác.");
            if (atMyCounter && ticket.CounterId != counter.Id) throw new DomainException($"Vé {ticket.Number} không ở quầy của bạn.");
            if (mustBeFree) await EnsureNoCurrentTicketAsync(db, counter.Id, ct).ConfigureAwait(false);

            change(ticket, counter, Now);
            var before = counter.Status;
            if (counterAfter is { } status && counter.IsOpen && !(status == CounterStatus.Idle && before == CounterStatus.Break))
                counter.SetStatus(status);
            counterChanged = counter.Status != before;
            // A manager's "let them finish" seat move takes effect with the change that frees the counter.
            var freed = ticket.CounterId != counter.Id || ticket.Status is not (TicketStatus.Called or TicketStatus.Serving);
            movedTo = freed ? await Staffing.PendingSeats.ApplyAsync(db, staff, counter, Now, ct).ConfigureAwait(false) : null;
            counterChanged |= movedTo is not null;
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new DomainException($"Vé {ticket.Number} vừa được thay đổi ở nơi khác; màn hình đã được cập nhật, hãy thử lại.");
            }
        }
        await PublishAsync(LiveEventKind.TicketChanged, ticket.BranchId, ticket.Id).ConfigureAwait(false);
        if (counterChanged) await PublishAsync(LiveEventKind.CounterChanged, counter.BranchId, counter.Id).ConfigureAwait(false);
        if (movedTo is { } seat)
        {
            await PublishAsync(LiveEventKind.StaffAssigned, counter.BranchId, staffId).ConfigureAwait(false);
            await PublishAsync(LiveEventKind.CounterChanged, counter.BranchId, seat).ConfigureAwait(false);
        }
        return ticket;
    }

    private static async Task<Staff> LoadStaffAsync(WorkbenchDbContext db, int staffId, CancellationToken ct)
    {
        var staff = await db.Staff.FirstOrDefaultAsync(s => s.Id == staffId, ct).ConfigureAwait(false)
            ?? throw new DomainException("Không tìm thấy cán bộ.");
        if (!staff.IsActive) throw new DomainException("Cán bộ đã ngừng hoạt động.");
        return staff;
    }

    private static async Task<Counter> LoadSeatAsync(WorkbenchDbContext db, Staff staff, CancellationToken ct)
    {
        if (staff.CurrentCounterId is not { } counterId) throw new DomainException("Bạn chưa mở quầy.");
        var counter = await db.Counters.Include(c => c.ServiceGroups).Include(c => c.SessionGroups).FirstAsync(c => c.Id == counterId, ct)
            .ConfigureAwait(false);
        if (!counter.IsOpen) throw new DomainException($"{counter.Name} đang đóng: hãy mở quầy trước.");
        Require(staff, counter, counterId);
        return counter;
    }

    // The staff record was read in this operation's context: a role or branch changed since the page opened decides here.
    // Opening a counter is sitting down at it (leaving any other): the counter asked about is the one being opened.
    private static void Require(Staff staff, Counter counter, int counterId, bool opening = false)
    {
        var seat = opening ? counterId : staff.CurrentCounterId ?? counterId;
        var actor = PermissionActor.Of(staff.Role, staff.HomeBranchId, staff.CurrentBranchId, seat);
        if (!Permissions.Allows(actor, StaffAction.ServeQueue, new PermissionTarget(counter.BranchId, counterId)))
            throw new DomainException(Permissions.Refusal(StaffAction.ServeQueue));
    }

    private static async Task EnsureNoCurrentTicketAsync(WorkbenchDbContext db, int counterId, CancellationToken ct)
    {
        var current = await db.Tickets.AsNoTracking()
            .Where(t => t.CounterId == counterId && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
            .Select(t => t.Number).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (current is not null)
            throw new DomainException($"Quầy đang phục vụ vé {current}: hãy kết thúc, tạm hoãn hoặc chuyển vé trước.");
    }

    // The change is committed: a failed notification must not report it as failed. Screens catch up on the next event or reconnect.
    private async Task PublishAsync(LiveEventKind kind, int branchId, long entityId)
    {
        try
        {
            await live.PublishAsync(kind, branchId, entityId).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Publishing {Kind} for branch {BranchId} failed after commit", kind, branchId);
        }
    }
}
