using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Workbench.Components.Pages.Applications.Detail;

/// <summary>
/// What a dialog of the application page does: a lifecycle action of the domain, as it is (with how a result is returned),
/// or the apology and extension letter (Form 4, <see cref="Extension"/>).
/// </summary>
/// <param name="Outcome">For completing: how processing ended.</param>
/// <param name="RepeatSupplement">For a supplement request: one was requested before, so this one must say why.</param>
public readonly record struct DialogAction(ApplicationAction? Action, ReturnMethod Method = ReturnMethod.InPerson,
    ProcessingOutcome Outcome = ProcessingOutcome.Granted, bool RepeatSupplement = false)
{
    public static DialogAction Extension => new(null);

    public bool IsExtension => Action is null;

    /// <summary>The texts the domain asks for with this action (<see cref="ActionInputs"/>).</summary>
    public IReadOnlyList<ActionText> Texts => Action is { } action ? ActionInputs.For(action, Method, Outcome, RepeatSupplement) : ActionInputs.Extension;

    /// <summary>The button's test id: the action's name, the return method for a return, Extend for the letter.</summary>
    public string TestId => Action switch
    {
        null => "action-Extend",
        ApplicationAction.Return => $"action-Return{(Method == ReturnMethod.Post ? "ByPost" : "InPerson")}",
        ApplicationAction.Complete when Outcome == ProcessingOutcome.Refused => "action-CompleteRefused",
        { } action => $"action-{action}",
    };

    /// <summary>The title of the dialog and the button (Vietnamese, the key of its translation).</summary>
    public string Title => Action switch
    {
        null => "Xin lỗi và gia hạn",
        ApplicationAction.RequestSupplement => "Yêu cầu bổ sung",
        ApplicationAction.ReceiveSupplement => "Nhận hồ sơ bổ sung",
        ApplicationAction.Refuse => "Từ chối tiếp nhận",
        ApplicationAction.StartProcessing => "Chuyển xử lý",
        ApplicationAction.AwaitFinancialObligation => "Chờ nghĩa vụ tài chính",
        ApplicationAction.FulfilFinancialObligation => "Đã hoàn thành nghĩa vụ tài chính",
        ApplicationAction.Stop => "Dừng giải quyết",
        ApplicationAction.Withdraw => "Công dân rút hồ sơ",
        ApplicationAction.Complete => Outcome == ProcessingOutcome.Refused ? "Hoàn thành: từ chối giải quyết" : "Hoàn thành xử lý",
        ApplicationAction.Return => Method == ReturnMethod.Post ? "Trả qua bưu chính" : "Trả kết quả trực tiếp",
        _ => "Kiểm tra và tiếp nhận",
    };

    /// <summary>The id of a text's input, for labels and tests.</summary>
    public static string InputId(ActionTextKind kind) => kind switch
    {
        ActionTextKind.WhatIsMissing => "action-what",
        ActionTextKind.Reason => "action-reason",
        ActionTextKind.TrackingNumber => "action-tracking",
        ActionTextKind.RepeatReason => "action-repeat",
        _ => "action-note",
    };
}
