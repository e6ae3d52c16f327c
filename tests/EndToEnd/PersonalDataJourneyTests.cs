using HanoiWorkbench.Data;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd;

/// <summary>Issue 14, point 4 in Chromium: the application page shows the ID and phone masked; "Hiện" shows them, "Ẩn" masks again.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed class PersonalDataJourneyTests(WorkbenchServer server)
{
    [Fact]
    public async Task The_clerk_sees_the_id_masked_and_reveals_it_on_request()
    {
        var app = await StatusLookupTests.ReceiveOneAsync(server, "Đỗ Minh Châu", "0987123456");
        var page = await server.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);

        await page.GotoAsync($"/applications/{app.Id}");
        var citizenId = page.GetByTestId("personal-CitizenId");
        var phone = page.GetByTestId("personal-Phone");
        await Assertions.Expect(citizenId.GetByTestId("personal-value")).ToHaveTextAsync("001******345", new() { Timeout = 30_000 });
        await Assertions.Expect(phone.GetByTestId("personal-value")).ToHaveTextAsync("098****456", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("application-header")).Not.ToContainTextAsync("001190012345", new() { Timeout = 30_000 });
        await WorkbenchServer.ScreenshotAsync(page, "application-masked");

        await Assertions.Expect(page.Locator("[data-testid=personal-CitizenId][data-interactive=true]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await citizenId.GetByTestId("personal-reveal").ClickAsync();
        await Assertions.Expect(citizenId.GetByTestId("personal-value")).ToHaveTextAsync("001190012345", new() { Timeout = 30_000 });
        await Assertions.Expect(phone.GetByTestId("personal-value")).ToHaveTextAsync("098****456", new() { Timeout = 30_000 });
        await WorkbenchServer.ScreenshotAsync(page, "application-id-revealed");

        await citizenId.GetByTestId("personal-hide").ClickAsync();
        await Assertions.Expect(citizenId.GetByTestId("personal-value")).ToHaveTextAsync("001******345", new() { Timeout = 30_000 });
    }
}
