using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Reports;

namespace HanoiWorkbench.Core.Monitoring;

/// <summary>The six groups of Decision 766/QĐ-TTg (2022) and their points out of 100.</summary>
public enum ScorecardGroup
{
    Transparency = 0,       // Công khai, minh bạch — 18
    ProcessingProgress = 1, // Tiến độ giải quyết — 20
    OnlineService = 2,      // Dịch vụ trực tuyến — 12
    OnlinePayment = 3,      // Thanh toán trực tuyến — 10
    Satisfaction = 4,       // Mức độ hài lòng — 18
    Digitisation = 5,       // Số hóa hồ sơ — 22
}

/// <summary>What the workbench counts for a branch or the city over a period; null where it holds no data.</summary>
public sealed record ScorecardInputs(
    int Completed,
    int CompletedOnTime,
    int LateApplications,
    int LateWithApology,
    int Received,
    int ReceivedOnline,
    int Ratings,
    int RatingsSatisfied);

/// <summary>Applications received in the period, counted in SQL per receiving branch and channel.</summary>
public sealed record ChannelCount(int BranchId, Channel Channel, int Count);

/// <summary>The scorecard of one branch, or of the city (<see cref="BranchId"/> null).</summary>
public sealed record Scorecard(int? BranchId, string Name, ScorecardInputs Inputs, IReadOnlyList<ScorecardLine> Lines)
{
    public (double Score, int OutOf) Total => Decision766.Total(Lines);

    /// <summary>No group has data: the page says so instead of a total of nothing.</summary>
    public bool IsEmpty => Lines.All(l => l.Score is null);
}

/// <summary>The month's scorecards: the city's and each branch's, in the branches' order.</summary>
public sealed record CityScorecards(ReportPeriod Period, Scorecard City, IReadOnlyList<Scorecard> Branches);

/// <summary>One group's line: its score (null = no data, not zero), the formula and the inputs it was computed from.</summary>
public sealed record ScorecardLine(ScorecardGroup Group, string Name, int Points, double? Score, string Formula, string Inputs);

/// <summary>The Decision 766 scorecard for the groups the workbench has data for.</summary>
public static class Decision766
{
    public static int Points(ScorecardGroup group) => group switch
    {
        ScorecardGroup.Transparency => 18,
        ScorecardGroup.ProcessingProgress => 20,
        ScorecardGroup.OnlineService => 12,
        ScorecardGroup.OnlinePayment => 10,
        ScorecardGroup.Satisfaction => 18,
        _ => 22,
    };

    public static string Name(ScorecardGroup group) => group switch
    {
        ScorecardGroup.Transparency => "Công khai, minh bạch",
        ScorecardGroup.ProcessingProgress => "Tiến độ giải quyết",
        ScorecardGroup.OnlineService => "Cung cấp dịch vụ trực tuyến",
        ScorecardGroup.OnlinePayment => "Thanh toán trực tuyến",
        ScorecardGroup.Satisfaction => "Mức độ hài lòng",
        _ => "Số hóa hồ sơ, kết quả",
    };

