using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Calendar;
using HanoiWorkbench.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Applications;

/// <summary>
/// What a clerk adds to an action (<see cref="ActionInputs"/> says which): what is missing, a reason, a note, the return
/// method and postal number.
/// </summary>
public sealed record ActionInput(string? Note = null, string? Reason = null, ReturnMethod? Method = null, string? TrackingNumber = null, string? WhatIsMissing = null,
    ProcessingOutcome? Outcome = null, string? RepeatReason = null)
{
    /// <summary>The value the clerk typed for one of the texts an action asks for.</summary>
    public string? this[ActionTextKind kind] => kind switch
    {
        ActionTextKind.WhatIsMissing => WhatIsMissing,
        ActionTextKind.Reason => Reason,
        ActionTextKind.TrackingNumber => TrackingNumber,
        ActionTextKind.RepeatReason => RepeatReason,
        _ => Note,
    };
}

public enum ActionOutcome
{
    Done = 0,
    /// <summary>Someone else changed the application since the clerk saw it: nothing was changed.</summary>
    Conflict = 1,
    /// <summary>The domain refused (illegal move, missing reason): nothing was changed.</summary>
    Refused = 2,
    NotFound = 3,
}

public sealed record ActionResult(ActionOutcome Outcome, string? Message = null, int? NewVersion = null)
{
    public const string ConflictMessage = "Hồ sơ vừa được cán bộ khác cập nhật. Vui lòng tải lại để xem thay đổi.";
    public bool Succeeded => Outcome == ActionOutcome.Done;
}

/// <summary>
/// The lifecycle actions on an existing application. Every call carries the <see cref="Application.Version"/> the clerk
/// saw: when it moved on meanwhile, the clerk is told and nothing is written.
/// </summary>
public sealed class ApplicationActions(IDbContextFactory<WorkbenchDbContext> dbFactory, CalendarProvider calendar, Pool.WorkPool pool, ILiveEvents live, TimeProvider clock)
{
    /// <summary>How close (in working time) a due date must be for the apology and extension letter to be offered.</summary>
    public static readonly TimeSpan ExtensionWarning = TimeSpan.FromHours(4);

    /// <summary>An action value no button sends (an old page, a crafted call): refused before anything is read.</summary>
    public const string UnknownActionMessage = "Thao tác không hợp lệ với hồ sơ này.";

