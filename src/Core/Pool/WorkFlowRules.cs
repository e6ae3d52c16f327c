using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Pool;

/// <summary>Which step of an application needs a person now: the pool holds exactly that work item, nothing else.</summary>
public static class WorkFlowRules
{
    /// <summary>
    /// Submitted online → someone checks it before receipt; received or in processing → someone processes it;
    /// completed → someone prepares the result for return. Waiting on the citizen (supplement, fees) or finished → no one.
    /// </summary>
    public static WorkKind? NeededFor(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => WorkKind.CheckSubmission,
        ApplicationStatus.Received or ApplicationStatus.InProcessing => WorkKind.Process,
        ApplicationStatus.Completed => WorkKind.PrepareResult,
        _ => null,
    };
}
