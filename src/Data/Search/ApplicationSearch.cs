using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Search;

/// <summary>Who is searching: their role and the branch they work at now decide which applications they may see.</summary>
public sealed record SearchViewer(StaffRole Role, int BranchId);

public enum DueFilter
{
    All = 0,
    Today = 1,
    Overdue = 2,
}

public sealed record ApplicationSearchRequest
{
    public string? Text { get; init; }
    public ApplicationStatus? Status { get; init; }
    public int? ReceivingBranchId { get; init; }
    public int? HandlingBranchId { get; init; }
    public int? AreaId { get; init; }
    public DueFilter Due { get; init; }
    /// <summary>Zero-based.</summary>
    public int Page { get; init; }
    public int PageSize { get; init; } = 20;
}

public sealed record ApplicationSearchRow(
    long Id, string Code, string ApplicantName, string ProcedureName, ApplicationStatus Status,
    DateTimeOffset SubmittedAt, DateTimeOffset? DueAt, string ReceivingBranch, string HandlingBranch, string Area)
{
    public string StatusLabel => ApplicationLifecycle.StatusLabel(Status);
}

/// <param name="TotalIsAtLeast">True when the name search stopped counting at <see cref="ApplicationSearch.NameCountLimit"/>.</param>
public sealed record ApplicationSearchPage(SearchTerm Term, IReadOnlyList<ApplicationSearchRow> Rows, int Total, bool TotalIsAtLeast, int Page, int PageSize);

