namespace HanoiWorkbench.Core.Domain;

/// <summary>A yearly override of the working-day calendar: an extra day off, or a working Saturday.</summary>
public sealed class CalendarEntry
{
    private CalendarEntry() { Description = ""; }

    public CalendarEntry(DateOnly date, CalendarEntryKind kind, string description)
    {
        Date = date;
        Kind = kind;
        Description = Guard.Required(description, "Mô tả", 200);
    }

    public int Id { get; private set; }
    public DateOnly Date { get; private set; }
    public CalendarEntryKind Kind { get; private set; }
    public string Description { get; private set; }

    public void Update(CalendarEntryKind kind, string description)
    {
        Kind = kind;
        Description = Guard.Required(description, "Mô tả", 200);
    }
}
