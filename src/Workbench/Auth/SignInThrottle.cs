using System.Threading.RateLimiting;

namespace HanoiWorkbench.Workbench.Auth;

/// <summary>
/// Sign-in attempts per client address (after forwarded headers, so the real client behind a trusted proxy):
/// <c>SignIn:AttemptsPerMinutePerIp</c>, default 10. Per account, Identity's lock-out applies (5 failures, 15 minutes).
/// Neither answer says whether an account exists: the throttle counts addresses, and every failed attempt, for a known
/// or unknown e-mail, wrong password or locked account, gets <see cref="Failed"/>.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const string Failed = "Email hoặc mật khẩu không đúng. Sau 5 lần sai liên tiếp, tài khoản bị tạm khóa 15 phút.";
    public const string TooMany = "Có quá nhiều lần đăng nhập từ địa chỉ này. Vui lòng thử lại sau một phút.";

    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInThrottle(IConfiguration configuration)
    {
        var permits = configuration.GetValue("SignIn:AttemptsPerMinutePerIp", 10);
        _limiter = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>True when this address may try once more now; each call spends one attempt.</summary>
    public bool TryAttempt(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var lease = _limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
