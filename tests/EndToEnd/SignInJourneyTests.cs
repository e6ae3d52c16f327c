using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd;

[Collection(WorkbenchCollection.Name)]
public sealed class SignInJourneyTests(WorkbenchServer server)
{
    [Fact]
    public async Task A_clerk_signs_in_and_sees_the_counters_of_their_branch()
    {
        var page = await server.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chi nhánh của tôi" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("branch-header")).ToContainTextAsync("Tây Hồ");
        await Assertions.Expect(page.GetByTestId("counter-list")).ToContainTextAsync("Quầy 1");
        await WorkbenchServer.ScreenshotAsync(page, "home-clerk");
    }

    [Fact]
    public async Task A_branch_manager_signs_in_and_sees_the_live_board_of_the_branch()
    {
        var page = await server.SignInAsync(DemoAccounts.BranchManager.Email, DemoAccounts.Password);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bảng điều hành: Chi nhánh số 1 (Tây Hồ)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("board-counters")).ToContainTextAsync("Quầy 1");
        var rows = await page.GetByTestId("board-people").Locator("tbody tr").CountAsync();
        Assert.True(rows >= 3, $"expected the branch's staff, saw {rows} rows");
        await WorkbenchServer.ScreenshotAsync(page, "home-manager");
    }

    [Fact]
    public async Task A_director_signs_in_and_sees_all_thirty_branches()
    {
        var page = await server.SignInAsync(DemoAccounts.Director.Email, DemoAccounts.Password);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Toàn thành phố" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("branch-table").Locator("tbody tr")).ToHaveCountAsync(30);
        await Assertions.Expect(page.GetByTestId("branch-table")).ToContainTextAsync("Hoàn Kiếm");
        await WorkbenchServer.ScreenshotAsync(page, "home-director");

        // The city view is live: a change committed anywhere reaches it without a reload.
        var table = page.GetByTestId("branch-table");
        await Assertions.Expect(table).ToHaveAttributeAsync("data-live", "on");
        var before = await table.GetAttributeAsync("data-live-seq");
        await server.Services.GetRequiredService<ILiveEvents>().PublishAsync(LiveEventKind.ApplicationChanged, 5, 1, TestContext.Current.CancellationToken);
        await Assertions.Expect(table).Not.ToHaveAttributeAsync("data-live-seq", before ?? "0");
    }

    [Fact]
    public async Task An_administrator_signs_in_and_reaches_the_branch_list()
    {
        var page = await server.SignInAsync(DemoAccounts.Admin.Email, DemoAccounts.Password);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quản trị hệ thống" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Chi nhánh", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/admin/branches");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Ba Đình");
        await WorkbenchServer.ScreenshotAsync(page, "admin-branches");
    }

    [Fact]
    public async Task The_main_pages_run_under_the_content_security_policy_without_a_violation()
    {
        var page = await server.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(m.Text);
        };
        page.PageError += (_, e) => violations.Add("page error: " + e);
        // Playwright's init script is not subject to the page's CSP: it records every violation the browser reports.
        await page.AddInitScriptAsync(
            "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");

        var login = await page.GotoAsync("/account/login");
        Assert.Contains("frame-ancestors 'none'", await login!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        await page.FillAsync("#email", DemoAccounts.Director.Email);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        // Interactive under the CSP: the circuit is up (the live table says so) and a click navigates within it.
        await Assertions.Expect(page.GetByTestId("branch-table")).ToHaveAttributeAsync("data-live", "on");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nên đến chi nhánh nào?" }).First.ClickAsync();
        await page.WaitForURLAsync("**/where-to-go");
        foreach (var path in new[] { "/director/pool-policy", "/tra-cuu", $"/kiosk/{DemoAccounts.Clerk.BranchCode}", $"/display/{DemoAccounts.Clerk.BranchCode}" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        await WorkbenchServer.ScreenshotAsync(page, "csp-lobby-display");

        violations.AddRange(await page.EvaluateAsync<string[]>("window.__csp"));
        Assert.True(violations.Count == 0, "CSP violations:\n" + string.Join('\n', violations));
    }
}
