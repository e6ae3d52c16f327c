using HanoiWorkbench.Core.Calendar;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Seed;

/// <summary>The known government notices (<see cref="KnownNotices"/>): what is missing is added, nothing an administrator entered is replaced.</summary>
internal static class CalendarSeed
{
    public static async Task SeedAsync(WorkbenchDbContext db, CancellationToken ct)
    {
        var existing = await db.CalendarEntries.ToDictionaryAsync(c => c.Date, ct).ConfigureAwait(false);
        foreach (var day in KnownNotices.Days)
        {
            if (!existing.TryGetValue(day.Date, out var entry)) db.CalendarEntries.Add(day.ToEntry());
            // A database seeded before notices named their holiday: the same day of the same kind is that notice's day.
            else if (entry.Covers is null && entry.Kind == day.Kind) entry.Update(entry.Kind, entry.Description, day.Covers);
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }
}
