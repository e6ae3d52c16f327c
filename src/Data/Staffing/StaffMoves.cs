using System.Globalization;
using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Core.Staffing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HanoiWorkbench.Data.Staffing;

/// <summary>What becomes of the ticket the person is serving; <see cref="ServingTicketChoice.Unchosen"/> refuses a move of someone serving.</summary>
public sealed record TicketChoice(ServingTicketChoice Choice, int? HandToCounterId = null)
{
    public static TicketChoice None { get; } = new(ServingTicketChoice.Unchosen);
    public static TicketChoice LetFinish { get; } = new(ServingTicketChoice.LetFinish);
    public static TicketChoice HandTo(int counterId) => new(ServingTicketChoice.HandToCounter, counterId);
}

/// <summary>
/// The branch manager's moves of people and counters (issue 10, points 2, 6 and 7), decided by <see cref="StaffMoveRules"/> and
/// <see cref="Permissions"/>. Each method runs in one transaction: it reads the acting person's role, branch and lend afresh,
/// asks the permission, reads and decides, saves the change with its <see cref="StaffMoveRecord"/> and commits; the live events
/// follow the commit. Staff and counters carry a version (the board shows it; pass it back as <c>seenVersion</c>): a decision
/// taken on a person or counter that changed since the board was read is refused with <see cref="ConflictMessage"/>, and the
/// version is also the concurrency token, so two saves from the same read cannot both win. Nothing is half-applied.
/// </summary>
public sealed partial class StaffMoves(IDbContextFactory<WorkbenchDbContext> contexts, ILiveEvents live, TimeProvider clock, ILogger<StaffMoves> logger)
{
    public const string ConflictMessage =
        "Người khác vừa thay đổi cán bộ hoặc quầy này cùng lúc với anh/chị. Không có gì được lưu: hãy xem lại bảng rồi thực hiện lại.";

    private DateTimeOffset Now => clock.GetUtcNow().ToHanoi();

    // ---- Seats and counters ----

    /// <summary>Moves a person to another counter of the branch they work at now; someone serving needs <paramref name="ticket"/>.</summary>
    public Task MoveToCounterAsync(int actorId, int staffId, int counterId, string reason, TicketChoice? ticket = null,
        int? seenVersion = null, CancellationToken ct = default) => RunAsync(actorId, async w =>
    {
        ticket ??= TicketChoice.None;
        var staff = await w.StaffAsync(staffId, seenVersion).ConfigureAwait(false);
        w.Require(StaffAction.MoveStaff, staff.CurrentBranchId);
        var target = await w.CounterAsync(counterId, staff.CurrentBranchId).ConfigureAwait(false);
        await w.EnsureMaySitAsync(staff, target).ConfigureAwait(false);
        var serving = await w.ServingTicketAsync(staff).ConfigureAwait(false);
        var handTo = await w.HandToCounterAsync(ticket, staff, serving).ConfigureAwait(false);
        var occupant = await w.OccupantAsync(counterId).ConfigureAwait(false);
        // Every problem of the seat move at once, the missing reason among them.
        Work.Refuse([.. StaffMoveRules.CheckSeat(new SeatMove(staff.Id, counterId, target.IsOpen, occupant, serving is not null, ticket.Choice,
            ticket.HandToCounterId, handTo?.IsOpen ?? false)), .. StaffMoveRules.CheckReason(reason)]);

        var leaving = await w.SeatOfAsync(staff).ConfigureAwait(false);
        if (serving is not null && ticket.Choice == ServingTicketChoice.LetFinish)
        {
            staff.PlanSeat(target);
            target.TakeSeat();
            w.Record(StaffMoveKind.SeatAfterTicket, staff.CurrentBranchId, staff.Id, counterId, reason, leaving?.Name,
                $"{target.Name}, sau khi phục vụ xong vé {serving.Number}");
            w.Publish(LiveEventKind.StaffAssigned, staff.CurrentBranchId, staff.Id);
            return;
        }
        if (serving is not null) w.HandOn(serving, handTo!, staff, reason);
        if (leaving is not null) w.CloseLeft(leaving);
        staff.SitAt(target);
        target.TakeSeat();
        w.Record(StaffMoveKind.SeatAtCounter, staff.CurrentBranchId, staff.Id, counterId, reason, leaving?.Name ?? "Chưa ngồi quầy", target.Name);
        w.Publish(LiveEventKind.StaffAssigned, staff.CurrentBranchId, staff.Id);
        w.Publish(LiveEventKind.CounterChanged, staff.CurrentBranchId, counterId);
    }, ct);

