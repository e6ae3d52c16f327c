using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Admin;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Calendar;

public sealed record CalendarOverride(int Id, DateOnly Date, CalendarEntryKind Kind, string Description, string? Covers);

/// <summary>Field → Vietnamese message; empty when the change was saved. <see cref="Message"/> says what was done.</summary>
public sealed record CalendarSaveResult(IReadOnlyDictionary<string, string> Errors, string Message = "")
{
    public const string DateField = "Date";
    public const string DescriptionField = "Description";
    public const string NameField = "Name";
    public const string FromYearField = "FromYear";
    public bool Saved => Errors.Count == 0;

    internal static CalendarSaveResult Refused(string field, string message) => new(new Dictionary<string, string> { [field] = message });
    internal static CalendarSaveResult Done(string message) => new(new Dictionary<string, string>(), message);
}

/// <summary>
/// The administrator's days of the yearly notices; every change refreshes the shared calendar. A past year is closed:
/// nothing in it is added, changed or deleted, so a mistyped year is caught instead of vanishing into a year nobody looks at.
/// </summary>
public sealed class CalendarOverrides(IDbContextFactory<WorkbenchDbContext> dbFactory, CalendarProvider calendar, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public int CurrentYear => WorkingHours.ToVietnam(_clock.GetUtcNow()).Year;

    /// <summary>Why a date cannot be changed (it lies in a past year), or null.</summary>
    public string? ClosedYearProblem(DateOnly date) => date.Year < CurrentYear
        ? $"Ngày {date:dd/MM/yyyy} thuộc năm {date.Year} đã qua: lịch của năm đã qua không sửa được. Kiểm tra lại năm (năm nay là {CurrentYear})."
        : null;

    public async Task<IReadOnlyList<CalendarOverride>> ForYearAsync(int year, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        return await db.CalendarEntries.AsNoTracking().Where(e => e.Date >= from && e.Date <= to).OrderBy(e => e.Date)
            .Select(e => new CalendarOverride(e.Id, e.Date, e.Kind, e.Description, e.Covers)).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Adds (<paramref name="id"/> null) or edits a notice day. The date of an existing one can change too.</summary>
    /// <param name="covers">The key of the holiday whose notice this day belongs to, or null for a stand-alone change.</param>
    /// <param name="actor">Who saves: refused unless the staff record, read now, may manage reference data.</param>
    public async Task<CalendarSaveResult> SaveAsync(int? id, DateOnly? date, CalendarEntryKind kind, string? description, AdminActor actor,
        string? covers = null, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        if (await AuditedSave.RefusalAsync(db, actor, StaffAction.ManageReferenceData, ct).ConfigureAwait(false) is { } refused)
            return CalendarSaveResult.Refused(CalendarSaveResult.DateField, refused);
        var errors = new Dictionary<string, string>();
        var text = description?.Trim();
        if (date is null) errors[CalendarSaveResult.DateField] = "Chọn ngày.";
        else if (ClosedYearProblem(date.Value) is { } closed) errors[CalendarSaveResult.DateField] = closed;
        if (string.IsNullOrEmpty(text)) errors[CalendarSaveResult.DescriptionField] = "Nhập mô tả (ví dụ: Nghỉ Tết Nguyên đán theo thông báo của Chính phủ).";
        else if (text.Length > CalendarEntry.DescriptionMaxLength) errors[CalendarSaveResult.DescriptionField] = $"Mô tả dài tối đa {CalendarEntry.DescriptionMaxLength} ký tự.";
        var cover = string.IsNullOrWhiteSpace(covers) ? null : covers.Trim();
        if (date is { } d && await db.CalendarEntries.AnyAsync(e => e.Date == d && e.Id != id, ct).ConfigureAwait(false))
            errors[CalendarSaveResult.DateField] = $"Ngày {d:dd/MM/yyyy} đã có điều chỉnh; hãy sửa điều chỉnh đó.";
        if (errors.Count > 0) return new(errors);

        if (id is null)
        {
            db.CalendarEntries.Add(new CalendarEntry(date!.Value, kind, text!, cover));
        }
        else
        {
            var entry = await db.CalendarEntries.FirstOrDefaultAsync(e => e.Id == id, ct).ConfigureAwait(false);
            if (entry is null) return CalendarSaveResult.Refused(CalendarSaveResult.DateField, "Điều chỉnh này không còn; hãy tải lại trang.");
            if (ClosedYearProblem(entry.Date) is { } closed) return CalendarSaveResult.Refused(CalendarSaveResult.DateField, closed);
            if (entry.Date != date)
            {
                // The date is the entry's identity (unique); moving it is a delete and an insert.
                db.CalendarEntries.Remove(entry);
                db.CalendarEntries.Add(new CalendarEntry(date!.Value, kind, text!, cover));
            }
            else entry.Update(kind, text!, cover);
        }
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            return CalendarSaveResult.Refused(CalendarSaveResult.DateField, $"Ngày {date:dd/MM/yyyy} vừa được người khác thêm; hãy tải lại trang.");
        }
        calendar.Invalidate();
        return CalendarSaveResult.Done($"Đã lưu điều chỉnh ngày {date:dd/MM/yyyy}.");
    }

    public async Task<CalendarSaveResult> DeleteAsync(int id, AdminActor actor, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        if (await AuditedSave.RefusalAsync(db, actor, StaffAction.ManageReferenceData, ct).ConfigureAwait(false) is { } refused)
            return CalendarSaveResult.Refused(CalendarSaveResult.DateField, refused);
        var entry = await db.CalendarEntries.FirstOrDefaultAsync(e => e.Id == id, ct).ConfigureAwait(false);
        if (entry is null) return CalendarSaveResult.Refused(CalendarSaveResult.DateField, "Điều chỉnh này không còn; hãy tải lại trang.");
        var date = entry.Date;
        if (ClosedYearProblem(date) is { } closed) return CalendarSaveResult.Refused(CalendarSaveResult.DateField, closed);
        // Tracked, not a set-based delete: the audit appends the removal with its before values and the person.
        db.CalendarEntries.Remove(entry);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CalendarSaveResult.Refused(CalendarSaveResult.DateField, "Điều chỉnh này không còn; hãy tải lại trang.");
        }
        calendar.Invalidate();
        return CalendarSaveResult.Done($"Đã xóa điều chỉnh ngày {date:dd/MM/yyyy}.");
    }
}
