using HanoiWorkbench.Core.Ratings;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Core.Reports;
using HanoiWorkbench.Data.Reports;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Reports;

/// <summary>
/// A hand-made March 2020 (no demo data reaches so far back) at two branches, scored by the scorecard's read and the city
/// report's figures, against values computed by hand.
/// </summary>
public sealed class ScoringAMonthByDecision766
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly ReportPeriod March = new(new DateOnly(2020, 3, 1), new DateOnly(2020, 3, 31));
    private static DateTimeOffset On(int month, int day, int hour = 9) => new(2020, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    /// <summary>
    /// BR01: on time (counter), late without a letter (online), late with an apology letter (counter); ratings very satisfied
    /// and dissatisfied. BR02: received online and still open; received in February, completed on time in March; two
    /// satisfied ratings.
    /// </summary>
    internal static async Task<(int First, int Second)> SeedMarchAsync(TempDatabase temp)
    {
        await using var db = temp.Factory.CreateDbContext();
        var procedure = await db.Procedures.FirstAsync(Ct);
        var b1 = await db.Branches.SingleAsync(b => b.Code == "BR01", Ct);
        var b2 = await db.Branches.SingleAsync(b => b.Code == "BR02", Ct);
        var clerk = await db.Staff.FirstAsync(s => s.Role == StaffRole.Clerk, Ct);
        var area = b1.HomeAreaId!.Value;
        var n = 0;
        Applicant Someone() => new($"Nguyễn Văn {++n}", "001090012345", "0912345678", "Hà Nội");
        Application Counter(Branch b, DateTimeOffset at, DateTimeOffset due) =>
            Application.ReceiveAtCounter($"000.00.{b.Id:00}.H26-2003{n:00}-{n + 1:0000}", Someone(), procedure, area, b.Id, clerk.Id,
                [new ReceivedDocument("Tờ khai", 1)], at, due);
        Application Online(Branch b, DateTimeOffset at, DateTimeOffset due)
        {
            var app = Application.Submit($"000.00.{b.Id:00}.H26-2003{n:00}-{n + 1:0000}", Someone(), procedure, area, b.Id, Channel.Online,
                [new ReceivedDocument("Tờ khai", 1)], at.AddHours(-1));
            app.ReceiveSubmission(clerk.Id, b.Id, at, due, [new ReceivedDocument("Tờ khai", 1)]);
            return app;
        }
        void Finish(Application app, DateTimeOffset at)
        {
            app.StartProcessing(clerk.Id, app.HandlingBranchId, app.ReceivedAt!.Value.AddHours(1));
            app.Complete(clerk.Id, app.HandlingBranchId, at);
        }

        var onTime = Counter(b1, On(3, 2), On(3, 5));
        Finish(onTime, On(3, 4));
        var late = Online(b1, On(3, 2), On(3, 3));
        Finish(late, On(3, 6));
        var apologised = Counter(b1, On(3, 3), On(3, 6));
        apologised.StartProcessing(clerk.Id, b1.Id, On(3, 3, 10));
        apologised.Extend(clerk.Id, b1.Id, On(3, 5), On(3, 10), "Chờ ý kiến cơ quan phối hợp", willBeLate: true);
        apologised.Complete(clerk.Id, b1.Id, On(3, 9));
        var open = Online(b2, On(3, 4), On(3, 12));
        var february = Counter(b2, On(2, 28), On(3, 3));
        Finish(february, On(3, 2));
        db.Applications.AddRange(onTime, late, apologised, open, february);
        await db.SaveChangesAsync(Ct);
        db.Ratings.AddRange(
            new Rating(RatingLevel.VerySatisfied, null, null, RatingChannel.QrCode, b1.Id, clerk.Id, onTime.Id, null, On(3, 4)),
            new Rating(RatingLevel.Dissatisfied, DissatisfactionReason.LongWait, null, RatingChannel.QrCode, b1.Id, clerk.Id, late.Id, null, On(3, 6)),
            new Rating(RatingLevel.Satisfied, null, null, RatingChannel.QrCode, b2.Id, clerk.Id, february.Id, null, On(3, 2)),
            new Rating(RatingLevel.Satisfied, null, null, RatingChannel.QrCode, b2.Id, null, open.Id, null, On(3, 4)),
            new Rating(RatingLevel.VerySatisfied, null, null, RatingChannel.QrCode, b2.Id, null, apologised.Id, null, On(4, 1)));   // April: outside the month
        await db.SaveChangesAsync(Ct);
        return (b1.Id, b2.Id);
    }

    [Fact]
    public async Task The_hand_made_month_scores_as_computed_by_hand()
    {
        await using var temp = await TempDatabase.SeededAsync();
        var (first, second) = await SeedMarchAsync(temp);

        var cards = await new ScorecardQuery(temp.Factory).LoadAsync(March, ct: Ct);

        var b1 = cards.Branches.Single(b => b.BranchId == first);
        Assert.Equal(new ScorecardInputs(3, 1, 2, 1, 3, 1, 2, 1), b1.Inputs);
        Assert.Equal([9.0, 6.7, 4.0, null, 9.0, null], b1.Lines.Select(l => l.Score));
        Assert.Equal((28.7, 68), b1.Total);
        var b2 = cards.Branches.Single(b => b.BranchId == second);
        Assert.Equal(new ScorecardInputs(1, 1, 0, 0, 1, 1, 2, 2), b2.Inputs);
        Assert.Equal((68.0, 68), b2.Total);
        Assert.Equal(new ScorecardInputs(4, 2, 2, 1, 4, 2, 4, 3), cards.City.Inputs);
        Assert.Equal([9.0, 10.0, 6.0, null, 13.5, null], cards.City.Lines.Select(l => l.Score));
        Assert.Equal((38.5, 68), cards.City.Total);
        Assert.Equal(30, cards.Branches.Count);
        Assert.All(cards.Branches.Where(b => b.BranchId != first && b.BranchId != second), b => Assert.True(b.IsEmpty));

        var only = await new ScorecardQuery(temp.Factory).LoadAsync(March, second, Ct);
        Assert.Equal([second], only.Branches.Select(b => b.BranchId));
        Assert.Equal(b2.Inputs, only.City.Inputs);
    }
}