    public async Task<ActionResult> ApplyAsync(long applicationId, int seenVersion, ApplicationAction action, ActionInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!Enum.IsDefined(action)) return new ActionResult(ActionOutcome.Refused, UnknownActionMessage);
        var cal = await calendar.GetAsync(ct).ConfigureAwait(false);
        return await ChangeAsync(applicationId, seenVersion, actor, (app, now, me) =>
        {
            switch (action)
            {
                case ApplicationAction.Receive:
                    throw new DomainException("Hồ sơ tại quầy được tiếp nhận ở trang Tiếp nhận hồ sơ.");
                case ApplicationAction.Refuse:
                    app.Refuse(me.StaffId, me.BranchId, now, input.Reason ?? "");
                    break;
                case ApplicationAction.StartProcessing:
                    app.StartProcessing(me.StaffId, me.BranchId, now, input.Note);
                    break;
                case ApplicationAction.RequestSupplement:
                    app.RequestSupplement(me.StaffId, me.BranchId, now, input.WhatIsMissing ?? "", input.Reason ?? "", input.RepeatReason);
                    break;
                case ApplicationAction.ReceiveSupplement:
                    app.ReceiveSupplement(me.StaffId, me.BranchId, now, DueAfter(app, PauseKind.Supplement, now), input.Note);
                    break;
                case ApplicationAction.AwaitFinancialObligation:
                    app.AwaitFinancialObligation(me.StaffId, me.BranchId, now, input.Note ?? "");
                    break;
                case ApplicationAction.FulfilFinancialObligation:
                    app.RecoverFinancialPause();
                    app.FulfilFinancialObligation(me.StaffId, me.BranchId, now, DueAfter(app, PauseKind.FinancialObligation, now), input.Note);
                    break;
                case ApplicationAction.Stop:
                    app.Stop(me.StaffId, me.BranchId, now, input.Reason ?? "");
                    break;
                case ApplicationAction.Withdraw:
                    app.Withdraw(me.StaffId, me.BranchId, now, input.Note);
                    break;
                case ApplicationAction.Complete:
                    var outcome = input.Outcome ?? ProcessingOutcome.Granted;
                    app.Complete(me.StaffId, me.BranchId, now, outcome, outcome == ProcessingOutcome.Refused ? input.Reason : input.Note);
                    break;
                case ApplicationAction.Return:
                    app.Return(me.StaffId, me.BranchId, now, input.Method ?? ReturnMethod.InPerson, input.TrackingNumber);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action, null);
            }
        }, ct).ConfigureAwait(false);

        // The due date once the open pause of this kind ends now: moved by the working time the clock stood still.
        DateTimeOffset DueAfter(Application app, PauseKind kind, DateTimeOffset now) =>
            app.DueAt is { } due && app.OpenPause(kind) is { } open
                ? DueDateRules.ExtendByPauses(due, [(open.StartedAt, now)], now, cal, calendar.Hours)
                : app.DueAt ?? now;
    }

    /// <summary>The apology and extension letter (Form 4): only for an application that is late or will be.</summary>
    public async Task<ActionResult> ExtendAsync(long applicationId, int seenVersion, DateTimeOffset newDueAt, string reason, Actor actor, CancellationToken ct = default)
    {
        var cal = await calendar.GetAsync(ct).ConfigureAwait(false);
        return await ChangeAsync(applicationId, seenVersion, actor, (app, now, me) =>
        {
            var willBeLate = app.DueAt is { } due && DueDateRules.WillBeLate(now, due, ExtensionWarning, cal, calendar.Hours);
            app.Extend(me.StaffId, me.BranchId, now, newDueAt, reason, willBeLate);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The change runs for the person as their staff record says now (read in the transaction that writes), with the branch they
    /// work at now: the <paramref name="actor"/> the page captured only names who. The permission table decides.
    /// </summary>
    private async Task<ActionResult> ChangeAsync(long applicationId, int seenVersion, Actor actor, Action<Application, DateTimeOffset, Actor> change, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using var txDisposal = tx.ConfigureAwait(false);
        var app = await db.Applications.Include(a => a.Steps).Include(a => a.Pauses)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == applicationId, ct).ConfigureAwait(false);
        if (app is null) return new ActionResult(ActionOutcome.NotFound, "Không tìm thấy hồ sơ.");
        if (app.Version != seenVersion) return new ActionResult(ActionOutcome.Conflict, ActionResult.ConflictMessage);
        try
        {
            var me = (await ActingStaff.ReadAsync(db, actor.StaffId, ct).ConfigureAwait(false)).Require(StaffAction.ActOnApplication, app.ReceivingBranchId, app.HandlingBranchId);
            change(app, now, new Actor(me.StaffId, me.CurrentBranchId));
        }
        catch (DomainException ex)
        {
            return new ActionResult(ActionOutcome.Refused, ex.Message);
        }
        var procedure = await db.Procedures.AsNoTracking().FirstAsync(p => p.Id == app.ProcedureId, ct).ConfigureAwait(false);
        var workChanged = await pool.SyncAsync(db, app, procedure, ct).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ActionResult(ActionOutcome.Conflict, ActionResult.ConflictMessage);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        await live.PublishAsync(LiveEventKind.ApplicationChanged, app.HandlingBranchId, app.Id, ct).ConfigureAwait(false);
        if (workChanged) await live.PublishAsync(LiveEventKind.WorkItemChanged, null, app.Id, ct).ConfigureAwait(false);
        return new ActionResult(ActionOutcome.Done, null, app.Version);
    }
}
