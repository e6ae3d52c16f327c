using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Workbench.Components.Pages.Admin;

/// <summary>Vietnamese labels (localizer keys) for the enums the admin forms offer.</summary>
public static class AdminLabels
{
    public static string Unit(ProcessingUnit unit) => unit switch
    {
        ProcessingUnit.WorkingDays => "Ngày làm việc",
        ProcessingUnit.WorkingHours => "Giờ làm việc",
        _ => "Trong ngày",
    };

    public static string Authority(AuthorityLevel level) => level switch
    {
        AuthorityLevel.Ward => "Cấp xã",
        AuthorityLevel.District => "Cấp huyện",
        _ => "Cấp thành phố",
    };

    public static string Online(OnlineLevel level) => level switch
    {
        OnlineLevel.None => "Không trực tuyến",
        OnlineLevel.Partial => "Trực tuyến một phần",
        _ => "Trực tuyến toàn trình",
    };
}
