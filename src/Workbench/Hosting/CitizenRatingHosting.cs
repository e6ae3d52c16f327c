using System.Threading.RateLimiting;
using HanoiWorkbench.Core.Ratings;
using HanoiWorkbench.Data.Ratings;

namespace HanoiWorkbench.Workbench.Hosting;

/// <summary>
/// The citizens' rating pages: <c>/danh-gia/{token}</c> (the QR code of a receipt or ticket slip, on a phone) and
/// <c>/danh-gia/quay/{token}</c> (a counter's tablet). Both are public; the signed token is the only key (docs/security.md).
/// </summary>
public static class CitizenRatingHosting
{
    public const string VisitPath = "/danh-gia/";
    public const string TabletPath = "/danh-gia/quay/";

    public static IServiceCollection AddWorkbenchRatings(this IServiceCollection services)
    {
        services.AddSingleton<RatingThrottle>();
        services.AddSingleton<RatingLinks>();
        return services;
    }
}

/// <summary>
/// Rating submissions per client address (the phone page) or per counter (its tablet), like the public status look-up:
/// <c>Ratings:PermitsPerMinute</c>, default 10, in a one-minute window.
/// </summary>
public sealed class RatingThrottle : IDisposable
{
    public const string TooMany = "Bạn đã gửi đánh giá quá nhiều lần. Vui lòng thử lại sau một phút.";

    private readonly PartitionedRateLimiter<string> _limiter;

    public RatingThrottle(IConfiguration configuration)
    {
        var permits = configuration.GetValue("Ratings:PermitsPerMinute", 10);
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>True when one more submission may go now from this address; each call spends one.</summary>
    public bool TryFromAddress(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return TryAcquire("ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"));
    }

    /// <summary>True when one more submission may go now from this counter's tablet; each call spends one.</summary>
    public bool TryFromCounter(int counterId) => TryAcquire("counter:" + counterId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private bool TryAcquire(string key)
    {
        using var lease = _limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>The printed and shown addresses of the rating pages, on <see cref="PublicLinks"/>' public base URL.</summary>
public sealed class RatingLinks(RatingKeys keys, PublicLinks links)
{
    /// <summary>The page a visit's QR code opens. <paramref name="origin"/> is used only where no PublicBaseUrl is set (Development).</summary>
    public async Task<string> VisitUrlAsync(VisitRef visit, Uri origin, CancellationToken ct = default) =>
        links.Url(origin, CitizenRatingHosting.VisitPath + await keys.VisitTokenAsync(visit, ct));

    /// <summary>The page a counter's tablet opens.</summary>
    public async Task<string> TabletUrlAsync(int counterId, Uri origin, CancellationToken ct = default) =>
        links.Url(origin, CitizenRatingHosting.TabletPath + await keys.CounterTokenAsync(counterId, ct));

    public static Uri OriginOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new Uri($"{request.Scheme}://{request.Host}/");
    }
}
