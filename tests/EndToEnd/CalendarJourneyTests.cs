using HanoiWorkbench.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd;

[Collection(WorkbenchCollection.Name)]
public sealed class CalendarJourneyTests(WorkbenchServer server)
{
    [Fact]
    public async Task An_administrator_adds_a_day_with_a_long_description_deletes_it_after_confirming_and_finds_last_year_read_only()
    {
        var year = server.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(TimeSpan.FromHours(7)).Year;
        var page = await server.SignInAsync(DemoAccounts.Admin.Email, DemoAccounts.Password);
        await page.GotoAsync($"/admin/calendar/{year}");
        await Assertions.Expect(page.GetByTestId("calendar-year")).ToHaveTextAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var form = page.GetByTestId("calendar-form");
        await Assertions.Expect(form).ToHaveAttributeAsync("data-interactive", "true");
        var date = $"28/12/{year}";
        await form.Locator("textarea, input[maxlength]").Last.FillAsync(new string('A', 260)); // one unbroken word, longer than allowed
        await Assertions.Expect(form).ToContainTextAsync("200 / 200");
        await form.Locator("input").First.FillAsync(date);
        await page.GetByTestId("override-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"Đã lưu điều chỉnh ngày {date}");

        var row = page.GetByTestId("calendar-overrides").Locator("tbody tr", new() { HasText = date });
        await Assertions.Expect(row).ToContainTextAsync(new string('A', 200));
        Assert.DoesNotContain(new string('A', 201), await row.InnerTextAsync(), StringComparison.Ordinal);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 1366, $"the page is {width}px wide at a 1366px window");
        await WorkbenchServer.ScreenshotAsync(page, "admin-calendar");

        await row.GetByTestId("override-delete").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Xóa điều chỉnh?");
        await WorkbenchServer.ScreenshotAsync(page, "admin-calendar-delete");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Xóa", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync($"Đã xóa điều chỉnh ngày {date}");
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await page.GotoAsync($"/admin/calendar/{year - 1}");
        await Assertions.Expect(page.GetByTestId("calendar-closed")).ToContainTextAsync($"Năm {year - 1} đã qua");
        await Assertions.Expect(page.GetByTestId("calendar-form")).ToHaveCountAsync(0);
        await WorkbenchServer.ScreenshotAsync(page, "admin-calendar-past-year");
    }
}
