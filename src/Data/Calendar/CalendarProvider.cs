using HanoiWorkbench.Core.Calendar;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Calendar;

/// <summary>
/// The working-day calendar with the administrator's notice days and added holidays, read once and kept until one of
/// them changes (call <see cref="Invalidate"/> after saving). Due dates everywhere are computed from this one instance,
/// with the office hours of the branch (<see cref="HoursFor"/>).
/// </summary>
public sealed class CalendarProvider(IDbContextFactory<WorkbenchDbContext> dbFactory, OfficeHours? officeHours = null)
{
    private readonly OfficeHours _officeHours = officeHours ?? new OfficeHours(WorkingHours.Default);
    private volatile WorkingCalendar? _calendar;

    /// <summary>The default office hours (configuration section <c>OfficeHours</c>).</summary>
    public WorkingHours Hours => _officeHours.Default;

    /// <summary>The office hours of a branch: the default unless <c>OfficeHours:Branches:&lt;code&gt;</c> overrides them.</summary>
    public WorkingHours HoursFor(string? branchCode) => _officeHours.For(branchCode);

    public async Task<WorkingCalendar> GetAsync(CancellationToken ct = default)
    {
        if (_calendar is { } cached) return cached;
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var overrides = await db.CalendarEntries.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var holidays = await db.HolidayDefinitions.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        return _calendar = new WorkingCalendar(overrides, holidays);
    }

    public void Invalidate() => _calendar = null;
}
