using System.Net;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Queue;
using HanoiWorkbench.Workbench.Hosting;
using HanoiWorkbench.Workbench.Tests.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Workbench.Tests.Queue;

/// <summary>
/// Issue 14, point 3 at the host: a kiosk page gives its device a cookie, and one device takes at most
/// <c>Kiosk:TicketsPerMinute</c> tickets in a sliding minute (here 2), refused in Vietnamese with nothing issued; another
/// device is not affected, and the minute passing frees the first again. The clock is fake.
/// </summary>
public sealed class KioskTicketsPerDevice : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, HanoiWorkbench.Core.HanoiTime.Offset));
    private readonly WorkbenchFactory _host;

    public KioskTicketsPerDevice() => _host = new WorkbenchFactory("Testing", demo: true,
        settings: new Dictionary<string, string?> { ["Kiosk:TicketsPerMinute"] = "2" },
        services: s => s.AddSingleton<TimeProvider>(_clock));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Branch, int Group)> GroupAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var branch = await scope.ServiceProvider.GetRequiredService<QueueQueries>().BranchAsync("BR03", Ct);
        var groups = await scope.ServiceProvider.GetRequiredService<QueueService>().EstimatesAsync(branch!.Id, Ct);
        return (branch.Id, groups[0].ServiceGroupId);
    }

    /// <summary>A kiosk circuit whose connection request carried this device cookie.</summary>
    private (AsyncServiceScope Scope, KioskTickets Tickets) Kiosk(string? cookie)
    {
        var scope = _host.Services.CreateAsyncScope();
        var tickets = scope.ServiceProvider.GetRequiredService<KioskTickets>();
        var http = new DefaultHttpContext();
        if (cookie is not null) http.Request.Headers.Cookie = $"{KioskLimits.CookieName}={cookie}";
        tickets.IdentifyFrom(http);
        return (scope, tickets);
    }

    private async Task<int> TicketCountAsync()
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        return await db.Tickets.CountAsync(Ct);
    }

    [Fact]
    public async Task The_kiosk_page_gives_its_device_an_http_only_cookie()
    {
        using var client = _host.CreateBrowserLikeClient();

        var response = await client.GetAsync("/kiosk/BR03", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(KioskLimits.CookieName + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        var again = await client.GetAsync("/kiosk/BR03", Ct);
        Assert.False(again.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith(KioskLimits.CookieName + "=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_device_past_its_tickets_per_minute_is_refused_in_vietnamese_and_others_are_not()
    {
        var (branch, group) = await GroupAsync();
        var (scopeA, first) = Kiosk(Guid.NewGuid().ToString("N"));
        var (scopeB, second) = Kiosk(Guid.NewGuid().ToString("N"));
        await using var _a = scopeA;
        await using var _b = scopeB;
        var before = await TicketCountAsync();

        await first.IssueAsync(branch, group, PriorityCategory.None, Guid.NewGuid(), Ct);
        _clock.Advance(TimeSpan.FromSeconds(20));
        await first.IssueAsync(branch, group, PriorityCategory.None, Guid.NewGuid(), Ct);
        var refused = await Assert.ThrowsAsync<DomainException>(() => first.IssueAsync(branch, group, PriorityCategory.None, Guid.NewGuid(), Ct));
        var otherDevice = await second.IssueAsync(branch, group, PriorityCategory.None, Guid.NewGuid(), Ct);

        Assert.Equal("Máy này đã lấy 2 số trong một phút vừa qua (tối đa 2 số mỗi phút). Vui lòng chờ 40 giây rồi lấy số tiếp, hoặc nhờ nhân viên hướng dẫn hỗ trợ.", refused.Message);
        Assert.False(otherDevice.Repeated);
        Assert.Equal(before + 3, await TicketCountAsync());

        _clock.Advance(TimeSpan.FromSeconds(40)); // the first ticket leaves the window
        await first.IssueAsync(branch, group, PriorityCategory.None, Guid.NewGuid(), Ct);
        Assert.Equal(before + 4, await TicketCountAsync());
    }

    [Fact]
    public async Task The_same_form_sent_twice_takes_one_place_and_a_ticket_that_fails_takes_none()
    {
        var (branch, group) = await GroupAsync();
        var (scope, kiosk) = Kiosk(Guid.NewGuid().ToString("N"));
        await using var _ = scope;
        var form = Guid.NewGuid();

        var ticket = await kiosk.IssueAsync(branch, group, PriorityCategory.None, form, Ct);
        var repeat = await kiosk.IssueAsync(branch, group, PriorityCategory.None, form, Ct);
        await Assert.ThrowsAsync<DomainException>(() => kiosk.IssueAsync(branch, -1, PriorityCategory.None, Guid.NewGuid(), Ct));

        Assert.True(repeat.Repeated);
        Assert.Equal(ticket.TicketId, repeat.TicketId);
        await kiosk.IssueAsync(branch, group, PriorityCategory.None, Guid.NewGuid(), Ct); // the second of two places
        await Assert.ThrowsAsync<DomainException>(() => kiosk.IssueAsync(branch, group, PriorityCategory.None, Guid.NewGuid(), Ct));
    }

    [Fact]
    public void Configured_by_address_the_device_is_the_client_address_the_forwarded_headers_gave()
    {
        using var host = new WorkbenchFactory("Testing", demo: false, settings: new Dictionary<string, string?> { ["Kiosk:DeviceKey"] = "Ip" });
        var throttle = host.Services.GetRequiredService<KioskTicketThrottle>();
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        http.Request.Headers.Cookie = $"{KioskLimits.CookieName}={Guid.NewGuid():N}";

        Assert.Equal("ip:203.0.113.7", throttle.DeviceOf(http));
    }

    public void Dispose() => _host.Dispose();
}
