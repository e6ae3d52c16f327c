using Bunit;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Calendar;
using HanoiWorkbench.Workbench.Components.Pages.Admin;
using HanoiWorkbench.Workbench.Tests.Shell;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace HanoiWorkbench.Workbench.Tests.Search;

/// <summary>The admin calendar page on a real SQLite file (migrated and seeded with the 2025/2026 notices).</summary>
public sealed class The_calendar_page : ShellTestContext, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hw-calendar-").FullName;

    public The_calendar_page()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Workbench"] = $"Data Source={Path.Combine(_folder, "workbench.db")}",
        }).Build();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7))));
        Services.AddWorkbenchData(config, _folder);
        Services.AddSingleton<CalendarOverrides>();
        Auth.SetAuthorized("quantri@hcc.hanoi.gov.vn").SetPolicies(Policies.Staff, Policies.Admin);
    }

    public async ValueTask InitializeAsync() =>
        await DatabaseInitializer.InitializeAsync(Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<WorkbenchDbContext>>(), Xunit.TestContext.Current.CancellationToken);

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Saving_an_override_without_a_description_shows_the_message_beside_the_field_and_saves_nothing()
    {
        var page = Render<Calendar>();
        page.WaitForAssertion(() => Assert.Contains("Tết Nguyên đán", page.Find("[data-testid=calendar-holidays]").TextContent, StringComparison.Ordinal));
        var overridesBefore = page.FindAll("[data-testid=calendar-overrides] tbody tr").Count;

        page.Find("[data-testid=override-save]").Click();

        page.WaitForAssertion(() =>
        {
            var description = page.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Mô tả");
            Assert.Contains("Nhập mô tả", description.Find(".mud-input-helper-text").TextContent, StringComparison.Ordinal);
            var date = page.FindComponent<MudDatePicker>();
            Assert.Contains("Chọn ngày.", date.Find(".mud-input-helper-text").TextContent, StringComparison.Ordinal);
        });
        Assert.Equal(overridesBefore, page.FindAll("[data-testid=calendar-overrides] tbody tr").Count);
    }

    [Fact]
    public void The_months_show_their_working_days_with_the_notices_applied()
    {
        var page = Render<Calendar>();
        // February 2026: Tết off Sat 14 – Sun 22 Feb by the seeded notice: 20 weekdays minus 5 = 15 working days.
        page.WaitForAssertion(() => Assert.Contains("15", page.Find("[data-testid=working-days-2]").TextContent, StringComparison.Ordinal));
        Assert.Contains("2026", page.Find("[data-testid=calendar-year]").TextContent, StringComparison.Ordinal);
    }
}
