using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data.Search;

namespace HanoiWorkbench.Workbench.Components.Pages.Applications.Search;

/// <summary>What the filter bar holds; the table turns it into a request for one page.</summary>
public sealed record SearchCriteria
{
    public string? Text { get; init; }
    public ApplicationStatus? Status { get; init; }
    public int? ReceivingBranchId { get; init; }
    public int? HandlingBranchId { get; init; }
    public int? AreaId { get; init; }
    public DueFilter Due { get; init; }

    public ApplicationSearchRequest ToRequest(int page, int pageSize) => new()
    {
        Text = Text, Status = Status, ReceivingBranchId = ReceivingBranchId, HandlingBranchId = HandlingBranchId,
        AreaId = AreaId, Due = Due, Page = page, PageSize = pageSize,
    };
}