/// <summary>
/// The clerk's one search box plus filters, paged on the server. Every text kind reads an index range: code, citizen ID
/// and phone by equality, names by a prefix range on the folded full name or the folded given name (never LIKE '%x%').
/// </summary>
public sealed class ApplicationSearch(IDbContextFactory<WorkbenchDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>
    /// A one-word name ("nguyen") matches a third of the city; counting all of them for a clerk means visiting every row of
    /// the range to check its branch. Past this many the page says "more than", which is all a clerk needs to refine.
    /// </summary>
    public const int NameCountLimit = 1000;
    private static readonly TimeSpan Hanoi = HanoiWorkbench.Core.HanoiTime.Offset;

    /// <summary>Statuses in which the clock runs (the one list, <see cref="Lateness.ClockRunning"/>), so that "due today"
    /// leaves out an application waiting for the citizen's supplement, fees or taxes, as "overdue" does.</summary>
    private static readonly ApplicationStatus[] Running = [.. Lateness.ClockRunning];

    public async Task<ApplicationSearchPage> SearchAsync(SearchViewer viewer, ApplicationSearchRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(request);
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var page = Math.Max(0, request.Page);
        var term = SearchTerm.Parse(request.Text);

        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var query = Filter(db.Applications.AsNoTracking(), viewer, request, term);
        var capped = term.Kind == SearchKind.Name;
        var total = capped ? await query.Take(NameCountLimit + 1).CountAsync(ct).ConfigureAwait(false) : await query.CountAsync(ct).ConfigureAwait(false);
        var atLeast = capped && total > NameCountLimit;
        if (atLeast) total = NameCountLimit;
        if (total == 0) return new(term, [], 0, false, page, pageSize);

        var ordered = term.Kind switch
        {
            SearchKind.Name => query.OrderBy(a => a.Applicant.SearchName).ThenBy(a => a.Id),
            // Code, not Id, breaks ties: ordering by (DueAt, Id) would tempt SQLite into walking the whole DueAt index.
            _ when request.Due != DueFilter.All => query.OrderBy(a => a.DueAt).ThenBy(a => a.Code),
            // Newest first: Id follows submission order, and every index carries it, so the page is found without the table.
            _ => query.OrderByDescending(a => a.Id),
        };
        // Two steps: the page's ids from the indexes alone, then twenty rows with their names.
        var ids = await ordered.Skip(page * pageSize).Take(pageSize).Select(a => a.Id).ToListAsync(ct).ConfigureAwait(false);
        var rows = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new ApplicationSearchRow(
                a.Id, a.Code, a.Applicant.FullName,
                db.Procedures.Where(p => p.Id == a.ProcedureId).Select(p => p.Name).First(),
                a.Status, a.SubmittedAt, a.DueAt,
                db.Branches.Where(b => b.Id == a.ReceivingBranchId).Select(b => b.Name).First(),
                db.Branches.Where(b => b.Id == a.HandlingBranchId).Select(b => b.Name).First(),
                db.Areas.Where(r => r.Id == a.AreaId).Select(r => r.Name).First()))
            .ToListAsync(ct).ConfigureAwait(false);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return new(term, rows.OrderBy(r => position[r.Id]).ToList(), total, atLeast, page, pageSize);
    }

    private IQueryable<Application> Filter(IQueryable<Application> q, SearchViewer viewer, ApplicationSearchRequest request, SearchTerm term)
    {
        // A filter on the viewer's own branch already keeps to what they may see; the OR would only slow the plan.
        var ownBranchFiltered = request.ReceivingBranchId == viewer.BranchId || request.HandlingBranchId == viewer.BranchId;
        if (!AccessRules.SeesAllBranches(viewer.Role) && !ownBranchFiltered)
        {
            var own = viewer.BranchId;
            q = q.Where(a => a.ReceivingBranchId == own || a.HandlingBranchId == own);
        }

        switch (term.Kind)
        {
            case SearchKind.Code:
                var code = term.Value;
                q = ApplicationCode.TryParse(code, out _, out _, out _)
                    ? q.Where(a => a.Code == code)
                    : q.Where(a => string.Compare(a.Code, code) >= 0 && string.Compare(a.Code, UpperBound(code)) < 0);
                break;
            case SearchKind.CitizenId:
                var id = term.Value;
                q = id.Length == 12
                    ? q.Where(a => a.Applicant.CitizenId == id)
                    : q.Where(a => string.Compare(a.Applicant.CitizenId, id) >= 0 && string.Compare(a.Applicant.CitizenId, UpperBound(id)) < 0);
                break;
            case SearchKind.Phone:
                var phone = term.Value;
                q = q.Where(a => a.Applicant.Phone == phone);
                break;
            case SearchKind.Name:
                var from = term.Value;
                var to = UpperBound(from);
                q = from.Contains(' ', StringComparison.Ordinal)
                    ? q.Where(a => string.Compare(a.Applicant.SearchName, from) >= 0 && string.Compare(a.Applicant.SearchName, to) < 0)
                    : q.Where(a => (string.Compare(a.Applicant.SearchName, from) >= 0 && string.Compare(a.Applicant.SearchName, to) < 0)
                        || (string.Compare(EF.Property<string>(a.Applicant, SearchColumns.GivenName), from) >= 0
                            && string.Compare(EF.Property<string>(a.Applicant, SearchColumns.GivenName), to) < 0));
                break;
        }

        if (request.Status is { } status) q = q.Where(a => a.Status == status);
        if (request.ReceivingBranchId is { } receiving) q = q.Where(a => a.ReceivingBranchId == receiving);
        if (request.HandlingBranchId is { } handling) q = q.Where(a => a.HandlingBranchId == handling);
        if (request.AreaId is { } area) q = q.Where(a => a.AreaId == area);

        var now = clock.GetUtcNow();
        switch (request.Due)
        {
            case DueFilter.Overdue:
                q = q.Where(Lateness.IsLateNow(now));
                break;
            case DueFilter.Today:
                var today = new DateTimeOffset(now.ToOffset(Hanoi).Date, Hanoi);
                var tomorrow = today.AddDays(1);
                q = q.Where(a => Running.Contains(a.Status) && a.DueAt >= today && a.DueAt < tomorrow);
                break;
        }
        return q;
    }

    /// <summary>The smallest string above every string that starts with <paramref name="prefix"/> (the last char + 1), valid in any collation.</summary>
    internal static string UpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}

public sealed record FilterOption(int Id, string Name);

/// <summary>Branches and areas for the filter lists.</summary>
public sealed class SearchFilterOptions(IDbContextFactory<WorkbenchDbContext> dbFactory)
{
    public async Task<(IReadOnlyList<FilterOption> Branches, IReadOnlyList<FilterOption> Areas)> LoadAsync(CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var branches = await db.Branches.AsNoTracking().OrderBy(b => b.Code).Select(b => new FilterOption(b.Id, b.Name)).ToListAsync(ct).ConfigureAwait(false);
        var areas = await db.Areas.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new FilterOption(a.Id, a.Name)).ToListAsync(ct).ConfigureAwait(false);
        return (branches, areas);
    }
}
