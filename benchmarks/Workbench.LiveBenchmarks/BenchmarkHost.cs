using HanoiWorkbench.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HanoiWorkbench.LiveBenchmarks;

/// <summary>The whole workbench on Kestrel with a fresh, seeded SQLite file, and Debian's Chromium to open pages in it.</summary>
public sealed class BenchmarkHost : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hw-live-bench-").FullName;

    public static BenchmarkHost Start()
    {
        // Outside a test project WebApplicationFactory needs to be told where the web project lives.
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "HanoiWorkbench.sln"))) root = Path.GetDirectoryName(root.TrimEnd('/'))!;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_HANOIWORKBENCH_WORKBENCH", Path.Combine(root, "src", "Workbench"));
        var host = new BenchmarkHost();
        host.UseKestrel(0);
        host.StartServer();
        return host;
    }

    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
    });

    /// <summary>A browser context signed in as one demo account: every page opened in it is its own circuit of that user.</summary>
    public async Task<IBrowserContext> SignedInAsync(IBrowser browser, string email)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new() { Width = 1366, Height = 768 } });
        context.SetDefaultTimeout(120_000);
        var login = await context.NewPageAsync();
        await login.GotoAsync("/account/login");
        await login.FillAsync("#email", email);
        await login.FillAsync("#password", DemoAccounts.Password);
        await login.ClickAsync("button[type=submit]");
        await login.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
        await login.CloseAsync();
        return context;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Workbench", $"Data Source={Path.Combine(_folder, "workbench.db")}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