    /// <summary>
    /// Progress: points × completed on time ÷ completed. Transparency: points × late applications with an apology and a
    /// new date ÷ late applications (some completed, none late: full points, nothing was hidden; none completed: no data).
    /// Online: points × received online ÷ received.
    /// Satisfaction: points × (very satisfied + satisfied) ÷ ratings. Online payment and digitisation: the workbench holds
    /// no data, so they say so. A group whose denominator is zero has no data (except transparency, as above).
    /// </summary>
    public static IReadOnlyList<ScorecardLine> Score(ScorecardInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return
        [
            Line(ScorecardGroup.Transparency, inputs.Completed == 0 ? null : inputs.LateApplications == 0 ? 1 : Share(inputs.LateWithApology, inputs.LateApplications),
                "điểm × hồ sơ trễ hạn có văn bản xin lỗi ÷ hồ sơ trễ hạn", $"{inputs.LateWithApology}/{inputs.LateApplications}"),
            Line(ScorecardGroup.ProcessingProgress, Share(inputs.CompletedOnTime, inputs.Completed),
                "điểm × hồ sơ giải quyết đúng hạn ÷ hồ sơ đã giải quyết", $"{inputs.CompletedOnTime}/{inputs.Completed}"),
            Line(ScorecardGroup.OnlineService, Share(inputs.ReceivedOnline, inputs.Received),
                "điểm × hồ sơ nộp trực tuyến ÷ hồ sơ tiếp nhận", $"{inputs.ReceivedOnline}/{inputs.Received}"),
            Line(ScorecardGroup.OnlinePayment, null, "Chưa có dữ liệu thanh toán trong hệ thống", "—"),
            Line(ScorecardGroup.Satisfaction, Share(inputs.RatingsSatisfied, inputs.Ratings),
                "điểm × (rất hài lòng + hài lòng) ÷ lượt đánh giá", $"{inputs.RatingsSatisfied}/{inputs.Ratings}"),
            Line(ScorecardGroup.Digitisation, null, "Chưa có dữ liệu số hóa trong hệ thống", "—"),
        ];
    }

    /// <summary>The points earned over the points of the groups that have data: "62.4 / 68".</summary>
    public static (double Score, int OutOf) Total(IReadOnlyList<ScorecardLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var scored = lines.Where(l => l.Score is not null).ToList();
        return (Math.Round(scored.Sum(l => l.Score!.Value), 1), scored.Sum(l => l.Points));
    }

    /// <summary>
    /// The inputs from the period's counts: completed applications by the two facts that decide lateness (an apology letter
    /// is what <see cref="CompletedCount.Extended"/> records, and it still counts as late), received ones by channel, ratings
    /// by level (very satisfied and satisfied count as satisfied).
    /// </summary>
    public static ScorecardInputs Inputs(IEnumerable<CompletedCount> completed, IEnumerable<ChannelCount> received, IEnumerable<RatingCount> ratings)
    {
        ArgumentNullException.ThrowIfNull(completed);
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(ratings);
        int done = 0, late = 0, apologised = 0, total = 0, online = 0, rated = 0, satisfied = 0;
        foreach (var c in completed)
        {
            done += c.Count;
            if (Productivity.IsLate(c)) late += c.Count;
            if (c.Extended) apologised += c.Count;
        }
        foreach (var r in received)
        {
            total += r.Count;
            if (r.Channel == Channel.Online) online += r.Count;
        }
        foreach (var r in ratings)
        {
            rated += r.Count;
            if (r.Level is RatingLevel.VerySatisfied or RatingLevel.Satisfied) satisfied += r.Count;
        }
        return new ScorecardInputs(done, done - late, late, apologised, total, online, rated, satisfied);
    }

    /// <summary>
    /// Every branch's scorecard (each from its own counts: completed by the handling branch, received by the receiving branch,
    /// ratings by the rated branch) and the city's, whose inputs are the branches' summed — the city scores its own shares,
    /// not the mean of the branches' scores.
    /// </summary>
    public static CityScorecards City(ReportPeriod period, IReadOnlyList<(int Id, string Name)> branches, string cityName,
        IReadOnlyList<CompletedCount> completed, IReadOnlyList<ChannelCount> received, IReadOnlyList<RatingCount> ratings)
    {
        ArgumentNullException.ThrowIfNull(branches);
        ArgumentNullException.ThrowIfNull(completed);
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(ratings);
        var lines = branches.Select(b =>
        {
            var inputs = Inputs(completed.Where(c => c.BranchId == b.Id), received.Where(r => r.BranchId == b.Id), ratings.Where(r => r.BranchId == b.Id));
            return new Scorecard(b.Id, b.Name, inputs, Score(inputs));
        }).ToList();
        var city = Inputs(completed, received, ratings);
        return new CityScorecards(period, new Scorecard(null, cityName, city, Score(city)), lines);
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;

    private static ScorecardLine Line(ScorecardGroup group, double? share, string formula, string inputs) =>
        new(group, Name(group), Points(group), share is { } s ? Math.Round(s * Points(group), 1) : null, formula, inputs);
}
