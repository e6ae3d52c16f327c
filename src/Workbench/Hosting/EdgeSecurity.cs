using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace HanoiWorkbench.Workbench.Hosting;

/// <summary>
/// The edges of the site (docs/security.md, "Edges"): forwarded headers from configured proxies only, HSTS and HTTPS
/// redirection outside Development, Secure / HttpOnly / SameSite cookies encrypted with the shared key ring
/// (<see cref="KeyRing"/>), and security headers on every response.
/// </summary>
public static class EdgeSecurity
{
    private const string NonceKey = "hw.csp-nonce";

    /// <summary>The per-request nonce that lets the page's one inline script (Blazor's import map) run under the CSP.</summary>
    public static string Nonce(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items[NonceKey] is string nonce) return nonce;
        // Hex: no character the HTML encoder would escape in the attribute (base64's + becomes &#x2B;).
        nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(18));
        http.Items[NonceKey] = nonce;
        return nonce;
    }

    /// <summary>
    /// The Content-Security-Policy of HTML responses. Scripts: this origin and the request's nonce, nothing inline
    /// otherwise, no eval (Blazor Server needs none). Styles: 'unsafe-inline', because MudBlazor writes style attributes.
    /// connect-src 'self' covers the circuit's and the hub's WebSocket on the same origin.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce, string? signInOrigin) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        $"form-action 'self'{(signInOrigin is null ? "" : " " + signInOrigin)}; " +
        "frame-ancestors 'none'";

    public static WebApplicationBuilder AddWorkbenchEdges(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();

        services.Configure<ForwardedHeadersOptions>(o => ConfigureForwarding(o, configuration.GetSection("ForwardedHeaders")));
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(configuration.GetValue("Https:HstsMaxAgeDays", 365));
            o.IncludeSubDomains = configuration.GetValue("Https:HstsIncludeSubDomains", false);
        });
        services.AddHttpsRedirection(o =>
        {
            o.HttpsPort = configuration.GetValue("Https:Port", 443);
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
        });
        // Every cookie scheme (Identity's, Entra's): script cannot read it; outside Development it never travels over HTTP.
        var secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureAll<CookieAuthenticationOptions>(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = secure;
            o.Cookie.HttpOnly = true;
        });
        services.AddWorkbenchKeyRing();
        services.AddSingleton(PublicLinks.FromConfiguration(configuration));
        var limits = RequestLimits.FromConfiguration(configuration);
        services.AddSingleton(limits);
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = limits.MaxBodyBytes);
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = limits.MaxBodyBytes;
            o.ValueLengthLimit = (int)limits.MaxBodyBytes;
        });
        return builder;
    }

    /// <summary>Proxies are trusted only when listed (KnownProxies: addresses; KnownNetworks: CIDR); none listed keeps loopback only.</summary>
    internal static void ConfigureForwarding(ForwardedHeadersOptions o, IConfiguration section)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.ForwardLimit = section.GetValue("ForwardLimit", 1);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0) return;
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in networks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }

    /// <summary>First in the pipeline: the real client address (for rate limits) and scheme, then HSTS/HTTPS, then the headers.</summary>
    public static WebApplication UseWorkbenchEdges(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            if (app.Configuration.GetValue("Https:Redirect", true)) app.UseHttpsRedirection();
        }
        var entra = app.Configuration["AzureAd:ClientId"] is { Length: > 0 } && app.Configuration["AzureAd:Instance"] is { Length: > 0 } instance
            ? new Uri(instance).GetLeftPart(UriPartial.Authority)
            : null;
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                    headers.ContentSecurityPolicy = ContentSecurityPolicy(Nonce(http), entra);
                return Task.CompletedTask;
            });
            return next(http);
        });
        var limits = app.Services.GetRequiredService<RequestLimits>();
        app.Use((http, next) => limits.Exceeded(http) ? limits.RefuseAsync(http) : next(http));
        return app;
    }
}

/// <summary>
/// The largest request body the site reads (<c>Limits:MaxRequestBodyKilobytes</c>, default 256 KB): no page or form needs
/// more (the circuit's messages travel over its WebSocket, capped by SignalR), and the intake API keeps its own smaller limit.
/// A declared length over the limit is refused before anything is read (413, problem+json); a chunked body is cut by Kestrel
/// at the same limit.
/// </summary>
public sealed class RequestLimits(long maxBodyBytes)
{
    public const string Key = "Limits:MaxRequestBodyKilobytes";
    public const int DefaultKilobytes = 256;
    public const string TooLargeTitle = "Nội dung yêu cầu quá lớn.";

    public long MaxBodyBytes { get; } = maxBodyBytes;

    public static RequestLimits FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var kilobytes = configuration.GetValue(Key, DefaultKilobytes);
        if (kilobytes is < 1 or > 1024 * 1024)
            throw new InvalidOperationException($"{Key} must be between 1 and 1048576 (KB), not {kilobytes}.");
        return new RequestLimits(kilobytes * 1024L);
    }

    /// <summary>True when the request declares a body over the limit; otherwise the server's reading is capped at it.</summary>
    public bool Exceeded(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.ContentLength > MaxBodyBytes) return true;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = MaxBodyBytes;
        return false;
    }

    public Task RefuseAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.Connection = "close";
        return Results.Problem(title: TooLargeTitle,
            detail: $"Nội dung tối đa {MaxBodyBytes / 1024} KB; yêu cầu này {http.Request.ContentLength / 1024} KB. Không có gì được lưu.",
            statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(http);
    }
}

/// <summary>
/// Where citizens reach the public pages (QR codes on printed receipts): <c>PublicBaseUrl</c> from configuration,
/// never the Host header of the request that printed the form. Only Development may leave it unset (links then
/// use the request's own origin, which is the developer's machine); any other start refuses without it.
/// </summary>
public sealed class PublicLinks
{
    public const string Key = "PublicBaseUrl";

    private PublicLinks(Uri? baseUrl, string? problem) { BaseUrl = baseUrl; Problem = problem; }

    public Uri? BaseUrl { get; }

    /// <summary>Why this configuration may not serve outside Development (start-up refuses), or null.</summary>
    public string? Problem { get; }

    public static PublicLinks FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[Key];
        if (string.IsNullOrWhiteSpace(text))
            return new PublicLinks(null, $"Set {Key} to the public address of the site (e.g. https://dichvucong.hanoi.gov.vn): printed QR codes link to it.");
        return Uri.TryCreate(text.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? new PublicLinks(uri, null)
            : new PublicLinks(null, $"{Key} must be an absolute http(s) address, not '{text}'.");
    }

    /// <summary>The public status page of one application.</summary>
    public string StatusUrl(HttpRequest request, string code)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Url(new Uri($"{request.Scheme}://{request.Host}/"), $"tra-cuu?ma={Uri.EscapeDataString(code)}");
    }

    /// <summary>A public page by its path: on <see cref="BaseUrl"/>, or on <paramref name="origin"/> where none is set (Development).</summary>
    public string Url(Uri origin, string path)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(path);
        return new Uri(BaseUrl ?? origin, path.TrimStart('/')).ToString();
    }
}
