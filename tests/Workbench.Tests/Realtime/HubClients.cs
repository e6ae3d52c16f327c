using System.Text.RegularExpressions;
using System.Threading.Channels;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Workbench.Realtime;
using HanoiWorkbench.Workbench.Tests.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace HanoiWorkbench.Workbench.Tests.Realtime;

/// <summary>Real SignalR clients of the test host: anonymous (a lobby screen) or carrying a staff member's sign-in cookie.</summary>
internal static partial class HubClients
{
    // One sign-in per account and host: the sign-in throttle counts attempts per address.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WorkbenchFactory, System.Collections.Concurrent.ConcurrentDictionary<string, Task<string>>> Cookies = [];

    /// <summary>The sign-in cookie header of a demo account, through the real login form (once per host).</summary>
    public static Task<string> StaffCookieAsync(WorkbenchFactory factory, string email) =>
        Cookies.GetOrCreateValue(factory).GetOrAdd(email, e => SignInAsync(factory, e));

    private static async Task<string> SignInAsync(WorkbenchFactory factory, string email)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = WorkbenchFactory.HttpsBase, AllowAutoRedirect = false, HandleCookies = false });
        using var form = await client.GetAsync("/account/login");
        var antiforgery = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = Data.DemoAccounts.Password,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        using var signedIn = await client.SendAsync(post);
        return string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("hw.auth", StringComparison.Ordinal)));
    }

    public static async Task<(HubConnection Connection, ChannelReader<LiveEvent> Events)> ConnectAsync(WorkbenchFactory factory, string? cookie = null)
    {
        var events = Channel.CreateUnbounded<LiveEvent>();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, LiveHub.Path), o =>
            {
                // The in-memory test server has no WebSockets; long polling exercises the same hub.
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                if (cookie is not null) o.Headers["Cookie"] = cookie;
            })
            .Build();
        connection.On<LiveEvent>(nameof(ILiveClient.Live), e => events.Writer.TryWrite(e));
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return (connection, events.Reader);
    }

    public static async Task<LiveEvent?> NextOrNothingAsync(ChannelReader<LiveEvent> events, TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try { return await events.ReadAsync(cts.Token); }
        catch (OperationCanceledException) { return null; }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
