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
