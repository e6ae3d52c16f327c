using System.Globalization;
using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Staffing;
using HanoiWorkbench.Data.Staffing;

namespace HanoiWorkbench.Workbench.Components.Pages.Board;

public enum MoveKind
{
    Seat = 0,
    Absence = 1,
    Lend = 2,
    /// <summary>The service groups of the counter the person sits at (the manager's configuration).</summary>
    Groups = 3,
}

/// <summary>What the manager asked for in the move panel; <see cref="From"/> and <see cref="To"/> as the browser's datetime-local text.</summary>
public sealed class MoveRequest
{
    public MoveKind Kind { get; set; }
    public int? CounterId { get; set; }
    public bool LetFinish { get; set; } = true;
    public int? HandToCounterId { get; set; }
    public int? ToBranchId { get; set; }
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public string Reason { get; set; } = "";
    public HashSet<int> GroupIds { get; init; } = [];

    public TicketChoice Ticket(bool serving) =>
        !serving ? TicketChoice.None : LetFinish ? TicketChoice.LetFinish : new TicketChoice(ServingTicketChoice.HandToCounter, HandToCounterId);

    /// <summary>A Hanoi wall-clock time typed in the form, or null when it is not one.</summary>
    public static DateTimeOffset? ParseHanoi(string text) =>
        DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, HanoiTime.Offset) : null;

    public static string Format(DateTimeOffset at) => at.ToHanoi().ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
