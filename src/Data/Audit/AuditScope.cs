namespace HanoiWorkbench.Data.Audit;

/// <summary>The person on whose behalf the current request or circuit event runs (set by the web host), for automatic audit entries.</summary>
public sealed record AuditActor(string UserName, int? StaffId, TimeProvider Clock);

/// <summary>
/// The ambient <see cref="AuditActor"/>. While one is set, every change of an audited entity saved through
/// <see cref="WorkbenchDbContext"/> appends an audit entry with its before and after values; seeding and background jobs run
/// without one and write only the entries they add themselves.
/// </summary>
public static class AuditScope
{
    private static readonly AsyncLocal<AuditActor?> Ambient = new();

    public static AuditActor? Current => Ambient.Value;

    /// <summary>
    /// The entry of a change saved by a set-based statement (<c>ExecuteUpdate</c>), which the change tracker never sees: the
    /// person in scope, or the staff member the statement acted for.
    /// </summary>
    public static Core.Domain.AuditEntry SetBasedEntry(DateTimeOffset at, int? staffId, string action, string entityType, long entityId,
        IReadOnlyDictionary<string, object?> before, IReadOnlyDictionary<string, object?> after) =>
        new(Current?.Clock.GetUtcNow() ?? at, Current?.UserName ?? $"Cán bộ #{staffId}", Current?.StaffId ?? staffId, action, entityType,
            entityId.ToString(System.Globalization.CultureInfo.InvariantCulture), before: Core.Audit.AuditChain.Values(before), after: Core.Audit.AuditChain.Values(after));

    public static IDisposable Use(AuditActor? actor)
    {
        var previous = Ambient.Value;
        Ambient.Value = actor;
        return new Restore(previous);
    }

    private sealed class Restore(AuditActor? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
