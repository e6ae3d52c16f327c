using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Admin;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Calendar;

public sealed record AddedHoliday(int Id, string Key, string Name, HolidayDateKind DateKind, int Month, int Day, int FromYear, string DateLabel);

/// <summary>
/// The holidays an administrator adds to the Labour Code's (e.g. "Ngày Văn hóa Việt Nam", 24/11): named, solar or lunar,
/// every year from a year on, never from a past year (that would rewrite due dates already promised).
/// </summary>
public sealed class AddedHolidays(IDbContextFactory<WorkbenchDbContext> dbFactory, CalendarProvider calendar, CalendarOverrides overrides)
{
    public async Task<IReadOnlyList<AddedHoliday>> ListAsync(CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var rows = await db.HolidayDefinitions.AsNoTracking().OrderBy(h => h.Month).ThenBy(h => h.Day).ToListAsync(ct).ConfigureAwait(false);
        return rows.Select(h => new AddedHoliday(h.Id, h.Key, h.Name, h.DateKind, h.Month, h.Day, h.FromYear, h.DateLabel)).ToList();
    }

    /// <param name="actor">Who adds: refused unless the staff record, read now, may manage reference data.</param>
    public async Task<CalendarSaveResult> AddAsync(string? name, HolidayDateKind dateKind, int? month, int? day, int? fromYear, AdminActor actor,
        CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        if (await AuditedSave.RefusalAsync(db, actor, StaffAction.ManageReferenceData, ct).ConfigureAwait(false) is { } refused)
            return CalendarSaveResult.Refused(CalendarSaveResult.NameField, refused);
        var errors = new Dictionary<string, string>();
        var text = name?.Trim();
        if (string.IsNullOrEmpty(text)) errors[CalendarSaveResult.NameField] = "Nhập tên ngày lễ (ví dụ: Ngày Văn hóa Việt Nam).";
        else if (text.Length > HolidayDefinition.NameMaxLength) errors[CalendarSaveResult.NameField] = $"Tên ngày lễ dài tối đa {HolidayDefinition.NameMaxLength} ký tự.";
        if (month is null || day is null) errors[CalendarSaveResult.DateField] = "Nhập ngày và tháng.";
        else if (HolidayDefinition.DateProblem(dateKind, month.Value, day.Value) is { } dateProblem) errors[CalendarSaveResult.DateField] = dateProblem;
        if (fromYear is null) errors[CalendarSaveResult.FromYearField] = "Nhập năm bắt đầu áp dụng.";
        else if (HolidayDefinition.FromYearProblem(fromYear.Value) is { } yearProblem) errors[CalendarSaveResult.FromYearField] = yearProblem;
        else if (fromYear < overrides.CurrentYear)
            errors[CalendarSaveResult.FromYearField] = $"Năm bắt đầu áp dụng không được trước năm nay ({overrides.CurrentYear}).";
        if (errors.Count > 0) return new(errors);

        var holiday = new HolidayDefinition(text!, dateKind, month!.Value, day!.Value, fromYear!.Value);
        if (await db.HolidayDefinitions.AnyAsync(h => h.Key == holiday.Key, ct).ConfigureAwait(false))
            return CalendarSaveResult.Refused(CalendarSaveResult.NameField, $"Đã có ngày lễ \"{text}\".");
        db.HolidayDefinitions.Add(holiday);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            return CalendarSaveResult.Refused(CalendarSaveResult.NameField, $"Ngày lễ \"{text}\" vừa được người khác thêm; hãy tải lại trang.");
        }
        calendar.Invalidate();
        return CalendarSaveResult.Done($"Đã thêm ngày lễ {holiday.Name} ({holiday.DateLabel}) từ năm {holiday.FromYear}.");
    }

    /// <summary>Removes a holiday that has not begun yet; one already in force is history and stays.</summary>
    public async Task<CalendarSaveResult> DeleteAsync(int id, AdminActor actor, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        if (await AuditedSave.RefusalAsync(db, actor, StaffAction.ManageReferenceData, ct).ConfigureAwait(false) is { } refused)
            return CalendarSaveResult.Refused(CalendarSaveResult.NameField, refused);
        var holiday = await db.HolidayDefinitions.FirstOrDefaultAsync(h => h.Id == id, ct).ConfigureAwait(false);
        if (holiday is null) return CalendarSaveResult.Refused(CalendarSaveResult.NameField, "Ngày lễ này không còn; hãy tải lại trang.");
        if (holiday.FromYear < overrides.CurrentYear)
            return CalendarSaveResult.Refused(CalendarSaveResult.NameField, $"Ngày lễ {holiday.Name} đã áp dụng từ năm {holiday.FromYear}; không xóa được.");
        db.HolidayDefinitions.Remove(holiday);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        calendar.Invalidate();
        return CalendarSaveResult.Done($"Đã xóa ngày lễ {holiday.Name}.");
    }
}
