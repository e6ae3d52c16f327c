using System.Text.RegularExpressions;
using HanoiWorkbench.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd;

[Collection(WorkbenchCollection.Name)]
public sealed partial class QueueJourneyTests(WorkbenchServer server)
{
    [Fact]
    public async Task A_ticket_taken_at_the_kiosk_is_called_at_the_counter_and_announced_on_the_lobby_display_without_reload()
    {
        // Other journeys (the map's, the dashboard's) take tickets at BR03 and may leave one waiting: this journey counts
        // and calls from an empty queue, as at opening time.
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken))
            await db.Tickets.Where(t => t.Status == HanoiWorkbench.Core.Domain.TicketStatus.Waiting && db.Branches.Any(b => b.Id == t.BranchId && b.Code == "BR03"))
                .ExecuteDeleteAsync(TestContext.Current.CancellationToken);

        // The lobby display: a plain page listening to the hub.
        var display = await server.NewPageAsync();
        await display.GotoAsync("/display/BR03");
        await Assertions.Expect(display.Locator("#branch-name")).ToContainTextAsync("Tây Hồ");
        await Assertions.Expect(display.Locator("#link.on")).ToBeVisibleAsync();

        // The kiosk: choose a group, see the wait, take a ticket.
        var kiosk = await server.NewPageAsync();
        await kiosk.GotoAsync("/kiosk/BR03");
        await kiosk.Locator("h1[data-interactive=true]").WaitForAsync();
        await kiosk.GetByTestId("group-A").ClickAsync();
        await Assertions.Expect(kiosk.GetByTestId("kiosk-estimate")).ToContainTextAsync("Thời gian chờ dự kiến");
        await WorkbenchServer.ScreenshotAsync(kiosk, "queue-kiosk-choose");
        await kiosk.GetByTestId("take-ticket").ClickAsync();
        var number = (await kiosk.GetByTestId("ticket-number").InnerTextAsync()).Trim();
        Assert.Matches(TicketNumber(), number);
        await Assertions.Expect(kiosk.GetByTestId("ticket-slip")).ToContainTextAsync("Số người chờ trước bạn");
        await WorkbenchServer.ScreenshotAsync(kiosk, "queue-kiosk-ticket");

        // The display counts the new ticket as waiting, without a reload.
        await Assertions.Expect(display.GetByTestId("groups")).ToContainTextAsync("1 người chờ");

        // The clerk opens a counter and calls next.
        var counter = await server.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);
        await counter.GotoAsync("/counter");
        await counter.Locator("h1[data-interactive=true]").WaitForAsync();
        // Another journey may have left the clerk seated: then the counter is open already.
        if (await counter.GetByTestId("open-counter").IsVisibleAsync()) await counter.GetByTestId("open-counter").ClickAsync();
        await Assertions.Expect(counter.GetByTestId("call-next")).ToBeEnabledAsync();
        await counter.GetByTestId("call-next").ClickAsync();
        await Assertions.Expect(counter.GetByTestId("current-number")).ToHaveTextAsync(number);
        var counterName = (await counter.GetByTestId("counter-status").Locator("h6").InnerTextAsync()).Trim();
        var counterNumber = Regex.Match(counterName, "\\d+").Value;
        await WorkbenchServer.ScreenshotAsync(counter, "queue-counter");

        await Assertions.Expect(display.GetByTestId("current-call")).ToContainTextAsync($"Mời số {number} đến quầy {counterNumber}");
        await Assertions.Expect(display.GetByTestId("recent-calls")).ToContainTextAsync(number);
        await WorkbenchServer.ScreenshotAsync(display, "queue-display");
        await display.SetViewportSizeAsync(1920, 1080);
        await WorkbenchServer.ScreenshotAsync(display, "queue-display-1080");

        // Start and finish: the counter is free again and the figures count the citizen served.
        await counter.GetByTestId("start").ClickAsync();
        await counter.GetByTestId("finish").ClickAsync();
        await Assertions.Expect(counter.GetByTestId("call-next")).ToBeVisibleAsync();
        await Assertions.Expect(counter.GetByTestId("clerk-figures")).ToContainTextAsync("Đã phục vụ");
    }

    [Fact]
    public async Task A_double_tap_on_take_ticket_at_the_kiosk_gives_one_ticket()
    {
        var kiosk = await server.NewPageAsync();
        await kiosk.GotoAsync("/kiosk/BR05");
        await kiosk.Locator("h1[data-interactive=true]").WaitForAsync();
        await kiosk.Locator("[data-testid^=group-]").First.ClickAsync();
        await kiosk.GetByTestId("take-ticket").DblClickAsync();
        var number = (await kiosk.GetByTestId("ticket-number").InnerTextAsync()).Trim();
        // "Xong" travels the circuit after both taps: once the form is back, the second tap has been handled.
        await kiosk.GetByTestId("done").ClickAsync();
        await kiosk.GetByTestId("kiosk-groups").WaitForAsync();

        await using var db = await server.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);
        var tickets = await db.Tickets.Where(t => db.Branches.Any(b => b.Id == t.BranchId && b.Code == "BR05"))
            .Select(t => t.Number).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([number], tickets);
    }

    [GeneratedRegex("^[A-Z]\\d{3,4}$")]
    private static partial Regex TicketNumber();
}
