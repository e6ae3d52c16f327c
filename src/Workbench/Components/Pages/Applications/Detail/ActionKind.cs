namespace HanoiWorkbench.Workbench.Components.Pages.Applications.Detail;

/// <summary>The dialogs of the application page: the lifecycle actions, the two ways of returning, and the extension letter.</summary>
public enum ActionKind
{
    RequestSupplement,
    ReceiveSupplement,
    Refuse,
    StartProcessing,
    AwaitFinancialObligation,
    FulfilFinancialObligation,
    Stop,
    Withdraw,
    Complete,
    ReturnInPerson,
    ReturnByPost,
    Extend,
}
