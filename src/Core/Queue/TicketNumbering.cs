using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Queue;

/// <summary>The daily sequence of a queue: one per branch, service group and service day.</summary>
public readonly record struct TicketSequenceKey(int BranchId, int ServiceGroupId, DateOnly ServiceDay);

/// <summary>
/// Ticket numbers: the group's letter and the daily sequence, A001 … A999, then A1000 … A9999; the 10,000th ticket of a
/// queue in a day is refused with a reason the kiosk shows (no 500): a lobby display has room for five characters, and a
/// group serving 10,000 citizens in a day would need ~100 counters at 5 minutes each. Application codes, which the portal
/// can send by the tens of thousands, do widen instead (see ApplicationCode).
/// The number never wraps: two tickets of the same queue and day must never share a number on the
/// lobby display, and no branch issues near 10,000 tickets of one group in a day.
/// </summary>
public static class TicketNumbering
{
    public const int FirstSequence = 1;
    public const int MaxSequence = 9999;

    public static string Format(string letter, int sequence)
    {
        if (string.IsNullOrEmpty(letter) || letter.Length != 1 || !char.IsAsciiLetterUpper(letter[0]))
            throw new DomainException("Chữ cái nhóm phải là một chữ cái A–Z.");
        if (sequence is < FirstSequence or > MaxSequence)
            throw new DomainException($"Số thứ tự vé phải từ {FirstSequence} đến {MaxSequence}.");
        return $"{letter}{sequence:000}";
    }

    /// <summary>The service day a moment belongs to, in Vietnam time: 23:30 UTC is already tomorrow in Hanoi.</summary>
    public static DateOnly ServiceDay(DateTimeOffset now) => HanoiTime.DateOf(now);

    public static TicketSequenceKey Key(int branchId, int serviceGroupId, DateTimeOffset now) =>
        new(branchId, serviceGroupId, ServiceDay(now));

    /// <summary>The sequence after the last one issued today in the same queue (null when none was issued yet).</summary>
    public static int NextSequence(int? lastIssuedToday)
    {
        var next = (lastIssuedToday ?? 0) + 1;
        if (next > MaxSequence)
            throw new DomainException($"Nhóm dịch vụ đã hết số thứ tự trong ngày (tối đa {MaxSequence} vé).");
        return next;
    }
}