    /// <summary>Sets the service groups the counter is configured for (point 6: the manager's, not the clerk's session choice).</summary>
    public Task SetCounterGroupsAsync(int actorId, int counterId, IReadOnlyCollection<int> serviceGroupIds, string reason,
        int? seenVersion = null, CancellationToken ct = default) => RunAsync(actorId, async w =>
    {
        ArgumentNullException.ThrowIfNull(serviceGroupIds);
        Work.Refuse(StaffMoveRules.CheckReason(reason));
        var counter = await w.CounterAsync(counterId, null, seenVersion).ConfigureAwait(false);
        w.Require(StaffAction.MoveStaff, counter.BranchId);
        var ids = serviceGroupIds.Distinct().ToList();
        var groups = await w.Db.ServiceGroups.Where(g => ids.Contains(g.Id)).ToListAsync(w.Ct).ConfigureAwait(false);
        if (groups.Count != ids.Count) throw new DomainException("Có nhóm dịch vụ không tồn tại.");
        var before = Letters(counter.ServiceGroups);
        counter.ServeGroups(groups);
        w.Record(StaffMoveKind.CounterGroups, counter.BranchId, null, counterId, reason, $"{counter.Name}: {before}",
            $"{counter.Name}: {Letters(counter.ServiceGroups)}");
        w.Publish(LiveEventKind.CounterChanged, counter.BranchId, counterId);
    }, ct);

    /// <summary>Opens a closed counter, ready for a person to be seated at it.</summary>
    public Task OpenCounterAsync(int actorId, int counterId, string reason, int? seenVersion = null, CancellationToken ct = default) =>
        RunAsync(actorId, async w =>
    {
        Work.Refuse(StaffMoveRules.CheckReason(reason));
        var counter = await w.CounterAsync(counterId, null, seenVersion).ConfigureAwait(false);
        w.Require(StaffAction.MoveStaff, counter.BranchId);
        if (counter.IsOpen) throw new DomainException($"{counter.Name} đang mở.");
        counter.Open();
        w.Record(StaffMoveKind.OpenCounter, counter.BranchId, null, counterId, reason, $"{counter.Name}: đóng", $"{counter.Name}: mở");
        w.Publish(LiveEventKind.CounterChanged, counter.BranchId, counterId);
    }, ct);

    /// <summary>
    /// Closes a counter and seats nobody at it. A ticket being served there goes to another open counter
    /// (<see cref="ServingTicketChoice.HandToCounter"/>); without that choice the close is refused, nothing is lost.
    /// </summary>
    public Task CloseCounterAsync(int actorId, int counterId, string reason, TicketChoice? ticket = null, int? seenVersion = null,
        CancellationToken ct = default) => RunAsync(actorId, async w =>
        {
            Work.Refuse(StaffMoveRules.CheckReason(reason));
            ticket ??= TicketChoice.None;
            var counter = await w.CounterAsync(counterId, null, seenVersion).ConfigureAwait(false);
            w.Require(StaffAction.MoveStaff, counter.BranchId);
            if (!counter.IsOpen) throw new DomainException($"{counter.Name} đang đóng.");
            var serving = await w.TicketAtAsync(counterId).ConfigureAwait(false);
            var occupantId = await w.OccupantAsync(counterId).ConfigureAwait(false);
            var occupant = occupantId is { } o ? await w.StaffAsync(o).ConfigureAwait(false) : null;
            if (serving is not null && ticket.Choice == ServingTicketChoice.LetFinish)
                throw new DomainException($"{counter.Name} đang phục vụ vé {serving.Number}: hãy đóng quầy sau khi phục vụ xong, hoặc chuyển vé sang quầy khác.");
            var handTo = await w.HandToCounterAsync(ticket, occupant, serving, counter).ConfigureAwait(false);
            Work.Refuse(StaffMoveRules.CheckServingTicket(serving is not null, ticket.Choice, ticket.HandToCounterId, null, handTo?.IsOpen ?? false));
            if (serving is not null) w.HandOn(serving, handTo!, occupant, reason);
            occupant?.LeaveCounter();
            w.CloseLeft(counter);
            w.Record(StaffMoveKind.CloseCounter, counter.BranchId, occupant?.Id, counterId, reason,
                $"{counter.Name}: mở{(occupant is null ? "" : $", {occupant.FullName}")}", $"{counter.Name}: đóng");
            if (occupant is not null) w.Publish(LiveEventKind.StaffAssigned, counter.BranchId, occupant.Id);
        }, ct);

