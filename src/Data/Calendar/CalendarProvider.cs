using HanoiWorkbench.Core.Calendar;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Calendar;

/// <summary>
/// The working-day calendar with the administrator's yearly overrides, read once and kept until an override changes
/// (call <see cref="Invalidate"/> after saving one). Due dates everywhere are computed from this one instance.
/// </summary>
public sealed class CalendarProvider(IDbContextFactory<WorkbenchDbContext> dbFactory)
{
    private volatile WorkingCalendar? _calendar;

    public WorkingHours Hours { get; } = WorkingHours.Default;

    public async Task<WorkingCalendar> GetAsync(CancellationToken ct = default)
    {
        if (_calendar is { } cached) return cached;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var overrides = await db.CalendarEntries.AsNoTracking().ToListAsync(ct);
        return _calendar = new WorkingCalendar(overrides);
    }

    public void Invalidate() => _calendar = null;
}
