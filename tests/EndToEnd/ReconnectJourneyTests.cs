using System.Text.RegularExpressions;
using HanoiWorkbench.Data;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd;

[Collection(WorkbenchCollection.Name)]
public sealed class ReconnectJourneyTests(WorkbenchServer server)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 60_000 };

    [Fact]
    public async Task A_dropped_connection_is_explained_in_Vietnamese_and_the_form_comes_back_as_typed()
    {
        var page = await server.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);

        // Every circuit connection goes through this route, so the test can cut it and refuse reconnection until it lets go.
        var refuse = false;
        IWebSocketRoute? circuit = null;
        await page.RouteWebSocketAsync(new Regex("/_blazor"), ws =>
        {
            if (Volatile.Read(ref refuse))
            {
                _ = ws.CloseAsync(new() { Code = 1011, Reason = "test: network down" });
                return;
            }
            circuit = ws;
            ws.ConnectToServer();
        });

        await page.GotoAsync("/applications/new");
        await Assertions.Expect(page.GetByTestId("reception-form")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        await page.FillAsync("#applicant-name", "Trần Thị Hồng Nhung");
        await page.Locator("#applicant-name").BlurAsync();
        await page.FillAsync("#applicant-phone", "0983 456 789");
        await page.Locator("#applicant-phone").BlurAsync();

        Volatile.Write(ref refuse, true);
        await page.RouteAsync("**/_blazor/negotiate**", route => route.AbortAsync("internetdisconnected"));
        await circuit!.CloseAsync(new() { Code = 1011, Reason = "test: network down" });

        var modal = page.GetByTestId("reconnect-modal");
        await Assertions.Expect(modal).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(modal).ToContainTextAsync("Mất kết nối tới máy chủ");
        await Assertions.Expect(modal.Locator(".reconnect-keep")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(modal.Locator(".reconnect-keep")).ToContainTextAsync("Những gì bạn đã nhập vẫn còn nguyên trên màn hình");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Rejoin");
        await WorkbenchServer.ScreenshotAsync(page, "reconnect-dialog");

        // The network is back: Blazor's next attempt reaches the server, which still holds the circuit.
        await page.UnrouteAsync("**/_blazor/negotiate**");
        Volatile.Write(ref refuse, false);
        await Assertions.Expect(modal).ToBeHiddenAsync(new() { Timeout = 60_000 });

        await Assertions.Expect(page.Locator("#applicant-name")).ToHaveValueAsync("Trần Thị Hồng Nhung");
        await Assertions.Expect(page.Locator("#applicant-phone")).ToHaveValueAsync("0983 456 789");
        // The same circuit answers again: a choice made now is rendered by the server.
        await page.GetByTestId("area-select").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Hoàn Kiếm", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("reception-summary")).ToContainTextAsync("Hoàn Kiếm", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#applicant-name")).ToHaveValueAsync("Trần Thị Hồng Nhung");
        await WorkbenchServer.ScreenshotAsync(page, "reconnect-restored");
    }
}
