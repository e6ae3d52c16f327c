using HanoiWorkbench.Data;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd.Director;

[Collection(WorkbenchCollection.Name)]
public sealed class CityMapJourneyTests(WorkbenchServer server)
{
    [Fact]
    public async Task The_director_sees_the_thirty_branches_on_the_map_and_opens_one()
    {
        var page = await server.SignInAsync(DemoAccounts.Director.Email, DemoAccounts.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Bản đồ tải các chi nhánh" }).ClickAsync();
        await page.WaitForURLAsync("**/director/map");

        var map = page.GetByTestId("city-map");
        await Assertions.Expect(map.Locator("g[role=button]")).ToHaveCountAsync(30);
        await Assertions.Expect(page.GetByTestId("map-page")).ToHaveAttributeAsync("data-interactive", "on", new() { Timeout = 20_000 });
        await page.GetByTestId("map-branch-BR03").ClickAsync();

        await Assertions.Expect(page.GetByTestId("map-branch-panel")).ToContainTextAsync("Tây Hồ");
        await WorkbenchServer.ScreenshotAsync(page, "director-map");
    }
}
