using HanoiWorkbench.Core.Reception;
using System.Globalization;
using System.Net;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Applications;
using HanoiWorkbench.Workbench.Auth;
using HanoiWorkbench.Workbench.Tests.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Security;

/// <summary>The host for the matrix: demo data, the four demo accounts signed in, an application at the clerk's branch and one elsewhere.</summary>
public sealed class RouteMatrixHost : IAsyncLifetime
{
    public const string OwnBranchCode = "BR03", OtherBranchCode = "BR05";

    public WorkbenchFactory Host { get; } = new();
    public Dictionary<StaffRole, (HttpClient Client, PermissionActor Actor)> Staff { get; } = [];
    public Dictionary<string, int> BranchIds { get; } = [];
    public Dictionary<string, long> Applications { get; } = [];
    public long CityReport { get; private set; }
    /// <summary>A refusal at reception (Form 3) issued at the clerk's branch.</summary>
    public long Decision { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(ct);
        foreach (var code in new[] { OwnBranchCode, OtherBranchCode })
            BranchIds[code] = await db.Branches.Where(b => b.Code == code).Select(b => b.Id).SingleAsync(ct);
        foreach (var account in DemoAccounts.All)
        {
            var s = await db.Staff.AsNoTracking().SingleAsync(x => x.Email == account.Email, ct);
            Staff[account.Role] = (await Host.SignInAsync(account.Email, DemoAccounts.Password),
                PermissionActor.Of(s.Role, s.HomeBranchId, s.CurrentBranchId, s.CurrentCounterId));
        }
        var reception = Host.Services.GetRequiredService<ReceptionService>();
        foreach (var code in BranchIds.Keys)
        {
            var clerk = await db.Staff.AsNoTracking().Where(x => x.Role == StaffRole.Clerk && x.IsActive && x.CurrentBranchId == BranchIds[code])
                .OrderBy(x => x.Id).Select(x => x.Id).FirstAsync(ct);
            var procedure = await db.Procedures.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Id).FirstAsync(ct);
            var area = await db.Areas.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(ct);
            var saved = await reception.ReceiveAsync(new ReceptionRequest(procedure.Id, area, "Nguyễn Thị Mai", "001190012345", 1990, false,
                "0912345678", "12 Hàng Bông, Hà Nội", procedure.RequiredDocuments.Select(d => new DocumentTick(d, true, 1)).ToList()),
                new Actor(clerk, BranchIds[code]), ct);
            Applications[code] = saved.ApplicationId ?? throw new InvalidOperationException(string.Join("; ", saved.Errors.Values));
        }
        CityReport = (await Reports.CityReportGeneratedInTheBackground.GenerateAsync(Host, ct)).Id;
        var ownClerk = await db.Staff.AsNoTracking().Where(x => x.Role == StaffRole.Clerk && x.IsActive && x.CurrentBranchId == BranchIds[OwnBranchCode])
            .OrderBy(x => x.Id).Select(x => x.Id).FirstAsync(ct);
        var refused = await db.Procedures.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);
        var decision = await Host.Services.GetRequiredService<ReceptionDecisions>().IssueAsync(new ReceptionDecisionRequest(ReceptionDecisionKind.Refusal,
            refused, null, "Nguyễn Thị Mai", "001190012345", 1990, false, null, null, [], "Hồ sơ không thuộc thẩm quyền"), new Actor(ownClerk, BranchIds[OwnBranchCode]), ct);
        Decision = decision.DecisionId ?? throw new InvalidOperationException(string.Join("; ", decision.Errors.Values));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (client, _) in Staff.Values) client.Dispose();
        await Host.DisposeAsync();
    }
}

