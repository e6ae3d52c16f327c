using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data.Calendar;
using HanoiWorkbench.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Search;

public sealed class Public_status_and_tracking_book(SearchDatabase data) : IClassFixture<SearchDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_right_code_and_phone_digits_give_the_status_and_steps_and_anything_else_gives_nothing()
    {
        await using var db = data.Factory.CreateDbContext();
        var app = await db.Applications.AsNoTracking().Include(a => a.Steps).OrderBy(a => a.Id).Skip(42).FirstAsync(Ct);
        var query = new PublicStatusQuery(data.Factory);

        var found = await query.FindAsync(app.Code.ToLowerInvariant(), app.Applicant.Phone[^4..], Ct);
        Assert.NotNull(found);
        Assert.Equal(app.Code, found.Code);
        Assert.Equal(app.DueAt, found.DueAt);
        Assert.Equal(app.Steps.Count, found.Steps.Count);

        var wrongDigits = ((int.Parse(app.Applicant.Phone[^4..], System.Globalization.CultureInfo.InvariantCulture) + 1) % 10000).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Null(await query.FindAsync(app.Code, wrongDigits, Ct));
        Assert.Null(await query.FindAsync(app.Code + "9", app.Applicant.Phone[^4..], Ct));
        Assert.Null(await query.FindAsync(app.Code, "12a4", Ct));
    }

    [Fact]
    public async Task The_book_lists_what_the_branch_received_in_the_period_in_order()
    {
        await using var db = data.Factory.CreateDbContext();
        var branch = await db.Applications.Select(a => a.ReceivingBranchId).FirstAsync(Ct);
        var to = DateOnly.FromDateTime(SearchDatabase.Now.DateTime);
        var from = to.AddDays(-30);
        var book = await new TrackingBookQuery(data.Factory).LoadAsync(branch, from, to, Ct);
        Assert.NotNull(book);
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
        var expected = (await db.Applications.AsNoTracking().Where(a => a.ReceivingBranchId == branch && a.ReceivedAt != null)
            .Select(a => new { a.Id, a.ReceivedAt }).ToListAsync(Ct)).Count(a => a.ReceivedAt >= start && a.ReceivedAt < end);
        Assert.True(expected > 0);
        Assert.Equal(expected, book.Rows.Count);
        Assert.Equal(book.Rows.Select(r => r.ReceivedAt).Order(), book.Rows.Select(r => r.ReceivedAt));
        Assert.NotNull(TrackingBookQuery.ValidatePeriod(to, from));
        Assert.NotNull(TrackingBookQuery.ValidatePeriod(from.AddDays(-200), to));
    }

    [Fact]
    public async Task A_calendar_override_needs_a_date_and_a_description_once_per_date_and_refreshes_the_calendar()
    {
        var provider = new CalendarProvider(data.Factory);
        var overrides = new CalendarOverrides(data.Factory, provider);
        var day = new DateOnly(2027, 3, 10); // a Wednesday
        Assert.True((await provider.GetAsync(Ct)).IsWorkingDay(day));

        var empty = await overrides.SaveAsync(null, null, CalendarEntryKind.DayOff, " ", TestAdmin.Actor, ct: Ct);
        Assert.Contains(CalendarSaveResult.DateField, empty.Errors.Keys);
        Assert.Contains(CalendarSaveResult.DescriptionField, empty.Errors.Keys);

        Assert.True((await overrides.SaveAsync(null, day, CalendarEntryKind.DayOff, "Nghỉ thử", TestAdmin.Actor, ct: Ct)).Saved);
        Assert.False((await provider.GetAsync(Ct)).IsWorkingDay(day));
        var duplicate = await overrides.SaveAsync(null, day, CalendarEntryKind.WorkingDay, "Trùng", TestAdmin.Actor, ct: Ct);
        Assert.Contains(CalendarSaveResult.DateField, duplicate.Errors.Keys);

        var saved = Assert.Single(await overrides.ForYearAsync(2027, Ct), o => o.Date == day);
        await overrides.DeleteAsync(saved.Id, TestAdmin.Actor, Ct);
        Assert.True((await provider.GetAsync(Ct)).IsWorkingDay(day));
    }
}
