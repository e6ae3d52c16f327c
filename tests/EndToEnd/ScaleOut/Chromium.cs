using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd.ScaleOut;

/// <summary>Debian's Chromium and its pages on real workbench processes (<see cref="ScaleOutCluster"/>, the crash test).</summary>
internal static class Chromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = WorkbenchServer.ChromiumPath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    public static async Task<IPage> NewPageAsync(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "vi-VN",
        });
        // Workbench processes, Redis and Chromium share two cores with other builds: be patient, not flaky.
        context.SetDefaultTimeout(40_000);
        return await context.NewPageAsync();
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }
}
