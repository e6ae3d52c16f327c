using System.Text.RegularExpressions;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Queue;
using HanoiWorkbench.Data.Ratings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd;

/// <summary>A citizen rates without an account: from the receipt's QR link on a phone, and on a counter's tablet.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed class RatingJourneyTests(WorkbenchServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_citizen_opens_the_receipts_rating_link_on_a_phone_and_says_why_not_satisfied()
    {
        var app = await StatusLookupTests.ReceiveOneAsync(server, "Đỗ Minh Khang", "0911222333");
        var clerk = await server.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);
        await clerk.GotoAsync($"/applications/{app.Id}?moi=1"); // as after reception: the banner offers the receipt
        var download = await clerk.RunAndWaitForDownloadAsync(() => clerk.GetByTestId("download-receipt").ClickAsync());
        var path = Path.Combine(WorkbenchServer.ArtefactFolder, "receipt-with-rating-link.pdf");
        await download.SaveAsAsync(path);
        var receipt = ReceptionJourneyTests.PdfText(await File.ReadAllBytesAsync(path, Ct));
        var link = Regex.Match(receipt, @"https?://\S+/danh-gia/h" + app.Id + @"\.[A-Za-z0-9_-]{22}");
        Assert.True(link.Success, receipt);

        var phone = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "vi-VN",
        });
        var citizen = await phone.NewPageAsync();
        await citizen.GotoAsync(link.Value);
        await Assertions.Expect(citizen.GetByTestId("rating-code")).ToHaveTextAsync(app.Code);
        await Assertions.Expect(citizen.Locator("body")).Not.ToContainTextAsync("Đỗ Minh Khang");
        Assert.True(await citizen.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the phone");
        await WorkbenchServer.ScreenshotAsync(citizen, "rating-phone");

        await citizen.GetByTestId("rate-Dissatisfied").ClickAsync();
        await citizen.GetByTestId("rating-send").ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("error-Reason")).ToHaveTextAsync("Vui lòng chọn lý do Ông/Bà chưa hài lòng.");
        await citizen.GetByTestId("reason-LongWait").CheckAsync();
        await citizen.GetByTestId("rating-comment").FillAsync("Chờ gần một tiếng mới đến lượt");
        await WorkbenchServer.ScreenshotAsync(citizen, "rating-phone-reasons");
        await citizen.GetByTestId("rating-send").ClickAsync();

        await Assertions.Expect(citizen.GetByTestId("rating-given")).ToHaveTextAsync("Không hài lòng");
        await WorkbenchServer.ScreenshotAsync(citizen, "rating-phone-thanks");
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        var rating = await db.Ratings.AsNoTracking().SingleAsync(r => r.ApplicationId == app.Id, Ct);
        Assert.Equal("Chờ gần một tiếng mới đến lượt", rating.Comment);
        await phone.CloseAsync();
    }

    [Fact]
    public async Task The_tablet_beside_a_counter_shows_the_ticket_being_served_and_fits_the_screen()
    {
        // A counter of BR07, which no other journey uses; the counter is closed again at the end.
        var services = server.Services;
        var queue = services.GetRequiredService<QueueService>();
        int staffId, counterId, branchId, groupId;
        await using (var db = await services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct))
        {
            branchId = await db.Branches.Where(b => b.Code == "BR07").Select(b => b.Id).SingleAsync(Ct);
            staffId = await db.Staff.Where(s => s.CurrentBranchId == branchId && s.Role == StaffRole.Clerk && s.IsActive && s.CurrentCounterId == null)
                .OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Ct);
            var counter = await db.Counters.Include(c => c.ServiceGroups).Where(c => c.BranchId == branchId && !c.IsOpen).OrderBy(c => c.Number).FirstAsync(Ct);
            counterId = counter.Id;
            groupId = counter.ServiceGroups.OrderBy(g => g.Letter).First().Id;
        }
        await queue.OpenCounterAsync(staffId, counterId, [groupId], Ct);
        try
        {
            var issued = await queue.IssueTicketAsync(branchId, groupId, PriorityCategory.None, Ct);
            Assert.Equal(issued.TicketId, (await queue.CallNextAsync(staffId, counterId, Ct))!.Id);
            await queue.StartAsync(staffId, issued.TicketId, Ct);

            var tablet = await server.NewPageAsync();
            await tablet.GotoAsync("/danh-gia/quay/" + await services.GetRequiredService<RatingKeys>().CounterTokenAsync(counterId, Ct));
            await Assertions.Expect(tablet.GetByTestId("counter-tablet")).ToHaveAttributeAsync("data-live", "on", new() { Timeout = 30_000 });
            await Assertions.Expect(tablet.GetByTestId("rating-ticket")).ToHaveTextAsync(issued.Number);
            Assert.True(await tablet.EvaluateAsync<bool>("document.documentElement.scrollHeight <= window.innerHeight"), "the tablet page scrolls at 1366×768");
            await WorkbenchServer.ScreenshotAsync(tablet, "rating-tablet");

            await tablet.GetByTestId("rate-VerySatisfied").ClickAsync();
            await Assertions.Expect(tablet.GetByTestId("rating-given")).ToHaveTextAsync("Rất hài lòng");
            await queue.FinishAsync(staffId, issued.TicketId, Ct);
            await WorkbenchServer.ScreenshotAsync(tablet, "rating-tablet-thanks");
        }
        finally
        {
            await queue.CloseCounterAsync(staffId, Ct);
        }
    }
}
