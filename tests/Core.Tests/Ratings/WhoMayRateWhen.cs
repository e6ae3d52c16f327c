using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Core.Ratings;

namespace HanoiWorkbench.Core.Tests.Ratings;

public sealed class WhoMayRateWhen
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(TicketStatus.Waiting, false, RatingRules.NotServedYet)]
    [InlineData(TicketStatus.Called, false, RatingRules.NotServedYet)]
    [InlineData(TicketStatus.Serving, true, null)]
    [InlineData(TicketStatus.Finished, true, null)]
    [InlineData(TicketStatus.Parked, true, null)]                        // parked while served: fetching a paper
    [InlineData(TicketStatus.Parked, false, RatingRules.NotServedYet)]   // parked before the service began
    [InlineData(TicketStatus.NoShow, false, RatingRules.NeverServed)]
    public void A_ticket_is_rated_once_its_service_began(TicketStatus status, bool started, string? refusal) =>
        Assert.Equal(refusal, RatingRules.TicketRefusal(status, started ? Now.AddMinutes(-5) : null));

    [Theory]
    [InlineData(ApplicationStatus.Submitted, RatingRules.NotCheckedYet)]
    [InlineData(ApplicationStatus.Received, null)]
    [InlineData(ApplicationStatus.InProcessing, null)]
    [InlineData(ApplicationStatus.SupplementRequested, null)]
    [InlineData(ApplicationStatus.AwaitingFinancialObligation, null)]
    [InlineData(ApplicationStatus.Refused, null)]
    [InlineData(ApplicationStatus.Withdrawn, null)]
    [InlineData(ApplicationStatus.Stopped, null)]
    [InlineData(ApplicationStatus.Completed, null)]
    [InlineData(ApplicationStatus.Returned, null)]
    public void An_application_is_rated_at_any_point_after_a_clerk_decided_on_it(ApplicationStatus status, string? refusal) =>
        Assert.Equal(refusal, RatingRules.ApplicationRefusal(status));

    [Theory]
    [InlineData(TicketStatus.Serving, 30, null, false, true)]
    [InlineData(TicketStatus.Finished, 20, 10, false, true)]     // finished 10 minutes ago: the edge is still offered
    [InlineData(TicketStatus.Finished, 20, 11, false, false)]    // the next citizen may already stand at the counter
    [InlineData(TicketStatus.Finished, 5, 0, false, true)]
    [InlineData(TicketStatus.Finished, 5, 1, true, false)]       // the counter calls the next ticket: the citizen has left
    [InlineData(TicketStatus.Called, null, null, false, false)]
    [InlineData(TicketStatus.Parked, 8, null, false, false)]
    [InlineData(TicketStatus.NoShow, null, 1, false, false)]
    public void The_counter_tablet_offers_the_ticket_being_served_and_for_ten_minutes_after(TicketStatus status, int? startedMinutesAgo,
        int? finishedMinutesAgo, bool callingNext, bool offered) =>
        Assert.Equal(offered, RatingRules.TabletOffers(status, startedMinutesAgo is { } s ? Now.AddMinutes(-s) : null,
            finishedMinutesAgo is { } f ? Now.AddMinutes(-f) : null, callingNext, Now));

    [Fact]
    public void A_rating_is_counted_for_its_branch_only()
    {
        var e = new LiveEvent(LiveEventKind.RatingGiven, 7, 12, 3, 40, Now);
        Assert.Equal(new RecountPlan(7, CityFacets.Ratings), CityProjection.Plan(e));
    }
}

public sealed class WhatARatingMustSay
{
    private static readonly string TooLong = new('a', RatingRules.CommentMaxLength + 1);