    // ---- Absences and lends ----

    /// <summary>Records an absence; from its start the person leaves their counter, at its end they are free to be seated again.</summary>
    public Task<long> RecordAbsenceAsync(int actorId, int staffId, DateTimeOffset from, DateTimeOffset to, string reason, TicketChoice? ticket = null,
        int? seenVersion = null, CancellationToken ct = default) => RunAsync(actorId, async w =>
    {
        var staff = await w.StaffAsync(staffId, seenVersion).ConfigureAwait(false);
        w.Require(StaffAction.MoveStaff, staff.HomeBranchId, staff.CurrentBranchId);
        return await AddPeriodAsync(w, staff, new StaffPeriod(StaffPeriodKind.Absence, from, to), reason, ticket ?? TicketChoice.None)
            .ConfigureAwait(false);
    }, ct);

    /// <summary>
    /// Lends a person to another branch for a period: the receiving branch sees them arriving, the home branch sees them away,
    /// and at the end they are back home without anyone acting (<see cref="StaffPeriodMaintenance"/>).
    /// </summary>
    public Task<long> LendAsync(int actorId, int staffId, int toBranchId, DateTimeOffset from, DateTimeOffset to, string reason,
        TicketChoice? ticket = null, int? seenVersion = null, CancellationToken ct = default) => RunAsync(actorId, async w =>
    {
        var staff = await w.StaffAsync(staffId, seenVersion).ConfigureAwait(false);
        w.Require(StaffAction.LendStaff, staff.HomeBranchId);
        if (toBranchId != staff.HomeBranchId && !await w.Db.Branches.AnyAsync(b => b.Id == toBranchId && b.IsActive, w.Ct).ConfigureAwait(false))
            throw new DomainException("Chi nhánh nhận không tồn tại hoặc đã ngừng hoạt động.");
        return await AddPeriodAsync(w, staff, new StaffPeriod(StaffPeriodKind.Lend, from, to, toBranchId), reason, ticket ?? TicketChoice.None)
            .ConfigureAwait(false);
    }, ct);

    /// <summary>Cancels an absence or lend that has not begun.</summary>
    public Task CancelPeriodAsync(int actorId, long periodId, string reason, CancellationToken ct = default) => RunAsync(actorId, async w =>
    {
        Work.Refuse(StaffMoveRules.CheckReason(reason));
        var period = await w.Db.StaffPeriods.FirstOrDefaultAsync(p => p.Id == periodId, w.Ct).ConfigureAwait(false)
            ?? throw new DomainException("Không tìm thấy đợt vắng mặt hoặc biệt phái.");
        var staff = await w.StaffAsync(period.StaffId).ConfigureAwait(false);
        if (period.Kind == StaffPeriodKind.Lend) w.Require(StaffAction.LendStaff, staff.HomeBranchId);
        else w.Require(StaffAction.MoveStaff, staff.HomeBranchId, staff.CurrentBranchId);
        period.Cancel(w.ActorId!.Value, w.Now);
        staff.NoteDecision();
        w.Record(StaffMoveKind.PeriodCancelled, staff.HomeBranchId, staff.Id, null, reason, Describe(period), "Đã huỷ", period.ToBranchId);
        w.Publish(LiveEventKind.StaffAssigned, staff.HomeBranchId, staff.Id);
        if (period.ToBranchId is { } to) w.Publish(LiveEventKind.StaffAssigned, to, staff.Id);
    }, ct);

    private static async Task<long> AddPeriodAsync(Work w, Staff staff, StaffPeriod period, string reason, TicketChoice ticket)
    {
        var existing = await w.Db.StaffPeriods.AsNoTracking().Where(p => p.StaffId == staff.Id && p.CancelledAt == null && p.To > w.Now)
            .ToListAsync(w.Ct).ConfigureAwait(false);
        Work.Refuse(StaffMoveRules.CheckPeriod(period, existing.Select(p => p.ToRule()), w.Now, staff.HomeBranchId, reason));
        var record = new StaffPeriodRecord(staff.Id, period.Kind, period.From, period.To, period.ToBranchId, reason, w.ActorId!.Value, w.Now);
        w.Db.StaffPeriods.Add(record);
        staff.NoteDecision();
        var kind = period.Kind == StaffPeriodKind.Lend ? StaffMoveKind.Lend : StaffMoveKind.Absence;
        w.Record(kind, staff.HomeBranchId, staff.Id, null, reason, null, Describe(record), period.ToBranchId);
        w.Publish(LiveEventKind.StaffAssigned, staff.HomeBranchId, staff.Id);
        if (period.ToBranchId is { } to) w.Publish(LiveEventKind.StaffAssigned, to, staff.Id);
        if (period.Covers(w.Now)) await StartAsync(w, staff, record, ticket).ConfigureAwait(false);
        await w.Db.SaveChangesAsync(w.Ct).ConfigureAwait(false);
        return record.Id;
    }

