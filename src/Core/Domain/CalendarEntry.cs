namespace HanoiWorkbench.Core.Domain;

/// <summary>
/// One day of a yearly notice of the government: an extra day off, or a working Saturday. A day that belongs to the
/// notice of a holiday names it in <see cref="Covers"/>; the notice then replaces every computed day of that holiday
/// (its make-up day included) in that year, see <see cref="Calendar.WorkingCalendar"/>.
/// </summary>
public sealed class CalendarEntry
{
    /// <summary>Shared by the EF configuration, this guard and the admin form.</summary>
    public const int DescriptionMaxLength = 200;

    public const int CoversMaxLength = 60;

    private CalendarEntry() { Description = ""; }

    /// <param name="covers">The key of the holiday whose notice this day belongs to (<see cref="Calendar.HolidayKeys"/>), or null.</param>
    public CalendarEntry(DateOnly date, CalendarEntryKind kind, string description, string? covers = null)
    {
        Date = date;
        Description = "";
        Update(kind, description, covers);
    }

    public int Id { get; private set; }
    public DateOnly Date { get; private set; }
    public CalendarEntryKind Kind { get; private set; }
    public string Description { get; private set; }

    /// <summary>The holiday whose computed days this notice day replaces; null for a stand-alone change.</summary>
    public string? Covers { get; private set; }

    public void Update(CalendarEntryKind kind, string description, string? covers = null)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException("Chọn ngày nghỉ hoặc ngày làm việc.");
        Kind = kind;
        Description = Guard.Required(description, "Mô tả", DescriptionMaxLength);
        Covers = Guard.Optional(covers, "Ngày lễ được thay thế", CoversMaxLength);
    }
}