    [Theory]
    [InlineData(RatingLevel.VerySatisfied, null, null, null, null)]
    [InlineData(RatingLevel.Satisfied, null, "   ", null, null)]                                      // blank text is no text
    [InlineData(RatingLevel.Dissatisfied, DissatisfactionReason.LongWait, null, null, null)]
    [InlineData(RatingLevel.Dissatisfied, DissatisfactionReason.StaffAttitude, "  Cán bộ nói trống không  ", null, null)]
    [InlineData(RatingLevel.Dissatisfied, null, "Chờ lâu", "Reason", "Vui lòng chọn lý do Ông/Bà chưa hài lòng.")]
    [InlineData(RatingLevel.Dissatisfied, DissatisfactionReason.Other, null, "Comment", "Vui lòng ghi rõ lý do khác.")]
    [InlineData(RatingLevel.Dissatisfied, DissatisfactionReason.Other, "Không có chỗ gửi xe", null, null)]
    [InlineData(RatingLevel.Dissatisfied, (DissatisfactionReason)42, null, "Reason", "Lý do đã chọn không có trong danh sách.")]
    [InlineData(RatingLevel.Satisfied, DissatisfactionReason.LongWait, null, "Reason", "Lý do và góp ý chỉ ghi khi Ông/Bà không hài lòng.")]
    [InlineData(RatingLevel.VerySatisfied, null, "Tốt", "Reason", "Lý do và góp ý chỉ ghi khi Ông/Bà không hài lòng.")]
    [InlineData(RatingLevel.Dissatisfied, DissatisfactionReason.LongWait, "Chờ\u0007 lâu", "Comment", "Góp ý có ký tự điều khiển không hợp lệ; vui lòng chỉ nhập chữ, số và dấu câu.")]
    [InlineData(RatingLevel.Dissatisfied, DissatisfactionReason.LongWait, "Chờ \u202Euâl", "Comment", "Góp ý không được chứa ký tự ẩn (ký tự độ rộng 0 hoặc đổi chiều văn bản).")]
    [InlineData((RatingLevel)9, null, null, "Level", "Vui lòng chọn một mức đánh giá.")]
    [InlineData(null, null, null, "Level", "Vui lòng chọn một mức đánh giá.")]
    public void Not_satisfied_needs_a_reason_and_other_needs_words(RatingLevel? level, DissatisfactionReason? reason, string? comment,
        string? field, string? message)
    {
        var (choice, errors) = RatingRules.Check(level, reason, comment);
        if (field is null)
        {
            Assert.Empty(errors);
            Assert.Equal(new RatingChoice(level!.Value, reason, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()), choice);
        }
        else
        {
            Assert.Null(choice);
            Assert.Equal(message, errors[field]);
        }
    }

    [Fact]
    public void The_free_text_is_limited_and_stored_composed()
    {
        var (tooLong, errors) = RatingRules.Check(RatingLevel.Dissatisfied, DissatisfactionReason.Other, TooLong);
        Assert.Null(tooLong);
        Assert.Equal($"Góp ý dài tối đa 500 ký tự (hiện có 501).", errors["Comment"]);

        var decomposed = "ho\u0300a\u0302\r\nlau".Normalize(System.Text.NormalizationForm.FormD);
        var (choice, _) = RatingRules.Check(RatingLevel.Dissatisfied, DissatisfactionReason.Other, decomposed);
        Assert.Equal("ho\u0300a\u0302\nlau".Normalize(System.Text.NormalizationForm.FormC), choice!.Comment);
    }

    [Fact]
    public void Every_listed_reason_has_a_Vietnamese_label_and_other_comes_last()
    {
        Assert.Equal(DissatisfactionReason.Other, RatingRules.Reasons[^1]);
        Assert.All(RatingRules.Reasons, r => Assert.NotEqual(r.ToString(), RatingRules.ReasonLabel(r)));
        Assert.Equal(RatingRules.Reasons.Count, RatingRules.Reasons.Select(RatingRules.ReasonLabel).Distinct().Count());
    }

