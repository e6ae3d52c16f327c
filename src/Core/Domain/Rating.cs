namespace HanoiWorkbench.Core.Domain;

/// <summary>A citizen's rating of the service, tied to an application or ticket and the serving officer.</summary>
public sealed class Rating
{
    private Rating() { }

    public const int CommentMaxLength = 1000;

    public Rating(RatingLevel level, int branchId, int? staffId, long? applicationId, long? ticketId, DateTimeOffset at, string? comment = null)
    {
        if (applicationId is null && ticketId is null)
            throw new DomainException("Đánh giá phải gắn với một hồ sơ hoặc một vé.");
        Level = level;
        BranchId = branchId;
        StaffId = staffId;
        ApplicationId = applicationId;
        TicketId = ticketId;
        At = at;
        Comment = Guard.OptionalText(comment, "Góp ý", CommentMaxLength);
    }

    public long Id { get; private set; }
    public RatingLevel Level { get; private set; }
    public int BranchId { get; private set; }
    public int? StaffId { get; private set; }
    public long? ApplicationId { get; private set; }
    public long? TicketId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Comment { get; private set; }

    public static string Label(RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => "Rất hài lòng",
        RatingLevel.Satisfied => "Hài lòng",
        _ => "Không hài lòng",
    };
}
