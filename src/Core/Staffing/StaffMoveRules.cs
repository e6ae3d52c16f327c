using System.Globalization;
using HanoiWorkbench.Core;

namespace HanoiWorkbench.Core.Staffing;

/// <summary>What happens to the ticket a person is serving when the manager moves them.</summary>
public enum ServingTicketChoice
{
    /// <summary>The manager has not chosen yet: a move of someone serving is refused until they do.</summary>
    Unchosen = 0,
    /// <summary>The person finishes the citizen in front of them; the move takes effect when the ticket is finished.</summary>
    LetFinish = 1,
    /// <summary>The ticket goes to another open counter now, and the move takes effect at once.</summary>
    HandToCounter = 2,
}

public enum StaffPeriodKind
{
    Absence = 0,
    Lend = 1,
}

/// <summary>A period a person is away from their counter: absent, or lent to another branch.</summary>
public sealed record StaffPeriod(StaffPeriodKind Kind, DateTimeOffset From, DateTimeOffset To, int? ToBranchId = null)
{
    public bool Covers(DateTimeOffset at) => at >= From && at < To;
    public bool Overlaps(DateTimeOffset from, DateTimeOffset to) => from < To && From < to;
}

/// <summary>A seat move as the manager asks it: who, where to, and (if they are serving) what becomes of the ticket.</summary>
public sealed record SeatMove(
    int StaffId,
    int TargetCounterId,
    bool TargetCounterIsOpen,
    int? TargetCounterOccupantId,
    bool StaffIsServing,
    ServingTicketChoice Choice,
    int? HandToCounterId,
    bool HandToCounterIsOpen);

/// <summary>The manager's moves: pure checks that return every Vietnamese refusal at once (empty = allowed).</summary>
public static class StaffMoveRules
{
    public const int ReasonMaxLength = 500;

    /// <summary>
    /// The reasons a manager gives most often, offered as one-tap choices beside the free text so that "why" costs a tap, not a
    /// sentence (the page shows them translated; the record keeps the words chosen).
    /// </summary>
    public static IReadOnlyList<string> CommonReasons { get; } =
    [
        "Nhóm dịch vụ đông, cần thêm người",
        "Cân bằng tải giữa các quầy",
        "Thay ca",
        "Nghỉ giữa ca",
        "Hết giờ làm việc",
        "Theo đề nghị của cán bộ",
    ];

    /// <summary>
    /// Every move is one recorded action with who, when and why (issue 10, point 2): a seat move, a counter opened or closed,
    /// a change of service groups, an absence, a lend and a cancelled period all need a reason of at most
    /// <see cref="ReasonMaxLength"/> characters.
    /// </summary>
    public static IReadOnlyList<string> CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? ["Hãy ghi lý do."]
        : reason.Trim().Length > ReasonMaxLength ? [$"Lý do không quá {ReasonMaxLength} ký tự."]
        : [];

    public static IReadOnlyList<string> CheckSeat(SeatMove move)
    {
        ArgumentNullException.ThrowIfNull(move);
        var problems = new List<string>();
        if (move.TargetCounterOccupantId is { } occupant && occupant != move.StaffId)
            problems.Add("Quầy này đã có cán bộ ngồi. Hãy chuyển cán bộ đó đi trước: một quầy chỉ một người.");
        if (move.TargetCounterOccupantId == move.StaffId)
            problems.Add("Cán bộ đang ngồi ở quầy này.");
        if (!move.TargetCounterIsOpen)
            problems.Add("Quầy đích đang đóng. Hãy mở quầy trước khi xếp người.");
        problems.AddRange(CheckServingTicket(move.StaffIsServing, move.Choice, move.HandToCounterId, move.TargetCounterId, move.HandToCounterIsOpen));
        return problems;
    }

