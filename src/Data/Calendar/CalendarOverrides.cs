using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Calendar;

public sealed record CalendarOverride(int Id, DateOnly Date, CalendarEntryKind Kind, string Description);

/// <summary>Field → Vietnamese message; empty when the override was saved.</summary>
public sealed record CalendarSaveResult(IReadOnlyDictionary<string, string> Errors)
{
    public const string DateField = "Date";
    public const string DescriptionField = "Description";
    public bool Saved => Errors.Count == 0;
}

/// <summary>The administrator's yearly overrides of the working-day calendar; every change refreshes the shared calendar.</summary>
public sealed class CalendarOverrides(IDbContextFactory<WorkbenchDbContext> dbFactory, CalendarProvider calendar)
{
    public async Task<IReadOnlyList<CalendarOverride>> ForYearAsync(int year, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CalendarEntries.AsNoTracking().Where(e => e.Date >= from && e.Date <= to).OrderBy(e => e.Date)
            .Select(e => new CalendarOverride(e.Id, e.Date, e.Kind, e.Description)).ToListAsync(ct);
    }

    /// <summary>Adds (<paramref name="id"/> null) or edits an override. The date of an existing one can change too.</summary>
    public async Task<CalendarSaveResult> SaveAsync(int? id, DateOnly? date, CalendarEntryKind kind, string? description, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var text = description?.Trim();
        if (date is null) errors[CalendarSaveResult.DateField] = "Chọn ngày.";
        if (string.IsNullOrEmpty(text)) errors[CalendarSaveResult.DescriptionField] = "Nhập mô tả (ví dụ: Nghỉ Tết Nguyên đán theo thông báo của Chính phủ).";
        else if (text.Length > 200) errors[CalendarSaveResult.DescriptionField] = "Mô tả dài tối đa 200 ký tự.";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (date is { } d && await db.CalendarEntries.AnyAsync(e => e.Date == d && e.Id != id, ct))
            errors[CalendarSaveResult.DateField] = $"Ngày {d:dd/MM/yyyy} đã có điều chỉnh; hãy sửa điều chỉnh đó.";
        if (errors.Count > 0) return new(errors);

        if (id is null)
        {
            db.CalendarEntries.Add(new CalendarEntry(date!.Value, kind, text!));
        }
        else
        {
            var entry = await db.CalendarEntries.FirstOrDefaultAsync(e => e.Id == id, ct);
            if (entry is null) return new(new Dictionary<string, string> { [CalendarSaveResult.DateField] = "Điều chỉnh này không còn; hãy tải lại trang." });
            if (entry.Date != date)
            {
                // The date is the entry's identity (unique); moving it is a delete and an insert.
                db.CalendarEntries.Remove(entry);
                db.CalendarEntries.Add(new CalendarEntry(date!.Value, kind, text!));
            }
            else entry.Update(kind, text!);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new(new Dictionary<string, string> { [CalendarSaveResult.DateField] = $"Ngày {date:dd/MM/yyyy} vừa được người khác thêm; hãy tải lại trang." });
        }
        calendar.Invalidate();
        return new(new Dictionary<string, string>());
    }

    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.CalendarEntries.Where(e => e.Id == id).ExecuteDeleteAsync(ct);
        calendar.Invalidate();
    }
}
