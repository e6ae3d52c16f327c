using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Core.Text;
using HanoiWorkbench.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Search;

public sealed class Searching_applications(SearchDatabase data) : IClassFixture<SearchDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly SearchViewer Director = new(StaffRole.Director, 1);
    private ApplicationSearch Search => new(data.Factory, data.Clock);

    private async Task<List<(long Id, string Code, string Name, string CitizenId, string Phone, int Receiving, int Handling, ApplicationStatus Status, DateTimeOffset? DueAt)>> AllAsync()
    {
        await using var db = data.Factory.CreateDbContext();
        var rows = await db.Applications.AsNoTracking()
            .Select(a => new { a.Id, a.Code, a.Applicant.FullName, a.Applicant.CitizenId, a.Applicant.Phone, a.ReceivingBranchId, a.HandlingBranchId, a.Status, a.DueAt })
            .ToListAsync(Ct);
        return rows.Select(a => (a.Id, a.Code, a.FullName, a.CitizenId, a.Phone, a.ReceivingBranchId, a.HandlingBranchId, a.Status, a.DueAt)).ToList();
    }

    [Fact]
    public async Task A_code_finds_exactly_its_application_and_a_code_prefix_finds_that_days_codes()
    {
        var all = await AllAsync();
        var target = all[1234];
        var page = await Search.SearchAsync(Director, new() { Text = target.Code.ToLowerInvariant() }, Ct);
        Assert.Equal(SearchKind.Code, page.Term.Kind);
        Assert.Equal(target.Id, Assert.Single(page.Rows).Id);

        var prefix = target.Code[..^5];
        var byPrefix = await Search.SearchAsync(Director, new() { Text = prefix, PageSize = 100 }, Ct);
        Assert.Equal(all.Count(a => a.Code.StartsWith(prefix, StringComparison.Ordinal)), byPrefix.Total);
    }

    [Fact]
    public async Task A_citizen_id_or_a_phone_typed_any_way_finds_every_application_of_that_person()
    {
        var all = await AllAsync();
        var target = all[77];
        var byId = await Search.SearchAsync(Director, new() { Text = target.CitizenId, PageSize = 100 }, Ct);
        Assert.Equal(all.Where(a => a.CitizenId == target.CitizenId).Select(a => a.Id).Order(), byId.Rows.Select(r => r.Id).Order());

        var typed = $"+84 {target.Phone[1..4]} {target.Phone[4..7]} {target.Phone[7..]}";
        var byPhone = await Search.SearchAsync(Director, new() { Text = typed, PageSize = 100 }, Ct);
        Assert.Equal(SearchKind.Phone, byPhone.Term.Kind);
        Assert.Equal(all.Where(a => a.Phone == target.Phone).Select(a => a.Id).Order(), byPhone.Rows.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task A_name_with_or_without_diacritics_matches_the_start_of_the_full_name_or_of_the_given_name()
    {
        var all = await AllAsync();
        var target = all[500].Name;                        // e.g. "Trần Thị Hồng"
        var words = target.Split(' ');
        var familyAndMiddle = string.Join(' ', words[..2]);

        var withMarks = await Search.SearchAsync(Director, new() { Text = familyAndMiddle, PageSize = 100 }, Ct);
        var folded = await Search.SearchAsync(Director, new() { Text = VietnameseText.Fold(familyAndMiddle).ToUpperInvariant(), PageSize = 100 }, Ct);
        var expected = all.Count(a => VietnameseText.Fold(a.Name).StartsWith(VietnameseText.Fold(familyAndMiddle), StringComparison.Ordinal));
        Assert.Equal(Math.Min(expected, ApplicationSearch.NameCountLimit), withMarks.Total);
        Assert.Equal(withMarks.Total, folded.Total);
        Assert.Contains(withMarks.Rows, r => r.ApplicantName == target || string.CompareOrdinal(VietnameseText.Fold(r.ApplicantName), VietnameseText.Fold(target)) <= 0);

        var given = words[^1];
        var byGiven = await Search.SearchAsync(Director, new() { Text = VietnameseText.Fold(given), PageSize = 100 }, Ct);
        var g = VietnameseText.Fold(given);
        var expectedGiven = all.Count(a => VietnameseText.Fold(a.Name) is var f && (f.StartsWith(g, StringComparison.Ordinal) || f.Split(' ')[^1].StartsWith(g, StringComparison.Ordinal)));
        Assert.Equal(Math.Min(expectedGiven, ApplicationSearch.NameCountLimit), byGiven.Total);
        Assert.All(byGiven.Rows, r => Assert.True(VietnameseText.Fold(r.ApplicantName) is var f && (f.StartsWith(g, StringComparison.Ordinal) || f.Split(' ')[^1].StartsWith(g, StringComparison.Ordinal))));
        // Ordered by the folded full name.
        Assert.Equal(byGiven.Rows.Select(r => VietnameseText.Fold(r.ApplicantName)).Order(StringComparer.Ordinal), byGiven.Rows.Select(r => VietnameseText.Fold(r.ApplicantName)));
    }

    [Fact]
    public async Task A_clerk_sees_only_what_the_branch_received_or_handles()
    {
        var all = await AllAsync();
        var branch = all[10].Receiving;
        var clerk = new SearchViewer(StaffRole.Clerk, branch);
        var page = await Search.SearchAsync(clerk, new() { PageSize = 100 }, Ct);
        Assert.Equal(all.Count(a => a.Receiving == branch || a.Handling == branch), page.Total);
        Assert.All(page.Rows, r => Assert.True(all.Single(a => a.Id == r.Id) is var a && (a.Receiving == branch || a.Handling == branch)));

        var elsewhere = all.First(a => a.Receiving != branch && a.Handling != branch);
        var hidden = await Search.SearchAsync(clerk, new() { Text = elsewhere.Code }, Ct);
        Assert.Equal(0, hidden.Total);
        var director = await Search.SearchAsync(Director, new() { Text = elsewhere.Code }, Ct);
        Assert.Equal(1, director.Total);
    }

    [Fact]
    public async Task Pages_split_the_total_without_overlap()
    {
        var all = await AllAsync();
        var branch = all[0].Handling;
        var request = new ApplicationSearchRequest { HandlingBranchId = branch, PageSize = 25 };
        var first = await Search.SearchAsync(Director, request, Ct);
        var expected = all.Count(a => a.Handling == branch);
        Assert.Equal(expected, first.Total);
        var seen = new HashSet<long>();
        for (var p = 0; p * 25 < first.Total; p++)
        {
            var page = await Search.SearchAsync(Director, request with { Page = p }, Ct);
            Assert.Equal(first.Total, page.Total);
            Assert.All(page.Rows, r => Assert.True(seen.Add(r.Id)));
        }
        Assert.Equal(expected, seen.Count);
    }

    [Fact]
    public async Task Status_and_due_filters_keep_to_their_definition()
    {
        var all = await AllAsync();
        var returned = await Search.SearchAsync(Director, new() { Status = ApplicationStatus.Returned }, Ct);
        Assert.Equal(all.Count(a => a.Status == ApplicationStatus.Returned), returned.Total);

        var now = data.Clock.GetUtcNow();
        // "Due today" counts running clocks only: not an application waiting for the citizen's supplement, fees or taxes.
        bool Running(ApplicationStatus s) => s is ApplicationStatus.Received or ApplicationStatus.InProcessing;
        var overdue = await Search.SearchAsync(Director, new() { Due = DueFilter.Overdue, PageSize = 100 }, Ct);
        Assert.Equal(await LateInMemoryAsync(now), overdue.Total);
        Assert.DoesNotContain(overdue.Rows, r => Lateness.IsClockStopped(r.Status));
        Assert.True(overdue.Total > 0, "the generator leaves some open applications past their due date");
        Assert.Equal(overdue.Rows.Select(r => r.DueAt).Order(), overdue.Rows.Select(r => r.DueAt));

        var today = new DateTimeOffset(now.ToOffset(TimeSpan.FromHours(7)).Date, TimeSpan.FromHours(7));
        var dueToday = await Search.SearchAsync(Director, new() { Due = DueFilter.Today, PageSize = 100 }, Ct);
        Assert.Equal(all.Count(a => Running(a.Status) && a.DueAt >= today && a.DueAt < today.AddDays(1)), dueToday.Total);
        Assert.DoesNotContain(dueToday.Rows, r => Lateness.IsClockStopped(r.Status));
    }

    /// <summary>The Core rule applied in memory to every application's facts: what the SQL filter must agree with.</summary>
    private async Task<int> LateInMemoryAsync(DateTimeOffset now)
    {
        await using var db = data.Factory.CreateDbContext();
        var facts = await db.Applications.AsNoTracking().Select(a => new { a.Status, a.DueAt, a.OriginalDueAt }).ToListAsync(Ct);
        return facts.Count(a => Lateness.IsLateNow(a.Status, a.OriginalDueAt ?? a.DueAt, a.OriginalDueAt is not null, now));
    }

    [Fact]
    public async Task An_application_awaiting_fees_or_a_supplement_past_its_due_date_is_not_late_while_it_waits()
    {
        var now = data.Clock.GetUtcNow();
        await using var db = data.Factory.CreateDbContext();
        var waitingPastDue = await db.Applications.AsNoTracking()
            .Where(a => (a.Status == ApplicationStatus.AwaitingFinancialObligation || a.Status == ApplicationStatus.SupplementRequested) && a.DueAt < now)
            .CountAsync(Ct);
        Assert.True(waitingPastDue > 0, "the generator leaves some waiting applications past their due date");
        var lateWaiting = await db.Applications.AsNoTracking().Where(Lateness.IsLateNow(now))
            .CountAsync(a => a.Status == ApplicationStatus.AwaitingFinancialObligation || a.Status == ApplicationStatus.SupplementRequested, Ct);
        Assert.Equal(0, lateWaiting);
    }

    [Fact]
    public async Task The_city_home_counts_late_applications_by_the_same_rule_as_the_search()
    {
        var now = data.Clock.GetUtcNow();
        var load = await new HanoiWorkbench.Data.Queries.HomeQueries(data.Factory, data.Clock).CityLoadAsync(Ct);
        var overdue = await Search.SearchAsync(Director, new() { Due = DueFilter.Overdue, PageSize = 1 }, Ct);

        Assert.True(overdue.Total > 0);
        Assert.Equal(overdue.Total, load.Sum(b => b.Overdue));
        Assert.Equal(await LateInMemoryAsync(now), load.Sum(b => b.Overdue));
    }
}
