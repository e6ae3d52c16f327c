using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Core.Privacy;

/// <summary>
/// How long a closed application keeps its applicant's personal data (Decree 13/2023/NĐ-CP art. 9: no longer than the purpose
/// needs). The period is configuration (<c>Privacy:RetentionMonths</c>); an application is closed when it reached a final status
/// (refused, withdrawn, stopped, returned), and its period runs from its last step.
/// </summary>
public static class Retention
{
    public const int FewestMonths = 1, MostMonths = 1200;

    /// <summary>The Vietnamese reason the period is refused, or null when it is usable.</summary>
    public static string? Validate(int months) => months is < FewestMonths or > MostMonths
        ? $"Thời hạn lưu trữ dữ liệu cá nhân phải từ {FewestMonths} đến {MostMonths} tháng."
        : null;

    /// <summary>
    /// Closed before this moment means due for anonymisation: <paramref name="months"/> calendar months before now on the Hanoi
    /// calendar (31 Mar minus one month is 28/29 Feb, as <see cref="DateTimeOffset.AddMonths"/> counts).
    /// </summary>
    public static DateTimeOffset Cutoff(DateTimeOffset now, int months)
    {
        if (Validate(months) is { } refusal) throw new DomainException(refusal);
        return now.ToOffset(HanoiTime.Offset).AddMonths(-months);
    }

    public static bool IsDue(ApplicationStatus status, DateTimeOffset lastStepAt, bool anonymised, DateTimeOffset cutoff) =>
        !anonymised && ApplicationLifecycle.IsFinal(status) && lastStepAt < cutoff;

    /// <summary>
    /// A reception decision (Form 2 guidance or Form 3 refusal given at the counter, with no application) is closed when it is
    /// issued: its personal data is due once it was issued before the cutoff and is not anonymised yet.
    /// </summary>
    public static bool DecisionIsDue(DateTimeOffset issuedAt, bool anonymised, DateTimeOffset cutoff) => !anonymised && issuedAt < cutoff;
}
