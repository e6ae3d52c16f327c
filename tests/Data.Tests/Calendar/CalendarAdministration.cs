using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Data.Tests.Calendar;

/// <summary>The calendar's administration on a real SQLite file, with the clock at Monday 2 March 2026.</summary>
public sealed class CalendarAdministration : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)));
    private TempDatabase _db = default!;
    private CalendarProvider _provider = default!;
    private CalendarOverrides _overrides = default!;
    private AddedHolidays _holidays = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TempDatabase.SeededAsync();
        _provider = new CalendarProvider(_db.Factory);
        _overrides = new CalendarOverrides(_db.Factory, _provider, _clock);
        _holidays = new AddedHolidays(_db.Factory, _provider, _overrides);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_day_in_a_past_year_is_refused_with_the_reason_and_nothing_is_saved()
    {
        var result = await _overrides.SaveAsync(null, new DateOnly(2025, 12, 24), CalendarEntryKind.DayOff, "Nghỉ thử", TestAdmin.Actor, ct: Ct);

        Assert.Equal("Ngày 24/12/2025 thuộc năm 2025 đã qua: lịch của năm đã qua không sửa được. Kiểm tra lại năm (năm nay là 2026).",
            result.Errors[CalendarSaveResult.DateField]);
        Assert.DoesNotContain(await _overrides.ForYearAsync(2025, Ct), r => r.Date == new DateOnly(2025, 12, 24));
    }

    [Fact]
    public async Task A_day_of_a_past_year_cannot_be_deleted_or_moved()
    {
        var tet2025 = (await _overrides.ForYearAsync(2025, Ct))[0];

        Assert.False((await _overrides.DeleteAsync(tet2025.Id, TestAdmin.Actor, Ct)).Saved);
        Assert.False((await _overrides.SaveAsync(tet2025.Id, new DateOnly(2026, 6, 1), tet2025.Kind, tet2025.Description, TestAdmin.Actor, ct: Ct)).Saved);
        Assert.Contains(await _overrides.ForYearAsync(2025, Ct), r => r.Id == tet2025.Id);
    }

    [Fact]
    public async Task A_notice_day_that_names_a_holiday_replaces_its_computed_days_once_saved()
    {
        // 2027: Tết 6 Feb (Sat); computed span 5 – 9 Feb with make-up days 10 and 11 Feb.
        Assert.False((await _provider.GetAsync(Ct)).IsWorkingDay(new DateOnly(2027, 2, 11)));

        var result = await _overrides.SaveAsync(null, new DateOnly(2027, 2, 4), CalendarEntryKind.DayOff, "Nghỉ Tết Đinh Mùi", TestAdmin.Actor, "LunarNewYear", Ct);

        Assert.True(result.Saved, string.Join(", ", result.Errors.Values));
        Assert.Equal("Đã lưu điều chỉnh ngày 04/02/2027.", result.Message);
        var calendar = await _provider.GetAsync(Ct);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 11)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 4)));
    }

    [Fact]
    public async Task An_added_holiday_is_kept_and_counted_by_the_shared_calendar()
    {
        var result = await _holidays.AddAsync("Ngày Văn hóa Việt Nam", HolidayDateKind.Solar, 11, 24, 2026, TestAdmin.Actor, Ct);

        Assert.True(result.Saved, string.Join(", ", result.Errors.Values));
        Assert.False((await _provider.GetAsync(Ct)).IsWorkingDay(new DateOnly(2026, 11, 24)));
        Assert.False((await _holidays.AddAsync("Ngày  văn hóa Việt Nam", HolidayDateKind.Solar, 11, 25, 2026, TestAdmin.Actor, Ct)).Saved); // same name
        var added = Assert.Single(await _holidays.ListAsync(Ct));
        Assert.True((await _holidays.DeleteAsync(added.Id, TestAdmin.Actor, Ct)).Saved);
        Assert.True((await _provider.GetAsync(Ct)).IsWorkingDay(new DateOnly(2026, 11, 24)));
    }

    [Theory]
    [InlineData(StaffRole.Clerk, true)]
    [InlineData(StaffRole.BranchManager, true)]
    [InlineData(StaffRole.Director, true)]
    [InlineData(StaffRole.Admin, false)] // an administrator whose record was deactivated after the page opened
    public async Task Only_an_active_administrator_changes_the_calendar_and_a_refusal_saves_nothing(StaffRole role, bool active)
    {
        int staffId;
        await using (var db = _db.Factory.CreateDbContext())
        {
            var person = await db.Staff.Where(s => s.Role == role && s.IsActive).OrderBy(s => s.Id).FirstAsync(Ct);
            staffId = person.Id;
            if (!active) await db.Staff.Where(s => s.Id == staffId).ExecuteUpdateAsync(u => u.SetProperty(s => s.IsActive, false), Ct);
        }
        var actor = new Admin.AdminActor("người thử", staffId);
        var day = new DateOnly(2026, 6, 1);
        Assert.True((await _overrides.SaveAsync(null, day, CalendarEntryKind.DayOff, "Nghỉ thử", TestAdmin.Actor, ct: Ct)).Saved);
        Assert.True((await _holidays.AddAsync("Ngày thử", HolidayDateKind.Solar, 11, 24, 2027, TestAdmin.Actor, Ct)).Saved);
        var entry = (await _overrides.ForYearAsync(2026, Ct)).Single(e => e.Date == day);
        var holiday = (await _holidays.ListAsync(Ct)).Single();

        var refusals = new[]
        {
            (await _overrides.SaveAsync(null, new DateOnly(2026, 6, 2), CalendarEntryKind.DayOff, "Nghỉ khác", actor, ct: Ct)).Errors,
            (await _overrides.SaveAsync(entry.Id, day, CalendarEntryKind.WorkingDay, "Đổi", actor, ct: Ct)).Errors,
            (await _overrides.DeleteAsync(entry.Id, actor, Ct)).Errors,
            (await _holidays.AddAsync("Ngày khác", HolidayDateKind.Solar, 11, 25, 2027, actor, Ct)).Errors,
            (await _holidays.DeleteAsync(holiday.Id, actor, Ct)).Errors,
        };

        var expected = active ? Core.Rules.Permissions.Refusal(Core.Rules.StaffAction.ManageReferenceData) : Security.ActingStaff.Inactive;
        Assert.All(refusals, errors => Assert.Equal(expected, Assert.Single(errors).Value));
        Assert.Equal([(day, CalendarEntryKind.DayOff, "Nghỉ thử")], (await _overrides.ForYearAsync(2026, Ct))
            .Where(e => e.Date.Month == 6).Select(e => (e.Date, e.Kind, e.Description)));
        Assert.Equal(["Ngày thử"], (await _holidays.ListAsync(Ct)).Select(h => h.Name));
    }

    [Theory]
    [InlineData("", 11, 24, 2026, CalendarSaveResult.NameField)]
    [InlineData("Lễ", 2, 29, 2026, CalendarSaveResult.DateField)]
    [InlineData("Lễ", null, 24, 2026, CalendarSaveResult.DateField)]
    [InlineData("Lễ", 11, 24, 2025, CalendarSaveResult.FromYearField)] // from a past year: would rewrite promised due dates
    [InlineData("Lễ", 11, 24, null, CalendarSaveResult.FromYearField)]
    public async Task An_added_holiday_with_a_bad_field_is_refused_beside_that_field(string name, int? month, int? day, int? fromYear, string field)
    {
        var result = await _holidays.AddAsync(name, HolidayDateKind.Solar, month, day, fromYear, TestAdmin.Actor, Ct);

        Assert.Contains(field, result.Errors.Keys);
        await using var db = _db.Factory.CreateDbContext();
        Assert.Equal(0, await db.HolidayDefinitions.CountAsync(Ct));
    }

    [Fact]
    public async Task Seeding_an_older_database_ties_its_notice_days_to_their_holiday()
    {
        await using (var db = _db.Factory.CreateDbContext())
            await db.CalendarEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.Covers, (string?)null), Ct);
        Assert.False(new Core.Calendar.WorkingCalendar(await ReadAsync()).IsWorkingDay(new DateOnly(2025, 2, 3)));

        await DatabaseInitializer.InitializeAsync(_db.Factory, Ct);

        Assert.True(new Core.Calendar.WorkingCalendar(await ReadAsync()).IsWorkingDay(new DateOnly(2025, 2, 3)));
    }

    [Fact]
    public void Office_hours_come_from_configuration_with_a_branch_override()
    {
        var hours = OfficeHours.FromConfiguration(Config(new()
        {
            ["OfficeHours:AfternoonEnd"] = "17:00",
            ["OfficeHours:Branches:BR05:MorningStart"] = "07:30",
            ["OfficeHours:Branches:BR05:AfternoonEnd"] = "17:30",
        }));

        Assert.Equal(new TimeOnly(8, 0), hours.For("BR01").MorningStart);
        Assert.Equal(new TimeOnly(7, 30), hours.For("br05").MorningStart);
        Assert.Equal(new TimeOnly(17, 30), hours.For("BR05").AfternoonEnd);
        Assert.Equal(new TimeOnly(12, 0), hours.For("BR05").MorningEnd); // not overridden: the default
        Assert.Equal(TimeSpan.FromHours(9), hours.For("BR05").PerDay);
    }

    [Theory]
    [InlineData("OfficeHours:MorningStart", "8h", "OfficeHours:MorningStart = \"8h\" không phải giờ dạng HH:mm.")]
    [InlineData("OfficeHours:Branches:BR05:MorningEnd", "14:00", "OfficeHours:Branches:BR05: Giờ làm việc không hợp lệ")]
    public void Office_hours_that_cannot_be_read_stop_the_start_with_the_reason(string key, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => OfficeHours.FromConfiguration(Config(new() { [key] = value })));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private async Task<List<CalendarEntry>> ReadAsync()
    {
        await using var db = _db.Factory.CreateDbContext();
        return await db.CalendarEntries.AsNoTracking().ToListAsync(Ct);
    }
}