    /// <summary>A person serving a citizen is never moved without the manager choosing what happens to that ticket.</summary>
    public static IReadOnlyList<string> CheckServingTicket(bool staffIsServing, ServingTicketChoice choice, int? handToCounterId,
        int? movingToCounterId, bool handToCounterIsOpen)
    {
        if (!staffIsServing) return [];
        return choice switch
        {
            ServingTicketChoice.Unchosen =>
                ["Cán bộ đang phục vụ một công dân. Hãy chọn: để cán bộ phục vụ xong rồi chuyển, hoặc chuyển vé sang quầy khác."],
            ServingTicketChoice.HandToCounter when handToCounterId is null => ["Hãy chọn quầy nhận vé đang phục vụ."],
            ServingTicketChoice.HandToCounter when handToCounterId == movingToCounterId && movingToCounterId is not null => [],
            ServingTicketChoice.HandToCounter when !handToCounterIsOpen => ["Quầy nhận vé đang đóng."],
            _ => [],
        };
    }

    /// <summary>An absence or lend: a real period, not in the past, no overlap with another absence or lend of the person.</summary>
    public static IReadOnlyList<string> CheckPeriod(StaffPeriod period, IEnumerable<StaffPeriod> existing, DateTimeOffset now,
        int homeBranchId, string? reason)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(existing);
        var problems = new List<string>();
        if (period.To <= period.From) problems.Add("Thời điểm kết thúc phải sau thời điểm bắt đầu.");
        if (period.To <= now) problems.Add("Khoảng thời gian đã qua: không thể ghi nhận cho quá khứ.");
        if (period.Kind == StaffPeriodKind.Lend && (period.ToBranchId is null || period.ToBranchId == homeBranchId))
            problems.Add("Hãy chọn chi nhánh nhận cán bộ, khác chi nhánh của cán bộ.");
        problems.AddRange(CheckReason(reason));
        foreach (var other in existing.Where(e => e.Overlaps(period.From, period.To)).OrderBy(e => e.From))
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"Trùng với {(other.Kind == StaffPeriodKind.Lend ? "đợt biệt phái" : "đợt vắng mặt")} từ {Format(other.From)} đến {Format(other.To)}."));
        return problems;
    }

    /// <summary>
    /// Where the person works at <paramref name="at"/>: the branch of the lend covering that moment, else home. A lend ends
    /// by itself: nobody has to act for the person to be back home when the period is over.
    /// </summary>
    public static int BranchAt(int homeBranchId, IEnumerable<StaffPeriod> periods, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return periods.Where(p => p.Kind == StaffPeriodKind.Lend && p.Covers(at)).Select(p => p.ToBranchId).FirstOrDefault() ?? homeBranchId;
    }

    /// <summary>True when an absence covers the moment.</summary>
    public static bool IsAbsentAt(IEnumerable<StaffPeriod> periods, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return periods.Any(p => p.Kind == StaffPeriodKind.Absence && p.Covers(at));
    }

    /// <summary>
    /// Whether the person may sit at a counter of <paramref name="counterBranchId"/> now: not while an absence covers the
    /// moment, and only at the branch they work at now (the receiving branch during a lend, home otherwise). The periods are
    /// the counted (not cancelled) ones; the answer does not wait for the period job to have moved the person.
    /// </summary>
    /// <param name="branchName">The name of a branch, for the message about a lend.</param>
    public static IReadOnlyList<string> CheckMaySit(int homeBranchId, IEnumerable<StaffPeriod> periods, DateTimeOffset now, int counterBranchId,
        Func<int, string> branchName)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(branchName);
        var covering = periods.Where(p => p.Covers(now)).ToList();
        if (covering.FirstOrDefault(p => p.Kind == StaffPeriodKind.Absence) is { } absence)
            return [string.Create(CultureInfo.InvariantCulture,
                $"Cán bộ đang được ghi nhận vắng mặt từ {Format(absence.From)} đến {Format(absence.To)}: không thể ngồi quầy.")];
        var worksAt = BranchAt(homeBranchId, covering, now);
        if (worksAt == counterBranchId) return [];
        if (worksAt != homeBranchId && covering.FirstOrDefault(p => p.Kind == StaffPeriodKind.Lend) is { } lend)
            return [string.Create(CultureInfo.InvariantCulture,
                $"Cán bộ đang được biệt phái sang {branchName(worksAt)} đến {Format(lend.To)}: chỉ có thể ngồi quầy tại chi nhánh đó.")];
        return ["Quầy không thuộc chi nhánh cán bộ đang làm việc."];
    }

    private static string Format(DateTimeOffset at) => at.ToHanoi().ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
