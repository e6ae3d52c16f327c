using System.Linq.Expressions;
using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Rules;

/// <summary>
/// The one definition of "late" for an application still being worked on (domain.md §3), as an expression EF
/// translates (search, home pages, director's counts) and as its compiled form (status chips, the detail page).
/// Late = the clock runs (received or in processing; not while a supplement or the citizen's fees/taxes are awaited)
/// and either an apology letter moved the date (it still counts as late) or the first promised moment has passed.
/// </summary>
public static class Lateness
{
    /// <summary>Statuses in which the due-date clock runs.</summary>
    public static readonly IReadOnlyList<ApplicationStatus> ClockRunning = [ApplicationStatus.Received, ApplicationStatus.InProcessing];

    public static bool IsClockStopped(ApplicationStatus status) =>
        status is ApplicationStatus.SupplementRequested or ApplicationStatus.AwaitingFinancialObligation;

    /// <summary>Open, clock running, and past the promise (or extended). EF translates it on every provider.</summary>
    public static Expression<Func<Application, bool>> IsLateNow(DateTimeOffset now) =>
        a => (a.Status == ApplicationStatus.Received || a.Status == ApplicationStatus.InProcessing)
             && (a.OriginalDueAt != null || (a.DueAt != null && a.DueAt < now));

    /// <summary>The same rule on the facts a page holds.</summary>
    public static bool IsLateNow(ApplicationStatus status, DateTimeOffset? dueAt, bool extended, DateTimeOffset now) =>
        status is ApplicationStatus.Received or ApplicationStatus.InProcessing && (extended || (dueAt is { } due && due < now));
}
