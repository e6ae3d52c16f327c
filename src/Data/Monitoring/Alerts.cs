using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Audit;
using HanoiWorkbench.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Monitoring;

/// <summary>One line of the alerts list.</summary>
public sealed record AlertLine(long Id, int BranchId, string BranchCode, string BranchName, AlertKind Kind, string Subject, string Description,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, AlertState State, DateTimeOffset? AcknowledgedAt, string? AcknowledgedByName,
    string? AcknowledgementNote, int Version);

public sealed record AlertPage(IReadOnlyList<AlertLine> Lines, int Total);

/// <summary>
/// The kept alerts: who may see which (<see cref="StaffAction.AcknowledgeAlert"/>: a director every branch, a manager their
/// own), the badge's count, the filtered list, and the acknowledgement (a note required, who and when, audited).
/// </summary>
public sealed class Alerts(IDbContextFactory<WorkbenchDbContext> contexts, ILiveEvents live, TimeProvider clock)
{
    public const string Conflict = "Cảnh báo này vừa được người khác xác nhận. Danh sách đã được tải lại.";
    public const string NotFound = "Không tìm thấy cảnh báo.";
    public const string AcknowledgeAction = "Xác nhận cảnh báo";

    /// <summary>The branch an actor's alerts are limited to: null for the whole city.</summary>
    public static int? ScopeOf(PermissionActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Permissions.ScopeOf(actor.Role, StaffAction.AcknowledgeAlert) switch
        {
            PermissionScope.City => null,
            PermissionScope.None => -1,
            _ => actor.HomeBranchId,
        };
    }

    /// <summary>What a page of the actor's alerts follows: AlertChanged of their branch, or of the whole city.</summary>
    public static LiveInterest InterestOf(PermissionActor actor) => ScopeOf(actor) is { } branch
        ? LiveInterest.Branch(branch, LiveEventKind.AlertChanged)
        : new LiveInterest(null, new HashSet<LiveEventKind> { LiveEventKind.AlertChanged });

    /// <summary>Alerts nobody has acknowledged yet, open or ended, within the actor's reach.</summary>
    public async Task<int> UnacknowledgedAsync(PermissionActor actor, CancellationToken ct)
    {
        var branch = ScopeOf(actor);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return await db.Alerts.AsNoTracking().Where(a => a.AcknowledgedAt == null && (branch == null || a.BranchId == branch))
                .CountAsync(ct).ConfigureAwait(false);
    }

    /// <summary>One page of the alerts the filter chooses, newest first, within the actor's reach (a manager asking for another
    /// branch gets their own). Dates are Hanoi days, both ends included.</summary>
    public async Task<AlertPage> ListAsync(PermissionActor actor, AlertFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var branch = ScopeOf(actor) ?? filter.BranchId;
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var q = db.Alerts.AsNoTracking().Where(a => branch == null || a.BranchId == branch);
            if (filter.Kind is { } kind) q = q.Where(a => a.Kind == kind);
            q = filter.State switch
            {
                AlertState.Open => q.Where(a => a.AcknowledgedAt == null && a.EndedAt == null),
                AlertState.Ended => q.Where(a => a.AcknowledgedAt == null && a.EndedAt != null),
                AlertState.Acknowledged => q.Where(a => a.AcknowledgedAt != null),
                _ => q,
            };
            if (filter.From is { } from)
            {
                var start = HanoiTime.StartOf(from);
                q = q.Where(a => a.StartedAt >= start);
            }
            if (filter.To is { } to)
            {
                var end = HanoiTime.StartOf(to.AddDays(1));
                q = q.Where(a => a.StartedAt < end);
            }
            var total = await q.CountAsync(ct).ConfigureAwait(false);
            var size = Math.Clamp(filter.PageSize, 1, 100);
            var rows = await q.OrderByDescending(a => a.StartedAt).ThenByDescending(a => a.Id).Skip(Math.Max(0, filter.Page) * size).Take(size)
                .Join(db.Branches, a => a.BranchId, b => b.Id, (a, b) => new { a, b.Code, b.Name })
                .ToListAsync(ct).ConfigureAwait(false);
            return new AlertPage(rows.Select(r => new AlertLine(r.a.Id, r.a.BranchId, r.Code, r.Name, r.a.Kind, r.a.Subject, r.a.Description,
                r.a.StartedAt, r.a.EndedAt, r.a.State, r.a.AcknowledgedAt, r.a.AcknowledgedByName, r.a.AcknowledgementNote, r.a.Version)).ToList(), total);
        }
    }

    /// <summary>
    /// Acknowledges alert <paramref name="alertId"/> as staff member <paramref name="staffId"/> (their record read now) with a
    /// note; null when done, else the Vietnamese reason and nothing saved. <paramref name="version"/> is the one the page
    /// showed: a second person acknowledging the same alert is told, not overwritten.
    /// </summary>
    public async Task<string?> AcknowledgeAsync(long alertId, int version, string? note, int staffId, CancellationToken ct)
    {
        if (Alert.NoteProblem(note) is { } problem) return problem;
        int branchId;
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            try
            {
                var actor = await ActingStaff.ReadAsync(db, staffId, ct).ConfigureAwait(false);
                var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == alertId, ct).ConfigureAwait(false);
                if (alert is null) return NotFound;
                actor.Require(StaffAction.AcknowledgeAlert, alert.BranchId);
                if (alert.Version != version) return Conflict;
                var now = clock.GetUtcNow();
                alert.Acknowledge(note, actor.StaffId, actor.FullName, now);
                branchId = alert.BranchId;
                // One entry of its own (raising and ending are the system's, not audited): who, the alert and the note.
                db.AuditEntries.Add(new AuditEntry(now, AuditScope.Current?.UserName ?? actor.FullName, actor.StaffId, AcknowledgeAction,
                    nameof(Alert), alertId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{alert.Description}: {alert.AcknowledgementNote}"));
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DomainException refused)
            {
                return refused.Message;
            }
            catch (DbUpdateConcurrencyException)
            {
                return Conflict;
            }
        }
        await live.PublishAsync(LiveEventKind.AlertChanged, branchId, alertId, ct).ConfigureAwait(false);
        return null;
    }
}
