using System.Net;
using HanoiWorkbench.Workbench.Hosting;
using HanoiWorkbench.Workbench.Tests.Hosting;
using HanoiWorkbench.Workbench.Endpoints;

namespace HanoiWorkbench.Workbench.Tests.Search;

/// <summary>Its own host, so the other tests' look-ups do not spend this one's budget.</summary>
public sealed class The_status_look_up_is_rate_limited(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    [Fact]
    public async Task The_eleventh_look_up_in_a_minute_gets_429_with_a_Vietnamese_message()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateBrowserLikeClient();
        for (var i = 0; i < 10; i++)
        {
            var allowed = await client.GetAsync("/api/status?code=X-200101-0001&phone4=1234", ct);
            Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
        }

        var refused = await client.GetAsync("/api/status?code=X-200101-0001&phone4=1234", ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains(SearchEndpoints.TooManyLookups, await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        // The page's form shares the budget; opening the page (a QR code scan) stays free.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tra-cuu?ma=X-200101-0001", ct)).StatusCode);
        var page = await client.PostAsync("/tra-cuu", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "lookup" }), ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains(SearchEndpoints.TooManyLookups, await WorkbenchFactory.ReadHtmlAsync(page), StringComparison.Ordinal);
    }
}