    [Fact]
    public void The_rating_refuses_what_the_rule_refuses()
    {
        var e = Assert.Throws<DomainException>(() => new Rating(RatingLevel.Dissatisfied, null, null, RatingChannel.QrCode, 1, null, 5, null, DateTimeOffset.UnixEpoch));
        Assert.Equal("Vui lòng chọn lý do Ông/Bà chưa hài lòng.", e.Message);
        Assert.Throws<DomainException>(() => new Rating(RatingLevel.Satisfied, null, null, RatingChannel.Tablet, 1, null, null, null, DateTimeOffset.UnixEpoch));
        var ok = new Rating(RatingLevel.Dissatisfied, DissatisfactionReason.LongWait, " Chờ 1 giờ ", RatingChannel.Tablet, 1, 2, null, 9, DateTimeOffset.UnixEpoch);
        Assert.Equal((DissatisfactionReason.LongWait, "Chờ 1 giờ", RatingChannel.Tablet), (ok.Reason!.Value, ok.Comment, ok.Channel));
    }
}

public sealed class RatingLinksCannotBeGuessed
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] OtherKey = Enumerable.Range(2, 32).Select(i => (byte)i).ToArray();

    [Theory]
    [InlineData(VisitKind.Ticket, 1L)]
    [InlineData(VisitKind.Ticket, 741321L)]
    [InlineData(VisitKind.Application, 1000000L)]
    [InlineData(VisitKind.Application, long.MaxValue)]
    public void A_visit_token_reads_back_as_its_visit_and_stays_short(VisitKind kind, long id)
    {
        var token = RatingTokens.ForVisit(Key, new VisitRef(kind, id));
        Assert.Equal(new VisitRef(kind, id), RatingTokens.ReadVisit(Key, token));
        Assert.Null(RatingTokens.ReadCounter(Key, token));
        Assert.True(token.Length <= 43, token); // 1 + 19 digits + 1 + 22
        Assert.Matches("^[vh][1-9][0-9]*\\.[A-Za-z0-9_-]{22}$", token);
    }

    [Fact]
    public void A_counter_token_names_its_counter_only()
    {
        var token = RatingTokens.ForCounter(Key, 17);
        Assert.Equal(17, RatingTokens.ReadCounter(Key, token));
        Assert.Null(RatingTokens.ReadVisit(Key, token));
    }

    public static TheoryData<string> Forgeries()
    {
        var real = RatingTokens.ForVisit(Key, new VisitRef(VisitKind.Application, 4242));
        var mac = real[(real.IndexOf('.', StringComparison.Ordinal) + 1)..];
        return new TheoryData<string>
        {
            "h4243." + mac,                                                 // the neighbour's number with this visit's signature
            "v4242." + mac,                                                 // the same number as a ticket
            "h04242." + mac,                                                // another spelling of the number
            real[..^1] + (real[^1] == 'A' ? 'B' : 'A'),                      // one character of the signature changed
            RatingTokens.ForVisit(OtherKey, new VisitRef(VisitKind.Application, 4242)), // another site's key
            "h4242",
            "h4242.",
            ".abc",
            "x4242." + mac,
            "h-1." + mac,
            real + "AAAA",
            new string('h', 200),
            "",
        };
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public void A_changed_or_foreign_token_names_nothing(string token) => Assert.Null(RatingTokens.ReadVisit(Key, token));

    [Fact]
    public void A_short_key_is_refused() =>
        Assert.Throws<ArgumentException>(() => RatingTokens.ForCounter(new byte[16], 1));

    [Fact]
    public void A_comment_with_a_lone_surrogate_is_refused_not_thrown()
    {
        // A fragment pasted from a half-copied emoji: string.Normalize would throw on it.
        var (choice, errors) = RatingRules.Check(RatingLevel.Dissatisfied, DissatisfactionReason.LongWait, "Chờ lâu \uD83D");
        Assert.Null(choice);
        Assert.Equal("Góp ý chứa ký tự không hợp lệ.", errors["Comment"]);
    }
}
