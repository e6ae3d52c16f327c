using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Rules;

/// <summary>What a clerk can do to an application.</summary>
public enum ApplicationAction
{
    Receive,
    Refuse,
    StartProcessing,
    RequestSupplement,
    ReceiveSupplement,
    AwaitFinancialObligation,
    FulfilFinancialObligation,
    Stop,
    Withdraw,
    Complete,
    Return,
}

/// <summary>The status machine of an application (domain.md §3) as a pure table.</summary>
public static class ApplicationLifecycle
{
    private static readonly Dictionary<(ApplicationStatus From, ApplicationAction Action), ApplicationStatus> Moves = new()
    {
        [(ApplicationStatus.Submitted, ApplicationAction.Receive)] = ApplicationStatus.Received,
        [(ApplicationStatus.Submitted, ApplicationAction.Refuse)] = ApplicationStatus.Refused,
        [(ApplicationStatus.Submitted, ApplicationAction.RequestSupplement)] = ApplicationStatus.SupplementRequested,
        [(ApplicationStatus.Received, ApplicationAction.RequestSupplement)] = ApplicationStatus.SupplementRequested,
        [(ApplicationStatus.InProcessing, ApplicationAction.RequestSupplement)] = ApplicationStatus.SupplementRequested,
        // The resumed status is the one the supplement interrupted; the table names the usual one.
        [(ApplicationStatus.SupplementRequested, ApplicationAction.ReceiveSupplement)] = ApplicationStatus.InProcessing,
        [(ApplicationStatus.Received, ApplicationAction.StartProcessing)] = ApplicationStatus.InProcessing,
        [(ApplicationStatus.InProcessing, ApplicationAction.AwaitFinancialObligation)] = ApplicationStatus.AwaitingFinancialObligation,
        [(ApplicationStatus.AwaitingFinancialObligation, ApplicationAction.FulfilFinancialObligation)] = ApplicationStatus.InProcessing,
        // Refusal is a reception decision (Form 3, nothing received): once received, the way out is a stop notice (Form 5).
        [(ApplicationStatus.Received, ApplicationAction.Stop)] = ApplicationStatus.Stopped,
        [(ApplicationStatus.InProcessing, ApplicationAction.Stop)] = ApplicationStatus.Stopped,
        [(ApplicationStatus.SupplementRequested, ApplicationAction.Stop)] = ApplicationStatus.Stopped,
        [(ApplicationStatus.AwaitingFinancialObligation, ApplicationAction.Stop)] = ApplicationStatus.Stopped,
        [(ApplicationStatus.Submitted, ApplicationAction.Withdraw)] = ApplicationStatus.Withdrawn,
        [(ApplicationStatus.Received, ApplicationAction.Withdraw)] = ApplicationStatus.Withdrawn,
        [(ApplicationStatus.InProcessing, ApplicationAction.Withdraw)] = ApplicationStatus.Withdrawn,
        [(ApplicationStatus.SupplementRequested, ApplicationAction.Withdraw)] = ApplicationStatus.Withdrawn,
        [(ApplicationStatus.AwaitingFinancialObligation, ApplicationAction.Withdraw)] = ApplicationStatus.Withdrawn,
        [(ApplicationStatus.InProcessing, ApplicationAction.Complete)] = ApplicationStatus.Completed,
        [(ApplicationStatus.Completed, ApplicationAction.Return)] = ApplicationStatus.Returned,
    };

    /// <summary>Statuses of an application someone still has to finish (submitted online, or received and not yet done).</summary>
    public static readonly IReadOnlyList<ApplicationStatus> Unfinished =
    [
        ApplicationStatus.Submitted, ApplicationStatus.Received, ApplicationStatus.InProcessing,
        ApplicationStatus.SupplementRequested, ApplicationStatus.AwaitingFinancialObligation,
    ];

    public static bool IsFinal(ApplicationStatus status) =>
        status is ApplicationStatus.Refused or ApplicationStatus.Withdrawn or ApplicationStatus.Stopped or ApplicationStatus.Returned;

    /// <summary>True while the due-date clock is meant to run (received, not paused, not finished).</summary>
    public static bool IsOpen(ApplicationStatus status) =>
        status is ApplicationStatus.Received or ApplicationStatus.InProcessing or ApplicationStatus.SupplementRequested
            or ApplicationStatus.AwaitingFinancialObligation;

    public static bool CanApply(ApplicationStatus from, ApplicationAction action) => Moves.ContainsKey((from, action));

    public static IReadOnlyList<ApplicationAction> AllowedActions(ApplicationStatus from) =>
        Enum.GetValues<ApplicationAction>().Where(a => Moves.ContainsKey((from, a))).ToList();

    /// <summary>The status an action leads to, or a Vietnamese reason why it is refused.</summary>
    public static (ApplicationStatus? To, string? Refusal) Decide(ApplicationStatus from, ApplicationAction action) =>
        Moves.TryGetValue((from, action), out var to)
            ? (to, null)
            : (null, $"Không thể {ActionLabel(action)} khi hồ sơ đang ở trạng thái \"{StatusLabel(from)}\".");

    public static string StatusLabel(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => "Mới đăng ký",
        ApplicationStatus.Received => "Đã tiếp nhận",
        ApplicationStatus.Refused => "Không được tiếp nhận",
        ApplicationStatus.InProcessing => "Đang xử lý",
        ApplicationStatus.SupplementRequested => "Yêu cầu bổ sung",
        ApplicationStatus.AwaitingFinancialObligation => "Chờ thực hiện nghĩa vụ tài chính",
        ApplicationStatus.Withdrawn => "Công dân rút hồ sơ",
        ApplicationStatus.Stopped => "Dừng xử lý",
        ApplicationStatus.Completed => "Đã xử lý xong",
        ApplicationStatus.Returned => "Đã trả kết quả",
        _ => status.ToString(),
    };

    public static string ActionLabel(ApplicationAction action) => action switch
    {
        ApplicationAction.Receive => "tiếp nhận",
        ApplicationAction.Refuse => "từ chối tiếp nhận",
        ApplicationAction.StartProcessing => "chuyển xử lý",
        ApplicationAction.RequestSupplement => "yêu cầu bổ sung",
        ApplicationAction.ReceiveSupplement => "nhận bổ sung",
        ApplicationAction.AwaitFinancialObligation => "chuyển chờ nghĩa vụ tài chính",
        ApplicationAction.FulfilFinancialObligation => "xác nhận hoàn thành nghĩa vụ tài chính",
        ApplicationAction.Stop => "dừng xử lý",
        ApplicationAction.Withdraw => "rút hồ sơ",
        ApplicationAction.Complete => "hoàn thành xử lý",
        ApplicationAction.Return => "trả kết quả",
        _ => action.ToString(),
    };
}
