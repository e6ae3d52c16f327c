using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd;

/// <summary>
/// The real workbench on Kestrel (a loopback port), on a fresh SQLite file, and Debian's Chromium driven by Playwright.
/// Playwright's own browser download cannot work here, so the executable path is fixed.
/// </summary>
public sealed class WorkbenchServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TempFolder _temp = new("e2e");
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>The key the tests send as the national public service portal to <c>POST /api/applications</c>.</summary>
    public const string IntakeApiKey = "e2e-portal-key-0123456789";

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    /// <summary>Screenshots are kept as test artefacts for a reviewer.</summary>
    public static string ArtefactFolder { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("E2E_ARTEFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artefacts")).FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Workbench", $"Data Source={_temp.PathOf("workbench.db")}");
        builder.UseSetting("Intake:ApiKeys:0", IntakeApiKey);
        // Warnings and errors only: a failing test prints what the server logged, and request-by-request lines bury the cause.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        // Every browser here signs in from 127.0.0.1: the per-address throttle (10 a minute in production) would refuse the
        // suite's own sign-ins. The throttle itself is tested in Workbench.Tests (EdgeSecurityTests).
        builder.UseSetting("SignIn:AttemptsPerMinutePerIp", "1000");
    }

    public async ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "vi-VN",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignInAsync(string email, string password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtefactFolder, name + ".png"), FullPage = false });

    /// <summary>
    /// Presses "Xác nhận tiếp nhận" (twice when <paramref name="doubleClick"/>) and waits for the new application's page.
    /// The suite runs on the real clock, so outside office hours the clerk is first asked to confirm, and says yes.
    /// </summary>
    public static async Task ConfirmReceptionAsync(IPage page, bool doubleClick = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        var confirm = page.GetByTestId("confirm-reception");
        if (doubleClick) await confirm.DblClickAsync(); else await confirm.ClickAsync();
        var anyway = page.GetByRole(AriaRole.Button, new() { Name = "Vẫn tiếp nhận" });
        await Assertions.Expect(anyway.Or(page.GetByTestId("received-banner"))).ToBeVisibleAsync(new() { Timeout = 30_000 });
        if (await anyway.IsVisibleAsync()) await anyway.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/applications/\d+\?moi=1$"));
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        _temp.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class WorkbenchCollection : ICollectionFixture<WorkbenchServer>
{
    public const string Name = "Workbench in Chromium";
}
