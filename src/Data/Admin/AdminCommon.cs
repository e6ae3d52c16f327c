using HanoiWorkbench.Core;
using System.Globalization;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Security;

namespace HanoiWorkbench.Data.Admin;

/// <summary>The administrator making a change, as recorded in the audit log.</summary>
public sealed record AdminActor(string UserName, int? StaffId);

/// <summary>
/// The outcome of an administrative save: the saved record's id, or the reasons it was refused. Field errors are keyed by
/// the form property name so the page shows them beside the field; <see cref="Errors"/> holds rules not tied to one field.
/// Messages are Vietnamese (the localizer key).
/// </summary>
public sealed class SaveResult
{
    private readonly Dictionary<string, List<string>> _fieldErrors = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];

    public int? Id { get; private set; }
    public bool Succeeded => Id is not null && _fieldErrors.Count == 0 && _errors.Count == 0;
    public bool HasErrors => _fieldErrors.Count > 0 || _errors.Count > 0;
    public IReadOnlyDictionary<string, List<string>> FieldErrors => _fieldErrors;
    public IReadOnlyList<string> Errors => _errors;

    public SaveResult AddFieldError(string field, string message)
    {
        if (!_fieldErrors.TryGetValue(field, out var list)) _fieldErrors[field] = list = [];
        list.Add(message);
        return this;
    }

    public SaveResult AddError(string message)
    {
        _errors.Add(message);
        return this;
    }

    public static SaveResult Saved(int id) => new() { Id = id };
}

/// <summary>
/// Puts a domain refusal beside the form field it is about: the refusal names the entity member
/// (<see cref="DomainException.Member"/>), the form's property of the same name (any case) shows it, or the one
/// <paramref name="renames"/> maps it to; a rule about the whole record goes above the form.
/// </summary>
public sealed class DomainErrorRouter(Type form, params (string Member, string Field)[] renames)
{
    private readonly HashSet<string> _fields = form.GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public void Add(SaveResult result, DomainException ex)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ex);
        var field = ex.Member is not { } member ? null
            : renames.FirstOrDefault(r => string.Equals(r.Member, member, StringComparison.OrdinalIgnoreCase)).Field
              ?? (_fields.TryGetValue(member, out var property) ? property : null);
        if (field is null) result.AddError(ex.Message);
        else result.AddFieldError(field, ex.Message);
    }
}

/// <summary>Display helpers shared by the admin screens: Vietnamese money and dates.</summary>
public static class AdminFormat
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"1.000.000 ₫".</summary>
    public static string Vnd(long amount) => amount.ToString("N0", Vietnamese) + " ₫";

    public static string Date(DateTimeOffset at) => at.ToHanoi().ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset at) => at.ToHanoi().ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Requires a collection with at least one element (a multi-select).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AtLeastOneAttribute : System.ComponentModel.DataAnnotations.ValidationAttribute
{
    public override bool IsValid(object? value) => value is System.Collections.IEnumerable e && e.GetEnumerator().MoveNext();
}

internal static class AuditedSave
{
    /// <summary>
    /// Saves the change and its audit entry atomically. A new record only gets its id from the first save, so both saves
    /// run in one transaction: either the change and its audit entry are written, or neither.
    /// </summary>
    public static async Task SaveAsync(WorkbenchDbContext db, TimeProvider clock, AdminActor actor, string action, string entityType,
        Func<string> entityId, string? details, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using var txDisposal = tx.ConfigureAwait(false);
        await RequireAsync(db, actor, entityType is nameof(Staff) ? StaffAction.ManageAccounts : StaffAction.ManageReferenceData, ct).ConfigureAwait(false);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), actor.UserName, actor.StaffId, action, entityType, entityId(), details));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The administrator as the staff record says now (the page's claims are only who): a demoted or deactivated person's save
    /// is refused. The command line (no staff record yet) acts as the system.
    /// </summary>
    public static async Task RequireAsync(WorkbenchDbContext db, AdminActor actor, StaffAction action, CancellationToken ct)
    {
        if (await RefusalAsync(db, actor, action, ct).ConfigureAwait(false) is { } refused) throw new DomainException(refused);
    }

    /// <summary>As <see cref="RequireAsync"/>, the refusal instead of the exception; null when allowed.</summary>
    public static async Task<string?> RefusalAsync(WorkbenchDbContext db, AdminActor actor, StaffAction action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.StaffId is not { } id) return null;
        var me = await ActingStaff.FindAsync(db, id, ct).ConfigureAwait(false);
        return me is null ? ActingStaff.Inactive : me.Allows(action, PermissionTarget.City.BranchId) ? null : Permissions.Refusal(action);
    }

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
