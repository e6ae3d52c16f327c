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
    private readonly TempFolder _temp = new("calendar");

    public The_calendar_page()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Workbench"] = $"Data Source={_temp.PathOf("workbench.db")}",
        }).Build();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7))));
        Services.AddWorkbenchData(config, _temp.FullPath);
        Services.AddSingleton<CalendarOverrides>();
        Services.AddSingleton<AddedHolidays>();
        Auth.SetAuthorized("quantri@hcc.hanoi.gov.vn").SetPolicies(Policies.Staff, Policies.Admin);
    }

    public async ValueTask InitializeAsync() =>
        await DatabaseInitializer.InitializeAsync(Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<WorkbenchDbContext>>(), Xunit.TestContext.Current.CancellationToken);

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _temp.Dispose();
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

    [Fact]
    public void The_year_in_the_address_is_the_year_shown_and_edited()
    {
        var page = Render<Calendar>(p => p.Add(c => c.Year, 2027));

        page.WaitForAssertion(() => Assert.Contains("2027", page.Find("[data-testid=calendar-year]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Thêm điều chỉnh cho năm 2027", page.Find("[data-testid=calendar-form]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=calendar-this-year]"));
    }

    [Fact]
    public void A_past_year_is_shown_read_only_with_the_reason()
    {
        var page = Render<Calendar>(p => p.Add(c => c.Year, 2025));

        page.WaitForAssertion(() => Assert.Contains("Năm 2025 đã qua", page.Find("[data-testid=calendar-closed]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=calendar-form]"));
        Assert.Empty(page.FindAll("[data-testid=override-delete]"));
        Assert.Contains("Nghỉ Tết Nguyên đán Ất Tỵ 2025", page.Find("[data-testid=calendar-overrides]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_computed_days_a_notice_replaces_are_marked_and_not_counted()
    {
        var page = Render<Calendar>(p => p.Add(c => c.Year, 2025));

        page.WaitForAssertion(() => Assert.Contains("thay bằng thông báo của năm", page.Find("[data-testid=calendar-holidays]").TextContent, StringComparison.Ordinal));
        // February 2025: 20 weekdays, Mon 3 Feb worked (the computed make-up day is replaced by the Tết notice).
        Assert.Contains("20 ngày làm việc", page.Find("[data-testid=working-days-2]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hủy", 0)]
    [InlineData("Xóa", 1)]
    public void Deleting_a_day_asks_first_and_says_what_was_done(string answer, int deleted)
    {
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var page = Render<Calendar>(p => p.Add(c => c.Year, 2026));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=override-delete]")));
        var before = page.FindAll("[data-testid=calendar-overrides] tbody tr").Count;

        page.FindAll("[data-testid=override-delete]")[0].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Xóa điều chỉnh?", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal(before, page.FindAll("[data-testid=calendar-overrides] tbody tr").Count);
        dialogs.FindAll("button").First(b => b.TextContent.Trim() == answer).Click();

        page.WaitForAssertion(() => Assert.Equal(before - deleted, page.FindAll("[data-testid=calendar-overrides] tbody tr").Count));
        if (deleted == 1)
            snackbars.WaitForAssertion(() => Assert.Contains("Đã xóa điều chỉnh ngày 01/01/2026", snackbars.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void An_added_holiday_appears_among_the_computed_days_off()
    {
        var page = Render<Calendar>(p => p.Add(c => c.Year, 2026));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=added-holidays]")));

        page.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Tên ngày lễ").Find("input").Change("Ngày Văn hóa Việt Nam");
        page.FindComponents<MudNumericField<int?>>().Single(f => f.Instance.Label == "Ngày").Find("input").Change("24");
        page.FindComponents<MudNumericField<int?>>().Single(f => f.Instance.Label == "Tháng").Find("input").Change("11");
        page.Find("[data-testid=holiday-add]").Click();

        page.WaitForAssertion(() => Assert.Contains("Ngày Văn hóa Việt Nam (24/11 dương lịch)", page.Find("[data-testid=calendar-holidays]").TextContent, StringComparison.Ordinal));
        Assert.Contains("24/11 · Ngày Văn hóa Việt Nam", page.Find("[data-testid=calendar-months]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_description_is_limited_by_the_entitys_constant_and_wraps()
    {
        var page = Render<Calendar>(p => p.Add(c => c.Year, 2026));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=calendar-overrides] tbody tr")));

        var description = page.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Mô tả");
        Assert.Equal(HanoiWorkbench.Core.Domain.CalendarEntry.DescriptionMaxLength, description.Instance.MaxLength);
        Assert.All(page.FindAll("[data-testid=calendar-overrides] tbody tr td:nth-child(3)"), td => Assert.Contains("calendar-text", td.ClassName, StringComparison.Ordinal));
    }
}
