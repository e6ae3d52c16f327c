using System.Globalization;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Text;

namespace HanoiWorkbench.Core.Ratings;

/// <summary>Why a citizen was not satisfied: the short list the rating screens offer after "Không hài lòng".</summary>
public enum DissatisfactionReason
{
    LongWait = 1,
    StaffAttitude = 2,
    UnclearGuidance = 3,
    ExtraDocuments = 4,
    SlowProcessing = 5,
    Facilities = 6,
    /// <summary>"Lý do khác": the citizen must say what in the free text.</summary>
    Other = 99,
}

/// <summary>Where the rating was given.</summary>
public enum RatingChannel
{
    /// <summary>The clerk's own screen turned to the citizen (ratings recorded before the tablet and the QR code existed).</summary>
    CounterScreen = 0,
    /// <summary>The tablet beside a counter, showing the ticket just served there.</summary>
    Tablet = 1,
    /// <summary>The QR code printed on the receipt or the ticket slip, from the citizen's own phone.</summary>
    QrCode = 2,
}

/// <summary>What a citizen rates: one visit, a queue ticket or an application (each may carry the other).</summary>
public enum VisitKind
{
    Ticket = 0,
    Application = 1,
}

/// <summary>A visit by kind and id: what a rating link names.</summary>
public readonly record struct VisitRef(VisitKind Kind, long Id);

/// <summary>A rating as the citizen gave it, checked and normalised (<see cref="RatingRules.Check"/>).</summary>
public sealed record RatingChoice(RatingLevel Level, DissatisfactionReason? Reason, string? Comment);

/// <summary>
/// Who may rate, when, and what a rating must say (domain.md §6). A citizen rates without an account, once per visit, at any
/// point after being served: a ticket once its service started (being served or finished), an application once a clerk
/// decided on it (received, refused, guided), which an online submission not yet checked is not. "Không hài lòng" needs a
/// reason from <see cref="Reasons"/>, and "Lý do khác" needs the free text; the free text is at most
/// <see cref="CommentMaxLength"/> characters and only goes with "Không hài lòng".
/// </summary>
public static class RatingRules
{
    public const int CommentMaxLength = 500;

    /// <summary>
    /// How long after a ticket's service ended the counter's tablet still offers it: long enough to rate while packing up,
    /// short enough that the next citizen at the counter is not asked about somebody else's visit.
    /// </summary>
    public static readonly TimeSpan TabletOffersFinishedFor = TimeSpan.FromMinutes(10);

    public const string AlreadyRated = "Lượt phục vụ này đã được đánh giá. Mỗi lượt chỉ được đánh giá một lần, cảm ơn Ông/Bà!";
    public const string NotServedYet = "Ông/Bà có thể đánh giá sau khi được cán bộ phục vụ.";
    public const string NeverServed = "Vé này không được phục vụ (đã qua lượt) nên không thể đánh giá.";
    public const string NotCheckedYet = "Hồ sơ nộp trực tuyến chưa được cán bộ kiểm tra, tiếp nhận nên chưa thể đánh giá.";

    /// <summary>The reasons in the order the screens list them, "Lý do khác" last.</summary>
    public static IReadOnlyList<DissatisfactionReason> Reasons { get; } =
    [
        DissatisfactionReason.LongWait, DissatisfactionReason.StaffAttitude, DissatisfactionReason.UnclearGuidance,
        DissatisfactionReason.ExtraDocuments, DissatisfactionReason.SlowProcessing, DissatisfactionReason.Facilities,
        DissatisfactionReason.Other,
    ];

    public static string ReasonLabel(DissatisfactionReason reason) => reason switch
    {
        DissatisfactionReason.LongWait => "Thời gian chờ đợi lâu",
        DissatisfactionReason.StaffAttitude => "Thái độ phục vụ chưa tốt",
        DissatisfactionReason.UnclearGuidance => "Hướng dẫn chưa rõ ràng, phải đi lại nhiều lần",
        DissatisfactionReason.ExtraDocuments => "Bị yêu cầu giấy tờ ngoài quy định",
        DissatisfactionReason.SlowProcessing => "Giải quyết chậm, trễ hẹn",
        DissatisfactionReason.Facilities => "Nơi chờ, cơ sở vật chất chưa thuận tiện",
        DissatisfactionReason.Other => "Lý do khác",
        _ => reason.ToString(),
    };