    /// <summary>
    /// The person leaves their counter (absence) or goes to the receiving branch (lend). Someone serving leaves only with the
    /// manager's choice: "let them finish" leaves the start to the period job once the ticket is done.
    /// </summary>
    private static async Task StartAsync(Work w, Staff staff, StaffPeriodRecord period, TicketChoice ticket)
    {
        var serving = await w.ServingTicketAsync(staff).ConfigureAwait(false);
        if (serving is not null && w.ActorId is not null)
        {
            var handTo = await w.HandToCounterAsync(ticket, staff, serving).ConfigureAwait(false);
            Work.Refuse(StaffMoveRules.CheckServingTicket(true, ticket.Choice, ticket.HandToCounterId, null, handTo?.IsOpen ?? false));
            if (ticket.Choice == ServingTicketChoice.LetFinish) return;
            w.HandOn(serving, handTo!, staff, period.Reason);
        }
        else if (serving is not null) return;
        var leaving = await w.SeatOfAsync(staff).ConfigureAwait(false);
        if (leaving is not null) w.CloseLeft(leaving);
        var before = leaving?.Name ?? "Chưa ngồi quầy";
        if (period.Kind == StaffPeriodKind.Lend) staff.AssignToBranch(period.ToBranchId!.Value);
        else staff.LeaveCounter();
        period.MarkStarted(w.Now);
        var kind = period.Kind == StaffPeriodKind.Lend ? StaffMoveKind.LendStarted : StaffMoveKind.AbsenceStarted;
        w.Record(kind, staff.HomeBranchId, staff.Id, leaving?.Id, null, before, Describe(period), period.ToBranchId);
        w.Publish(LiveEventKind.StaffAssigned, staff.HomeBranchId, staff.Id);
        if (period.ToBranchId is { } to) w.Publish(LiveEventKind.StaffAssigned, to, staff.Id);
    }

    // ---- The period job ----

    /// <summary>
    /// Starts the periods that are due, ends those that are over (a lent person is back home without anyone acting) and
    /// applies "let them finish" seat moves whose ticket is done. Each in its own transaction; returns how many changed.
    /// A person still serving when their period starts or ends is left to finish: the next pass moves them.
    /// </summary>
    public async Task<int> ApplyDueAsync(CancellationToken ct = default)
    {
        var now = Now;
        List<long> due;
        List<int> planned;
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            due = await db.StaffPeriods.AsNoTracking()
                .Where(p => p.CancelledAt == null && p.EndedAt == null && (p.StartedAt == null ? p.From <= now : p.To <= now))
                .OrderBy(p => p.From).Select(p => p.Id).ToListAsync(ct).ConfigureAwait(false);
            planned = await db.Staff.AsNoTracking().Where(s => s.PendingCounterId != null).Select(s => s.Id).ToListAsync(ct).ConfigureAwait(false);
        }
        var changed = 0;
        foreach (var id in due) changed += await OneAsync(w => ApplyPeriodAsync(w, id), "period", id).ConfigureAwait(false);
        foreach (var id in planned) changed += await OneAsync(w => ApplyPlannedSeatAsync(w, id), "planned seat of staff", id).ConfigureAwait(false);
        return changed;