/// <summary>
/// Issue 14, point 2, generated from the permission table: every route of the app's endpoint data source is listed in
/// <see cref="RouteActions"/> (a new page without an entry fails here), and every guarded GET route is tried as each role, at
/// its own branch and another, expecting exactly what <see cref="Permissions"/> says; anonymous callers reach only public routes.
/// </summary>
public sealed class EveryRouteFollowsThePermissionTable(RouteMatrixHost m) : IClassFixture<RouteMatrixHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // What pages that decide branch by branch inside show instead of the content.
    private static readonly string[] InPageRefusals =
        ["data-testid=\"no-access\"", "data-testid=\"board-refused\"", "bạn không có quyền truy cập"];

    private IReadOnlyList<(string Pattern, string Method)> AppRoutes() =>
        m.Host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => !IsFrameworkOrFile(e))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(verb => ("/" + e.RoutePattern.RawText!.TrimStart('/'), verb)))
            .Distinct().ToList();

    // Static files (one endpoint each, fingerprinted, and the file fallback) and Blazor's own transport are no pages of ours.
    private static bool IsFrameworkOrFile(RouteEndpoint e)
    {
        var raw = e.RoutePattern.RawText ?? "";
        return raw.TrimStart('/').StartsWith('_') || raw.Contains(":file}", StringComparison.Ordinal)
            || e.Metadata.Any(x => x.GetType().Name == "StaticAssetDescriptor");
    }

    public static TheoryData<string> GuardedGetRoutes() =>
        new(RouteActions.ByPattern.Where(r => r.Value.SignedIn && !r.Key.StartsWith("/account/logout", StringComparison.Ordinal)).Select(r => r.Key).Order());

    [Fact]
    public void Every_route_of_the_app_has_an_entry_in_the_route_table()
    {
        var routes = AppRoutes();
        var missing = routes.Select(r => r.Pattern).Distinct().Where(p => !RouteActions.ByPattern.ContainsKey(p)).ToList();
        var stale = RouteActions.ByPattern.Keys.Where(k => !routes.Any(r => string.Equals(r.Pattern, k, StringComparison.OrdinalIgnoreCase))).ToList();

        Assert.True(missing.Count == 0, "Routes without an entry in RouteActions: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "RouteActions entries for routes that do not exist: " + string.Join(", ", stale));
    }

    [Theory]
    [MemberData(nameof(GuardedGetRoutes))]
    public async Task Each_role_at_its_own_branch_and_another_gets_what_the_table_says(string pattern)
    {
        var access = RouteActions.ByPattern[pattern];
        var targets = access.Target == RouteTarget.City ? [RouteMatrixHost.OwnBranchCode] : new[] { RouteMatrixHost.OwnBranchCode, RouteMatrixHost.OtherBranchCode };
        var wrong = new List<string>();
        foreach (var (role, (client, actor)) in m.Staff)
        {
            foreach (var branch in targets)
            {
                var expected = access.Action is not { } action ? true
                    : access.Target == RouteTarget.City ? Permissions.ScopeOf(role, action) != PermissionScope.None
                    : Permissions.Allows(actor, action, new PermissionTarget(m.BranchIds[branch]));
                var allowed = await AllowedAsync(client, Url(pattern, access, branch));
                if (allowed != expected) wrong.Add($"{role} at {branch}: expected {(expected ? "allowed" : "refused")}");
            }
        }
        using var anonymous = m.Host.CreateBrowserLikeClient();
        if (await AllowedAsync(anonymous, Url(pattern, access, RouteMatrixHost.OwnBranchCode))) wrong.Add("anonymous: allowed");

        Assert.True(wrong.Count == 0, pattern + ": " + string.Join("; ", wrong));
    }

    [Theory]
    [MemberData(nameof(PublicGetRoutes))]
    public async Task Public_routes_open_without_signing_in(string pattern)
    {
        using var anonymous = m.Host.CreateBrowserLikeClient();
        using var response = await anonymous.GetAsync(Url(pattern, RouteActions.ByPattern[pattern], RouteMatrixHost.OwnBranchCode), Ct);

        Assert.False(IsSignInOrForbidden(response), $"{pattern}: {(int)response.StatusCode} {response.Headers.Location}");
    }

    public static TheoryData<string> PublicGetRoutes() =>
        new(RouteActions.ByPattern.Where(r => !r.Value.SignedIn && !r.Key.StartsWith("/hubs/", StringComparison.Ordinal)
            && r.Key is not "/api/applications" and not "/error").Select(r => r.Key).Order());

    private async Task<bool> AllowedAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        if (IsSignInOrForbidden(response)) return false;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        if (response.Content.Headers.ContentType?.MediaType != "text/html") return true;
        var html = await WorkbenchFactory.ReadHtmlAsync(response);
        return !InPageRefusals.Any(r => html.Contains(r, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsSignInOrForbidden(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true);

    private string Url(string pattern, RouteAccess access, string branch)
    {
        var id = m.Applications[branch].ToString(CultureInfo.InvariantCulture);
        var url = pattern
            .Replace("{Id:long}", id, StringComparison.Ordinal).Replace("{id:long}", id, StringComparison.Ordinal)
            .Replace("{form}", "receipt", StringComparison.Ordinal)
            .Replace("{decision:long}", m.Decision.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{report:long}", m.CityReport.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{BranchCode}", branch, StringComparison.Ordinal).Replace("{branchCode}", branch, StringComparison.Ordinal)
            .Replace("{branchCode?}", branch, StringComparison.Ordinal)
            .Replace("{Id:int}", "1", StringComparison.Ordinal).Replace("{Year:int}", "2026", StringComparison.Ordinal)
            .Replace("{Code:int}", "404", StringComparison.Ordinal).Replace("{documentName}", "v1", StringComparison.Ordinal);
        if (pattern == "/culture/set") url += "?culture=vi-VN&redirectUri=%2F";
        if (pattern == "/api/status") url += "?code=X&phone4=1234";
        if (access.Target == RouteTarget.Branch && pattern.EndsWith(".pdf", StringComparison.Ordinal) || pattern.EndsWith(".xlsx", StringComparison.Ordinal))
            url += string.Create(CultureInfo.InvariantCulture, $"?branch={m.BranchIds[branch]}&from=2026-03-01&to=2026-03-31");
        return url;
    }
}
