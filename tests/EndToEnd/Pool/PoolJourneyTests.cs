using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Pool;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd.Pool;

[Collection(WorkbenchCollection.Name)]
public sealed class PoolJourneyTests(WorkbenchServer server)
{
    private async Task SubmitOnlineAsync(int n)
    {
        var intake = server.Services.GetRequiredService<OnlineIntake>();
        for (var i = 0; i < n; i++)
            await intake.SubmitAsync(new IntakeSubmission("1.001193", "003",
                new IntakeApplicant("Nguyễn Thị Hoa", "001099" + (200000 + i), "0912345678", "12 Xuân Diệu, Tây Hồ"),
                [new IntakeDocument("Tờ khai đăng ký khai sinh", 1)]), Guid.NewGuid().ToString());
    }

    /// <summary>Navigates and waits for the Blazor circuit (its WebSocket), so clicks reach the server.</summary>
    private static async Task GoInteractiveAsync(IPage page, string url)
    {
        var frames = new TaskCompletionSource();
        page.WebSocket += (_, ws) => ws.FrameReceived += (_, _) => frames.TrySetResult();
        await page.GotoAsync(url);
        await frames.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    [Fact]
    public async Task A_clerk_takes_the_next_item_from_the_pool_and_sees_it_among_their_claims()
    {
        // Other journeys may have left work in the pool that comes before these submissions (a reception's processing
        // item due sooner): the page must show whatever the pool gave, so the test asks the pool what that was.
        await SubmitOnlineAsync(3);
        var pool = server.Services.GetRequiredService<WorkPool>();
        var clerkId = await ClerkIdAsync();
        var before = (await pool.ClaimedByAsync(clerkId, Ct)).Select(c => c.Id).ToHashSet();
        var page = await server.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);
        await GoInteractiveAsync(page, "/pool");
        await page.GetByTestId("take-next").ClickAsync();

        var claims = page.GetByTestId("my-claims");
        await Assertions.Expect(claims.Locator("tbody tr")).ToHaveCountAsync(before.Count + 1);
        var taken = Assert.Single(await pool.ClaimedByAsync(clerkId, Ct), c => !before.Contains(c.Id));
        await Assertions.Expect(claims).ToContainTextAsync(taken.ApplicationCode);

        // The toast that confirms it must not lie over the button just pressed (the next press would land on the toast).
        var toast = page.Locator(".mud-snackbar").Filter(new() { HasText = taken.ApplicationCode });
        await Assertions.Expect(toast).ToBeVisibleAsync();
        var t = (await toast.BoundingBoxAsync())!;
        var b = (await page.GetByTestId("take-next").BoundingBoxAsync())!;
        Assert.True(t.X >= b.X + b.Width || b.X >= t.X + t.Width || t.Y >= b.Y + b.Height || b.Y >= t.Y + t.Height,
            $"toast at ({t.X}, {t.Y}, {t.Width}x{t.Height}) covers the button at ({b.X}, {b.Y}, {b.Width}x{b.Height})");
        await WorkbenchServer.ScreenshotAsync(page, "pool-clerk");

        // Leave the pool as found for the other journeys.
        await pool.ReleaseAsync(taken.Id, clerkId, Ct);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> ClerkIdAsync()
    {
        var factory = server.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<WorkbenchDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        return db.Staff.Where(s => s.Email == DemoAccounts.Clerk.Email).Select(s => s.Id).Single();
    }

    [Fact]
    public async Task A_director_sees_branch_loads_and_a_policy_error_beside_its_field()
    {
        await SubmitOnlineAsync(2);
        var page = await server.SignInAsync(DemoAccounts.Director.Email, DemoAccounts.Password);
        await GoInteractiveAsync(page, "/pool");
        await Assertions.Expect(page.GetByTestId("branch-loads").Locator("tbody tr")).ToHaveCountAsync(10);
        await WorkbenchServer.ScreenshotAsync(page, "pool-director");

        await GoInteractiveAsync(page, "/director/pool-policy");
        var timeout = page.GetByLabel("Thời gian giữ việc tối đa khi không thao tác (phút)");
        await timeout.FillAsync("1");
        await timeout.BlurAsync();
        await page.GetByTestId("save-policy").ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("phải từ 5 đến 480");
        await WorkbenchServer.ScreenshotAsync(page, "pool-policy");
    }

    [Fact]
    public async Task Hotline_staff_and_the_kiosk_rank_branches_for_an_area()
    {
        var page = await server.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);
        await page.GotoAsync("/where-to-go");
        await page.Locator("[data-testid=where-search][data-interactive=true]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("where-results")).ToBeVisibleAsync();
        await WorkbenchServer.ScreenshotAsync(page, "where-to-go");

        var kiosk = await server.NewPageAsync();
        await kiosk.GotoAsync("/kiosk/where-to-go");
        await kiosk.Locator("[data-testid=where-search][data-interactive=true]").ClickAsync();
        await Assertions.Expect(kiosk.GetByTestId("where-results")).ToBeVisibleAsync();
        await WorkbenchServer.ScreenshotAsync(kiosk, "where-to-go-kiosk");
    }
}
