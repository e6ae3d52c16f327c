using HanoiWorkbench.Core.Monitoring;

namespace HanoiWorkbench.Core.Reports;

/// <summary>
/// One branch's (or the city's) line of the monthly city report. Mean wait, satisfaction and the score are null when there
/// is nothing to measure, never a zero pretending.
/// </summary>
public sealed record CityMonthLine(int? BranchId, string Name, int Received, int Completed, int OnTime, int Late, TimeSpan? MeanWait,
    double? SatisfiedShare, int Ratings, double? Score, int OutOf)
{
    /// <summary>On-time share of the completed applications; null when none was completed.</summary>
    public double? OnTimeShare => Completed == 0 ? null : (double)OnTime / Completed;
}

/// <summary>The monthly city report: the productivity figures and the Decision 766 scorecards of one month, per branch and city.</summary>
public sealed record CityMonthReport(ReportPeriod Period, ProductivityReport Productivity, CityScorecards Scorecards)
{
    /// <summary>Every branch of the scorecards (all branches, by code), with its figures where it had any; then the city.</summary>
    public IReadOnlyList<CityMonthLine> Branches => Scorecards.Branches
        .Select(card => Line(card, Productivity.Branches.FirstOrDefault(b => b.Id == card.BranchId)?.Figures)).ToList();

    public CityMonthLine City => Line(Scorecards.City, Productivity.Total);

    public bool IsEmpty => Productivity.IsEmpty && Scorecards.City.IsEmpty;

    private static CityMonthLine Line(Scorecard card, ProductivityFigures? f)
    {
        var ratings = f?.Ratings ?? RatingTally.None;
        var satisfied = ratings.Total == 0 ? (double?)null : (double)(ratings.VerySatisfied + ratings.Satisfied) / ratings.Total;
        var (score, outOf) = card.Total;
        return new CityMonthLine(card.BranchId, card.Name, f?.Received ?? 0, f?.Completed ?? 0, f?.OnTime ?? 0, f?.Late ?? 0, f?.MeanWait,
            satisfied, ratings.Total, card.IsEmpty ? null : score, outOf);
    }
}
