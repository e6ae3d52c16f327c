namespace HanoiWorkbench.Core.Queue;

/// <summary>
/// How many tickets one kiosk device may take in a sliding minute, so that a script or a finger held on the screen cannot empty
/// a branch's numbering or flood its queue with tickets nobody will answer. The limit is configuration
/// (<c>Kiosk:TicketsPerMinute</c>); the caller keeps the times of the device's recent tickets, asks, then records the new one.
/// </summary>
public static class KioskTicketLimit
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public const int FewestPerMinute = 1, MostPerMinute = 600;

    public static string? ValidateLimit(int perMinute) => perMinute is < FewestPerMinute or > MostPerMinute
        ? $"Số vé tối đa mỗi phút của một kiosk phải từ {FewestPerMinute} đến {MostPerMinute}."
        : null;

    /// <summary>The tickets that still count at <paramref name="now"/>: those taken less than a minute before it.</summary>
    public static IEnumerable<DateTimeOffset> StillCounting(IEnumerable<DateTimeOffset> issued, DateTimeOffset now) =>
        issued.Where(at => at > now - Window && at <= now);

    /// <summary>Null when the device may take one more ticket now, otherwise the Vietnamese message the kiosk shows.</summary>
    public static string? Refusal(IEnumerable<DateTimeOffset> issued, DateTimeOffset now, int perMinute)
    {
        ArgumentNullException.ThrowIfNull(issued);
        var counting = StillCounting(issued, now).ToList();
        if (counting.Count < perMinute) return null;
        // Free again when the oldest ticket still counting leaves the window.
        var seconds = (int)Math.Ceiling((counting.Min() + Window - now).TotalSeconds);
        return $"Máy này đã lấy {counting.Count} số trong một phút vừa qua (tối đa {perMinute} số mỗi phút). " +
               $"Vui lòng chờ {Math.Max(1, seconds)} giây rồi lấy số tiếp, hoặc nhờ nhân viên hướng dẫn hỗ trợ.";
    }
}
