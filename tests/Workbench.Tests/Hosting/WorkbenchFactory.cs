using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using HanoiWorkbench.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HanoiWorkbench.Workbench.Tests.Hosting;

/// <summary>
/// The real workbench in-process, on its own SQLite file, migrated like a fresh install. By default in environment
/// "Testing" with the demo staff and accounts, seeded explicitly by the same <see cref="DemoData"/> that
/// <c>seed --demo</c> runs (a hosted service, so it runs after Program's start-up checks and before the first request).
/// </summary>
public sealed class WorkbenchFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder _temp = new("host");
    private readonly string _environment;
    private readonly bool _demo;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public WorkbenchFactory() : this("Testing", demo: true) { }

    private readonly Action<IServiceCollection>? _services;

    internal WorkbenchFactory(string environment, bool demo, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        _services = services;
        _environment = environment;
        _demo = demo;
        _settings = settings ?? new Dictionary<string, string?>();
        // Outside Development plain HTTP is redirected and cookies are Secure: the test clients speak HTTPS, like a browser would.
        ClientOptions.BaseAddress = HttpsBase;
    }

    public static readonly Uri HttpsBase = new("https://localhost/");

    /// <summary>The printed QR codes' address in every test host (a non-Development start needs one).</summary>
    public const string PublicBaseUrl = "https://dichvucong.example.vn";

    /// <summary>The settings every non-Development test host needs: a public base URL and the test server on HTTPS.</summary>
    public static void UseTestEdges(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("PublicBaseUrl", PublicBaseUrl);
        builder.ConfigureServices(s => s.Configure<TestServerOptions>(o => o.BaseAddress = HttpsBase));
    }

    public string DatabaseFile => _temp.PathOf("workbench.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Workbench", $"Data Source={DatabaseFile}");
        UseTestEdges(builder);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_services is not null) builder.ConfigureServices(_services);
        if (_demo) builder.ConfigureServices(s => s.AddHostedService<DemoSeeding>());
    }

    public HttpClient CreateBrowserLikeClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = HttpsBase,
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>Signs in through the real login form (antiforgery token included) and returns the client holding the cookie.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = CreateBrowserLikeClient();
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static async Task<string> ReadHtmlAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _temp.Dispose();
        }
    }
}

/// <summary>Seeds the demo data as <c>seed --demo</c> does, when the test host starts (after Program's start-up checks).</summary>
internal sealed class DemoSeeding(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => DemoData.SeedAsync(services, cancellationToken);
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
