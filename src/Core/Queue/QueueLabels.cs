using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Queue;

/// <summary>Vietnamese names of queue statuses, actions and priority categories, shared by rules and UI.</summary>
public static class QueueLabels
{
    public static string Priority(PriorityCategory category) => category switch
    {
        PriorityCategory.None => "thường",
        PriorityCategory.Elderly => "người cao tuổi",
        PriorityCategory.Disability => "người khuyết tật",
        PriorityCategory.Pregnant => "phụ nữ mang thai",
        PriorityCategory.SmallChild => "người có con nhỏ",
        PriorityCategory.MeritoriousService => "người có công với cách mạng",
        _ => category.ToString(),
    };

    public static string Status(TicketStatus status) => status switch
    {
        TicketStatus.Waiting => "Đang chờ",
        TicketStatus.Called => "Đã gọi",
        TicketStatus.Serving => "Đang phục vụ",
        TicketStatus.Parked => "Tạm hoãn",
        TicketStatus.Finished => "Đã xong",
        TicketStatus.NoShow => "Vắng mặt",
        _ => status.ToString(),
    };

    public static string Action(TicketAction action) => action switch
    {
        TicketAction.Call => "gọi",
        TicketAction.Recall => "gọi lại",
        TicketAction.Start => "bắt đầu phục vụ",
        TicketAction.NoShow => "đánh dấu vắng mặt",
        TicketAction.Transfer => "chuyển",
        TicketAction.Park => "tạm hoãn",
        TicketAction.Finish => "kết thúc",
        TicketAction.Resume => "gọi lại từ danh sách tạm hoãn",
        _ => action.ToString(),
    };
}