        // One that cannot be applied now (a manager acted on the same person meanwhile) must not hold up the others.
        async Task<int> OneAsync(Func<Work, Task<int>> apply, string what, long id)
        {
            try
            {
                return await RunAsync(null, apply, ct).ConfigureAwait(false);
            }
            catch (DomainException e)
            {
                logger.LogWarning(e, "Staff period job: {What} {Id} not applied this pass", what, id);
                return 0;
            }
        }
    }

    private static async Task<int> ApplyPeriodAsync(Work w, long periodId)
    {
        var period = await w.Db.StaffPeriods.FirstAsync(p => p.Id == periodId, w.Ct).ConfigureAwait(false);
        var staff = await w.Db.Staff.FirstAsync(s => s.Id == period.StaffId, w.Ct).ConfigureAwait(false);
        if (period.StartedAt is null && period.To > w.Now)
        {
            await StartAsync(w, staff, period, TicketChoice.None).ConfigureAwait(false);
            return period.StartedAt is null ? 0 : 1;
        }
        if (period.StartedAt is not null && await w.ServingTicketAsync(staff).ConfigureAwait(false) is not null) return 0;
        var wasStarted = period.StartedAt is not null;
        period.MarkEnded(w.Now);
        if (!wasStarted) return 1; // the person served until the end of the period: it never took effect
        var kind = period.Kind == StaffPeriodKind.Lend ? StaffMoveKind.LendEnded : StaffMoveKind.AbsenceEnded;
        var leaving = await w.SeatOfAsync(staff).ConfigureAwait(false);
        if (period.Kind == StaffPeriodKind.Lend && staff.CurrentBranchId == period.ToBranchId)
        {
            if (leaving is not null) w.CloseLeft(leaving);
            staff.AssignToBranch(staff.HomeBranchId);
        }
        else staff.NoteDecision();
        w.Record(kind, staff.HomeBranchId, staff.Id, leaving?.Id, null, Describe(period), "Đã về chi nhánh, chờ xếp quầy", period.ToBranchId);
        w.Publish(LiveEventKind.StaffAssigned, staff.HomeBranchId, staff.Id);
        if (period.ToBranchId is { } to) w.Publish(LiveEventKind.StaffAssigned, to, staff.Id);
        return 1;
    }

    private static async Task<int> ApplyPlannedSeatAsync(Work w, int staffId)
    {
        var staff = await w.Db.Staff.FirstAsync(s => s.Id == staffId, w.Ct).ConfigureAwait(false);
        if (staff.PendingCounterId is null || await w.ServingTicketAsync(staff).ConfigureAwait(false) is not null) return 0;
        var leaving = await w.SeatOfAsync(staff).ConfigureAwait(false);
        var seat = await PendingSeats.ApplyAsync(w.Db, staff, leaving, w.Now, w.Ct).ConfigureAwait(false);
        w.Publish(LiveEventKind.StaffAssigned, staff.CurrentBranchId, staff.Id);
        if (seat is { } s) w.Publish(LiveEventKind.CounterChanged, staff.CurrentBranchId, s);
        return 1;
    }

    // ---- Shared ----

    private static string Letters(IEnumerable<ServiceGroup> groups) => string.Join(", ", groups.Select(g => g.Letter).Order(StringComparer.Ordinal));

    private static string Describe(StaffPeriodRecord p) => string.Create(CultureInfo.InvariantCulture,
        $"{(p.Kind == StaffPeriodKind.Lend ? "Biệt phái" : "Vắng mặt")} {p.From.ToHanoi():dd/MM/yyyy HH:mm} – {p.To.ToHanoi():dd/MM/yyyy HH:mm}");

    private Task RunAsync(int? actorId, Func<Work, Task> decide, CancellationToken ct) =>
        RunAsync(actorId, async w => { await decide(w).ConfigureAwait(false); return 0; }, ct);

    private async Task<T> RunAsync<T>(int? actorId, Func<Work, Task<T>> decide, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        Work work;
        T result;
        await using (db.ConfigureAwait(false))
        {
            var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                try
                {
                    // Read inside the transaction: a role, branch or lend changed since the page loaded counts.
                    work = new Work(db, actorId, actorId is { } id ? await ActorAsync(db, id, ct).ConfigureAwait(false) : null, Now, ct);
                    result = await decide(work).ConfigureAwait(false);
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                }
                catch (DbUpdateConcurrencyException)
                {
                    throw new DomainException(ConflictMessage);
                }
                await tx.CommitAsync(ct).ConfigureAwait(false);
            }
        }
        foreach (var (kind, branchId, entityId) in work.Events) await PublishAsync(kind, branchId, entityId).ConfigureAwait(false);
        return result;
    }

    private static async Task<PermissionActor> ActorAsync(WorkbenchDbContext db, int actorId, CancellationToken ct) =>
        (await Security.ActingStaff.ReadAsync(db, actorId, ct).ConfigureAwait(false)).Permission;

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
