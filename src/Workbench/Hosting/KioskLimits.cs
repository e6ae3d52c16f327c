using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Queue;
using HanoiWorkbench.Data.Queue;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HanoiWorkbench.Workbench.Hosting;

/// <summary>What names a kiosk device: its own cookie (kiosks of a branch often share one address), or the client address.</summary>
public enum KioskDeviceKey
{
    Cookie = 0,
    Ip = 1,
}

/// <summary>
/// The kiosk's tickets-per-device-and-minute limit (<see cref="KioskTicketLimit"/>), configured by <c>Kiosk:TicketsPerMinute</c>
/// (default 6) and <c>Kiosk:DeviceKey</c> (<c>Cookie</c>, the default, or <c>Ip</c>: the client address as the forwarded headers
/// of a trusted proxy give it).
/// </summary>
public static class KioskLimits
{
    public const string CookieName = "hw-kiosk";
    public const int DefaultPerMinute = 6;

    public static IServiceCollection AddKioskLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Kiosk:TicketsPerMinute", DefaultPerMinute);
        if (KioskTicketLimit.ValidateLimit(perMinute) is { } refusal) throw new InvalidOperationException(refusal);
        var mode = configuration.GetValue("Kiosk:DeviceKey", KioskDeviceKey.Cookie);
        services.AddSingleton(sp => new KioskTicketThrottle(sp.GetRequiredService<TimeProvider>(), perMinute, mode));
        services.AddScoped<KioskTickets>();
        services.AddScoped<CircuitHandler, KioskDeviceCircuitHandler>();
        return services;
    }

    /// <summary>Gives a kiosk page's browser its device cookie (a random id, a year) when it has none.</summary>
    public static IApplicationBuilder UseKioskDeviceCookie(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/kiosk") && !http.Request.Cookies.ContainsKey(CookieName))
        {
            var id = Guid.NewGuid().ToString("N");
            http.Items[CookieName] = id;
            http.Response.Cookies.Append(CookieName, id, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
        }
        await next(http);
    });
}

/// <summary>The recent tickets of every kiosk device of this server, and the one decision whether a device may take another.</summary>
public sealed class KioskTicketThrottle(TimeProvider clock, int perMinute, KioskDeviceKey mode)
{
    private readonly Dictionary<string, List<DateTimeOffset>> _recent = new(StringComparer.Ordinal);
    private int _sinceSweep;

    public int PerMinute => perMinute;

    /// <summary>The device a request comes from, by the configured key; null when it cannot tell.</summary>
    public string? DeviceOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (mode == KioskDeviceKey.Ip) return http.Connection.RemoteIpAddress is { } ip ? $"ip:{ip}" : null;
        var cookie = http.Request.Cookies[KioskLimits.CookieName] ?? http.Items[KioskLimits.CookieName] as string;
        return Guid.TryParseExact(cookie, "N", out var id) ? $"kiosk:{id:N}" : http.Connection.RemoteIpAddress is { } address ? $"ip:{address}" : null;
    }

    /// <summary>Takes a place for one ticket now, or returns the Vietnamese refusal; <see cref="Release"/> gives it back if the ticket failed.</summary>
    public string? TryReserve(string device, out DateTimeOffset at)
    {
        var now = at = clock.GetUtcNow();
        lock (_recent)
        {
            if (++_sinceSweep >= 1000) Sweep(now);
            var times = _recent.TryGetValue(device, out var list) ? list : _recent[device] = [];
            times.RemoveAll(t => t <= now - KioskTicketLimit.Window);
            if (KioskTicketLimit.Refusal(times, now, perMinute) is { } refusal) return refusal;
            times.Add(now);
            return null;
        }
    }

    public void Release(string device, DateTimeOffset at)
    {
        lock (_recent)
            if (_recent.TryGetValue(device, out var times)) times.Remove(at);
    }

    private void Sweep(DateTimeOffset now)
    {
        _sinceSweep = 0;
        foreach (var key in _recent.Where(p => p.Value.All(t => t <= now - KioskTicketLimit.Window)).Select(p => p.Key).ToList()) _recent.Remove(key);
    }
}

/// <summary>
/// The kiosk page's way to take a ticket: per circuit, knows the device (set from the circuit's connection request, or a
/// per-circuit id when the request says nothing) and asks the throttle before <see cref="QueueService"/> issues.
/// </summary>
public sealed class KioskTickets(KioskTicketThrottle throttle, QueueService queue)
{
    private string _device = $"circuit:{Guid.NewGuid():N}";

    public string Device => _device;

    public void IdentifyFrom(HttpContext http)
    {
        if (throttle.DeviceOf(http) is { } device) _device = device;
    }

    public async Task<IssuedTicket> IssueAsync(int branchId, int serviceGroupId, PriorityCategory priority, Guid formToken, CancellationToken ct = default)
    {
        if (throttle.TryReserve(_device, out var at) is { } refusal) throw new DomainException(refusal);
        try
        {
            var ticket = await queue.IssueTicketAsync(branchId, serviceGroupId, priority, formToken, ct);
            if (ticket.Repeated) throttle.Release(_device, at); // the same form again: no new ticket, no new place taken
            return ticket;
        }
        catch
        {
            throttle.Release(_device, at);
            throw;
        }
    }
}

/// <summary>When a circuit opens, names its kiosk device from the connection's request (its cookie and client address).</summary>
internal sealed class KioskDeviceCircuitHandler(IHttpContextAccessor accessor, KioskTickets tickets) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } http) tickets.IdentifyFrom(http);
        return Task.CompletedTask;
    }
}
