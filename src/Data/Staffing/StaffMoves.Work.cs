using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Core.Staffing;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Staffing;

public sealed partial class StaffMoves
{
    /// <summary>One move in the making: its context and transaction, who acts, the clock, the events to publish after commit.</summary>
    private sealed class Work(WorkbenchDbContext db, int? actorId, PermissionActor? actor, DateTimeOffset now, CancellationToken ct)
    {
        public WorkbenchDbContext Db => db;
        /// <summary>Null when the period job acts by itself.</summary>
        public int? ActorId => actorId;
        public DateTimeOffset Now => now;
        public CancellationToken Ct => ct;
        public List<(LiveEventKind Kind, int BranchId, long EntityId)> Events { get; } = [];

        /// <summary>Allowed when the permission reaches any of the branches (a person's home or the branch they work at now).</summary>
        public void Require(StaffAction action, params int[] branchIds)
        {
            if (actor is null) return;
            if (!branchIds.Any(b => Permissions.Allows(actor, action, new PermissionTarget(b))))
                throw new DomainException(Permissions.Refusal(action));
        }

        public static void Refuse(IReadOnlyList<string> problems)
        {
            if (problems.Count > 0) throw new DomainException(string.Join(" ", problems));
        }

        public async Task<Staff> StaffAsync(int staffId, int? seenVersion = null)
        {
            var staff = await db.Staff.FirstOrDefaultAsync(s => s.Id == staffId, ct).ConfigureAwait(false)
                ?? throw new DomainException("Không tìm thấy cán bộ.");
            if (!staff.IsActive) throw new DomainException("Cán bộ đã ngừng hoạt động, không thể điều động.");
            Expect(staff.Version, seenVersion);
            return staff;
        }

        public async Task<Counter> CounterAsync(int counterId, int? branchId, int? seenVersion = null)
        {
            var counter = await db.Counters.Include(c => c.ServiceGroups).Include(c => c.SessionGroups)
                .FirstOrDefaultAsync(c => c.Id == counterId, ct).ConfigureAwait(false) ?? throw new DomainException("Quầy không tồn tại.");
            if (branchId is { } b && counter.BranchId != b) throw new DomainException("Quầy không thuộc chi nhánh cán bộ đang làm việc.");
            Expect(counter.Version, seenVersion);
            return counter;
        }

        // The manager decided on what the board showed; if the person or counter changed since, the decision may no longer hold.
        private static void Expect(int version, int? seen)
        {
            if (seen is { } v && v != version) throw new DomainException(ConflictMessage);
        }

        public Task<Counter?> SeatOfAsync(Staff staff) => staff.CurrentCounterId is { } id
            ? db.Counters.Include(c => c.SessionGroups).FirstOrDefaultAsync(c => c.Id == id, ct)
            : Task.FromResult<Counter?>(null);

        public Task<int?> OccupantAsync(int counterId) =>
            db.Staff.Where(s => s.CurrentCounterId == counterId && s.IsActive).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);

        public Task<Ticket?> ServingTicketAsync(Staff staff) =>
            staff.CurrentCounterId is { } id ? TicketAtAsync(id) : Task.FromResult<Ticket?>(null);

        public Task<Ticket?> TicketAtAsync(int counterId) => db.Tickets
            .Where(t => t.CounterId == counterId && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
            .FirstOrDefaultAsync(ct);

        public Task EnsureMaySitAsync(Staff staff, Counter target) => StaffSeating.EnsureMaySitAsync(db, staff, target.BranchId, now, ct);

        /// <summary>The counter chosen to take the served ticket: open or not is the rule's to judge, the branch and seat are checked here.</summary>
        public async Task<Counter?> HandToCounterAsync(TicketChoice choice, Staff? staff, Ticket? serving, Counter? closing = null)
        {
            if (serving is null || choice.Choice != ServingTicketChoice.HandToCounter || choice.HandToCounterId is not { } id) return null;
            var counter = await db.Counters.FirstOrDefaultAsync(c => c.Id == id, ct).ConfigureAwait(false)
                ?? throw new DomainException("Quầy nhận vé không tồn tại.");
            if (counter.BranchId != serving.BranchId) throw new DomainException("Quầy nhận vé phải cùng chi nhánh với vé.");
            if (counter.Id == serving.CounterId || counter.Id == closing?.Id || (staff is not null && counter.Id == staff.CurrentCounterId))
                throw new DomainException("Hãy chọn một quầy nhận vé khác quầy đang rời đi.");
            return counter;
        }

        /// <summary>The served ticket goes to <paramref name="to"/>, which alone calls it next: the citizen keeps their turn.</summary>
        public void HandOn(Ticket ticket, Counter to, Staff? staff, string? reason)
        {
            var from = ticket.CounterId;
            ticket.TransferToCounter(to.Id);
            Record(StaffMoveKind.TicketHandedOn, ticket.BranchId, staff?.Id, to.Id, reason, $"Vé {ticket.Number} đang phục vụ", $"Vé {ticket.Number} chuyển sang {to.Name}");
            Publish(LiveEventKind.TicketChanged, ticket.BranchId, ticket.Id);
            Publish(LiveEventKind.CounterChanged, ticket.BranchId, to.Id);
            if (from is { } f) Publish(LiveEventKind.CounterChanged, ticket.BranchId, f);
        }

        /// <summary>Nobody sits at the counter any more: closed, so no estimate counts it and the lobby does not send people there.</summary>
        public void CloseLeft(Counter counter)
        {
            counter.Close();
            Publish(LiveEventKind.CounterChanged, counter.BranchId, counter.Id);
        }

        public void Record(StaffMoveKind kind, int branchId, int? staffId, int? counterId, string? reason, string? before, string? after,
            int? otherBranchId = null) =>
            db.StaffMoves.Add(new StaffMoveRecord(kind, branchId, otherBranchId, staffId, counterId, actorId, now, reason?.Trim(), before, after));

        public void Publish(LiveEventKind kind, int branchId, long entityId)
        {
            if (!Events.Contains((kind, branchId, entityId))) Events.Add((kind, branchId, entityId));
        }
    }
}
