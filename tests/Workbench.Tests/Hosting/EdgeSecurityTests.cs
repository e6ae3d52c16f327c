using System.Net;
using System.Text.RegularExpressions;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Auth;
using HanoiWorkbench.Workbench.Hosting;
using HanoiWorkbench.Workbench.Tests.Pdf;
using HanoiWorkbench.Workbench.Tests.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HanoiWorkbench.Workbench.Endpoints;

namespace HanoiWorkbench.Workbench.Tests.Hosting;

/// <summary>Security headers, HSTS, HTTPS redirection and cookies of a production host.</summary>
public sealed partial class The_edges_of_a_production_host(EdgeSecurityTests.ProductionHost host) : IClassFixture<EdgeSecurityTests.ProductionHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_HTML_page_carries_the_strict_CSP_whose_nonce_is_the_import_maps_and_the_other_headers()
    {
        var response = await host.Factory.CreateBrowserLikeClient().GetAsync("/account/login", Ct);
        var html = await WorkbenchFactory.ReadHtmlAsync(response);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Matches($"<script type=\"importmap\"[^>]*nonce=\"{Regex.Escape(nonce)}\"", html);
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task Each_response_gets_a_fresh_nonce()
    {
        var client = host.Factory.CreateBrowserLikeClient();
        var first = (await client.GetAsync("/account/login", Ct)).Headers.GetValues("Content-Security-Policy").Single();
        var second = (await client.GetAsync("/account/login", Ct)).Headers.GetValues("Content-Security-Policy").Single();
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_JSON_answer_is_not_sniffed_and_carries_no_page_policy()
    {
        var response = await host.Factory.CreateBrowserLikeClient().GetAsync("/api/display", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Plain_HTTP_is_redirected_to_HTTPS_and_HTTPS_answers_carry_HSTS()
    {
        var http = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://hcc.example.vn/"), AllowAutoRedirect = false });
        var https = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://hcc.example.vn/"), AllowAutoRedirect = false });

        var redirected = await http.GetAsync("/account/login", Ct);
        var secure = await https.GetAsync("/account/login", Ct);

        Assert.Equal(HttpStatusCode.PermanentRedirect, redirected.StatusCode);
        Assert.Equal("https://hcc.example.vn/account/login", redirected.Headers.Location!.ToString());
        Assert.StartsWith("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_and_antiforgery_cookies_are_Secure_HttpOnly_and_SameSite()
    {
        var client = host.Factory.CreateBrowserLikeClient();

        var response = await WorkbenchFactory.PostLoginAsync(client, DemoAccounts.Clerk.Email, DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hw.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", auth, StringComparison.Ordinal);
        Assert.Contains("; httponly", auth, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", auth, StringComparison.Ordinal);
        var form = await host.Factory.CreateBrowserLikeClient().GetAsync("/account/login", Ct);
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", antiforgery, StringComparison.Ordinal);
        Assert.Contains("; httponly", antiforgery, StringComparison.Ordinal);
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}

/// <summary>Sign-in throttling and rate limits behind a trusted proxy, keyed on the forwarded client address.</summary>
public sealed class Sign_in_throttling_behind_a_proxy(EdgeSecurityTests.ProxiedHost host) : IClassFixture<EdgeSecurityTests.ProxiedHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unknown_and_known_accounts_get_one_message_and_the_fourth_attempt_from_an_address_is_throttled()
    {
        var a = host.ClientFrom("203.0.113.10");

        var unknown = await ErrorAsync(a, "khong.ton.tai@hcc.hanoi.gov.vn", "Sai-mật-khẩu-2026");
        var wrong = await ErrorAsync(a, DemoAccounts.Clerk.Email, "Sai-mật-khẩu-2026");
        var third = await ErrorAsync(a, "ai.do@hcc.hanoi.gov.vn", "Sai-mật-khẩu-2026");
        var fourth = await ErrorAsync(a, DemoAccounts.Clerk.Email, DemoAccounts.Password);
        var otherAddress = await ErrorAsync(host.ClientFrom("203.0.113.20"), "khong.ton.tai@hcc.hanoi.gov.vn", "Sai-mật-khẩu-2026");

        Assert.Equal(SignInThrottle.Failed, unknown);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, third);
        Assert.Equal(SignInThrottle.TooMany, fourth);
        Assert.Equal(SignInThrottle.Failed, otherAddress);
    }

    [Fact]
    public async Task A_locked_account_answers_like_an_unknown_one()
    {
        await using (var db = await host.Factory.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct))
            await db.Users.Where(u => u.Email == DemoAccounts.BranchManager.Email)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddHours(1)), Ct);

        var locked = await ErrorAsync(host.ClientFrom("203.0.113.30"), DemoAccounts.BranchManager.Email, DemoAccounts.Password);
        var unknown = await ErrorAsync(host.ClientFrom("203.0.113.30"), "nobody@hcc.hanoi.gov.vn", DemoAccounts.Password);

        Assert.Equal(SignInThrottle.Failed, locked);
        Assert.Equal(locked, unknown);
    }

    [Fact]
    public async Task The_status_look_up_limit_counts_the_forwarded_client_not_the_proxy()
    {
        var a = host.ClientFrom("198.51.100.1");
        var b = host.ClientFrom("198.51.100.2");
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync("/api/status?code=X-200101-0001&phone4=1234", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await a.GetAsync("/api/status?code=X-200101-0001&phone4=1234", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync("/api/status?code=X-200101-0001&phone4=1234", Ct)).StatusCode);
    }

    private static async Task<string> ErrorAsync(HttpClient client, string email, string password)
    {
        var response = await WorkbenchFactory.PostLoginAsync(client, email, password);
        var html = await WorkbenchFactory.ReadHtmlAsync(response);
        return Regex.Match(html, "data-testid=\"login-error\">([^<]*)<").Groups[1].Value;
    }
}

/// <summary>A receipt's QR link comes from PublicBaseUrl, whatever Host the request claimed.</summary>
public sealed class The_receipt_links_to_the_configured_public_site(SearchHost host) : IClassFixture<SearchHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Even_with_a_forged_Host_header()
    {
        var id = await host.QueryAsync(db => db.Applications
            .Where(a => a.ReceivedAt != null && a.DueAt != null && db.Branches.Any(b => b.Id == a.ReceivingBranchId && b.Code == DemoAccounts.Clerk.BranchCode))
            .Select(a => a.Id).FirstAsync(Ct));
        var clerk = await host.Factory.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);
        using var request = new HttpRequestMessage(HttpMethod.Get, ApplicationEndpoints.FormUrl(id, "receipt"));
        request.Headers.Host = "attacker.example";

        var response = await clerk.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = PdfText.All(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains($"{WorkbenchFactory.PublicBaseUrl}/tra-cuu?ma=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", text, StringComparison.Ordinal);
    }
}

public static class EdgeSecurityTests
{
    /// <summary>A "Production" host with the demo data (seeded after the start-up checks, as <c>seed --demo</c> would).</summary>
    public sealed class ProductionHost : IAsyncDisposable
    {
        public WorkbenchFactory Factory { get; } = new("Production", demo: true);
        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }

    /// <summary>Every request reaches the host from proxy 10.0.0.1, which configuration trusts; limits are small.</summary>
    public sealed class ProxiedHost : IAsyncDisposable
    {
        public WorkbenchFactory Factory { get; } = new("Production", demo: true, new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.1",
            ["SignIn:AttemptsPerMinutePerIp"] = "3",
            ["StatusLookup:PermitsPerMinute"] = "2",
        }, services => services.AddTransient<IStartupFilter, FromProxy>());

        public HttpClient ClientFrom(string clientAddress)
        {
            var client = Factory.CreateBrowserLikeClient();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
            return client;
        }

        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }

    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate after) =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.1");
                return after(http);
            });
            next(app);
        };
    }
}