    /// <summary>Null when the ticket may be rated now, else why not.</summary>
    public static string? TicketRefusal(TicketStatus status, DateTimeOffset? serviceStartedAt) => status switch
    {
        TicketStatus.NoShow => NeverServed,
        TicketStatus.Serving or TicketStatus.Finished => null,
        // Parked after its service began (the citizen went to fetch a paper): served already.
        TicketStatus.Parked when serviceStartedAt is not null => null,
        _ => NotServedYet,
    };

    /// <summary>Null when the application may be rated now, else why not.</summary>
    public static string? ApplicationRefusal(ApplicationStatus status) =>
        status == ApplicationStatus.Submitted ? NotCheckedYet : null;

    /// <summary>
    /// True when a counter's tablet offers this ticket (the one of the counter whose service started last): while it is
    /// served, and for <see cref="TabletOffersFinishedFor"/> after it finished, unless the counter is already calling the
    /// next citizen (<paramref name="counterCallingNext"/>): the one who was served has left by then.
    /// </summary>
    public static bool TabletOffers(TicketStatus status, DateTimeOffset? serviceStartedAt, DateTimeOffset? finishedAt, bool counterCallingNext,
        DateTimeOffset now) =>
        serviceStartedAt is not null && status switch
        {
            TicketStatus.Serving => true,
            TicketStatus.Finished => !counterCallingNext && finishedAt is { } end && now - end <= TabletOffersFinishedFor,
            _ => false,
        };

    /// <summary>The rating as it will be stored, or the Vietnamese messages per field ("Level", "Reason", "Comment").</summary>
    public static (RatingChoice? Choice, IReadOnlyDictionary<string, string> Errors) Check(RatingLevel? level, DissatisfactionReason? reason, string? comment)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = Normalize(comment);
        if (level is not { } l || !Enum.IsDefined(l))
        {
            errors["Level"] = "Vui lòng chọn một mức đánh giá.";
            return (null, errors);
        }
        if (l == RatingLevel.Dissatisfied)
        {
            if (reason is not { } r) errors["Reason"] = "Vui lòng chọn lý do Ông/Bà chưa hài lòng.";
            else if (!Reasons.Contains(r)) errors["Reason"] = "Lý do đã chọn không có trong danh sách.";
            else if (r == DissatisfactionReason.Other && text is null) errors["Comment"] = "Vui lòng ghi rõ lý do khác.";
        }
        else if (reason is not null || text is not null)
        {
            errors["Reason"] = "Lý do và góp ý chỉ ghi khi Ông/Bà không hài lòng.";
        }
        if (text is not null)
        {
            if (text.Length > CommentMaxLength)
                errors["Comment"] = string.Create(CultureInfo.InvariantCulture, $"Góp ý dài tối đa {CommentMaxLength} ký tự (hiện có {text.Length}).");
            else if (text.Any(c => char.IsControl(c) && c is not '\n'))
                errors["Comment"] = "Góp ý có ký tự điều khiển không hợp lệ; vui lòng chỉ nhập chữ, số và dấu câu.";
            else if (TextRules.TextProblem(text, "Góp ý") is { } problem)
                errors["Comment"] = problem; // invisible, reordering or broken characters (a lone surrogate from a pasted fragment)
        }
        return errors.Count > 0 ? (null, errors) : (new RatingChoice(l, l == RatingLevel.Dissatisfied ? reason : null, text), errors);
    }

    // Composed Vietnamese (NFC) so "hài lòng" typed on any keyboard is stored and counted the same; CR LF becomes LF.
    private static string? Normalize(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment)) return null;
        return comment.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim() is { Length: > 0 } t
            ? TextRules.Normalize(t) // NFC, and left as typed when it cannot be (a lone surrogate), for the check to refuse
            : null;
    }
}
