using HanoiWorkbench.Core.Ratings;

namespace HanoiWorkbench.Core.Domain;

/// <summary>
/// A citizen's rating of the service, tied to the visit (a ticket, an application, or both when the ticket's service
/// received the application) and the serving officer. One per visit: the database holds each ticket and each application
/// in at most one rating.
/// </summary>
public sealed class Rating
{
    private Rating() { }

    /// <summary>The longest comment the database keeps (the rule, <see cref="RatingRules.CommentMaxLength"/>, is the limit).</summary>
    public const int CommentMaxLength = RatingRules.CommentMaxLength;

    /// <summary>Refuses a rating <see cref="RatingRules.Check"/> refuses (a dissatisfied one without a reason, a text too long).</summary>
    public Rating(RatingLevel level, DissatisfactionReason? reason, string? comment, RatingChannel channel, int branchId, int? staffId,
        long? applicationId, long? ticketId, DateTimeOffset at)
    {
        if (applicationId is null && ticketId is null)
            throw new DomainException("Đánh giá phải gắn với một hồ sơ hoặc một vé.");
        var (choice, errors) = RatingRules.Check(level, reason, comment);
        if (choice is null) throw new DomainException(string.Join(" ", errors.Values));
        Level = choice.Level;
        Reason = choice.Reason;
        Comment = Guard.OptionalText(choice.Comment, "Góp ý", CommentMaxLength, nameof(Comment));
        Channel = channel;
        BranchId = branchId;
        StaffId = staffId;
        ApplicationId = applicationId;
        TicketId = ticketId;
        At = at;
    }

    public long Id { get; private set; }
    public RatingLevel Level { get; private set; }
    public int BranchId { get; private set; }
    public int? StaffId { get; private set; }
    public long? ApplicationId { get; private set; }
    public long? TicketId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Comment { get; private set; }
    /// <summary>Why not satisfied (only with <see cref="RatingLevel.Dissatisfied"/>; null for ratings older than the list).</summary>
    public DissatisfactionReason? Reason { get; private set; }
    public RatingChannel Channel { get; private set; }

    public static string Label(RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => "Rất hài lòng",
        RatingLevel.Satisfied => "Hài lòng",
        _ => "Không hài lòng",
    };
}
