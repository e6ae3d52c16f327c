using System.Globalization;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Text;

namespace HanoiWorkbench.Core.Monitoring;

/// <summary>Where a stored alert stands, for the list's filter.</summary>
public enum AlertState
{
    /// <summary>Its condition holds (or has not been calm long enough) and nobody has acknowledged it.</summary>
    Open = 0,
    /// <summary>Someone acknowledged it with a note (whether or not its condition still holds).</summary>
    Acknowledged = 1,
    /// <summary>Its condition ended before anyone acknowledged it.</summary>
    Ended = 2,
}

/// <summary>
/// One episode of an alert condition at one branch, as kept: raised once when the condition starts to hold, ended when it has
/// been calm for <see cref="AlertEpisodes.Calm"/>, acknowledged once by a director or the branch's manager with a note.
/// <see cref="OpenKey"/> is set while the episode is open and cleared when it ends: its unique index lets only one open
/// episode of a condition exist, whichever instance raises it first.
/// </summary>
public sealed class Alert
{
    public const int SubjectMaxLength = 20;
    public const int DescriptionMaxLength = 300;
    public const int NoteMaxLength = 500;
    public const int NameMaxLength = 200;
    public const int OpenKeyMaxLength = 60;
    public const string NoteField = "Ghi chú xử lý";

    private Alert() { }

    public Alert(AlertKey key, DateTimeOffset startedAt, string description)
    {
        ArgumentNullException.ThrowIfNull(key);
        BranchId = key.BranchId;
        Kind = key.Kind;
        Subject = key.Subject;
        // Whole milliseconds: what every provider stores exactly, so the episode is found again by its start.
        StartedAt = WholeMilliseconds(startedAt);
        Description = description.Length > DescriptionMaxLength ? description[..DescriptionMaxLength] : description;
        OpenKey = OpenKeyOf(key);
    }

    public long Id { get; private set; }
    public int BranchId { get; private set; }
    public AlertKind Kind { get; private set; }
    public string Subject { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? OpenKey { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public int? AcknowledgedByStaffId { get; private set; }
    public string? AcknowledgedByName { get; private set; }
    public string? AcknowledgementNote { get; private set; }
    public int Version { get; private set; }

    public AlertKey Key => new(BranchId, Kind, Subject);

    public AlertState State => AcknowledgedAt is not null ? AlertState.Acknowledged : EndedAt is not null ? AlertState.Ended : AlertState.Open;

    public bool CanAcknowledge => AcknowledgedAt is null;

    public static DateTimeOffset WholeMilliseconds(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, at.Offset);

    /// <summary>The value of <see cref="OpenKey"/> for an open episode of <paramref name="key"/>.</summary>
    public static string OpenKeyOf(AlertKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Create(CultureInfo.InvariantCulture, $"{key.BranchId}|{(int)key.Kind}|{key.Subject}");
    }

    /// <summary>The note's problem (empty, too long, refused characters), or null: the dialog shows it before anything is sent.</summary>
    public static string? NoteProblem(string? note) => TextRules.CheckText(note, NoteField, NoteMaxLength, required: true).Problem;

    /// <summary>Acknowledges with a required note; refuses a second acknowledgement.</summary>
    public void Acknowledge(string? note, int staffId, string staffName, DateTimeOffset at)
    {
        if (!CanAcknowledge) throw new DomainException("Cảnh báo này đã được xác nhận.");
        var text = Guard.RequiredText(note, NoteField, NoteMaxLength);
        AcknowledgementNote = text;
        AcknowledgedByStaffId = staffId;
        AcknowledgedByName = Guard.Required(staffName, "Tên người xác nhận", NameMaxLength);
        AcknowledgedAt = at;
        Version++;
    }

    /// <summary>Ends the episode at the moment its condition stopped holding; an ended episode stays as it ended.</summary>
    public void End(DateTimeOffset at)
    {
        if (EndedAt is not null) return;
        EndedAt = at < StartedAt ? StartedAt : at;
        OpenKey = null;
        Version++;
    }
}

/// <summary>One page of stored alerts and the filter that chose them.</summary>
public sealed record AlertFilter(int? BranchId = null, AlertKind? Kind = null, AlertState? State = null, DateOnly? From = null, DateOnly? To = null,
    int Page = 0, int PageSize = 20);
