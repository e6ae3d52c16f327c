using System.Net;
using System.Text.Json;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Queue;
using HanoiWorkbench.Workbench.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Queue;

public sealed class LobbyDisplayAndKioskOverHttp(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_display_state_is_anonymous_and_carries_numbers_and_counters_but_no_personal_data()
    {
        var queue = factory.Services.GetRequiredService<QueueService>();
        var (branchId, groupId, staffId, counterId) = await SeatTheDemoClerkAsync();
        await queue.IssueTicketAsync(branchId, groupId, PriorityCategory.Elderly, Ct);
        var called = (await queue.CallNextAsync(staffId, counterId, Ct))!;
        var client = factory.CreateBrowserLikeClient();

        var response = await client.GetAsync("/api/display/BR03", Ct);
        var json = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(json);
        var current = doc.RootElement.GetProperty("current").EnumerateArray().ToList();
        Assert.Contains(current, c => c.GetProperty("number").GetString() == called.Number);
        Assert.Contains(doc.RootElement.GetProperty("groups").EnumerateArray(), g => g.GetProperty("letter").GetString() == "A");
        Assert.Equal(branchId, doc.RootElement.GetProperty("branchId").GetInt32());
        foreach (var personal in new[] { "staff", "fullName", "email", "applicant", "citizen", "phone", "Nguyễn" })
            Assert.DoesNotContain(personal, json, StringComparison.OrdinalIgnoreCase);
        await queue.FinishAsync(staffId, called.Id, Ct);
    }

    [Fact]
    public async Task An_unknown_branch_gets_a_json_404_and_the_display_page_is_served_without_sign_in()
    {
        var client = factory.CreateBrowserLikeClient();

        var missing = await client.GetAsync("/api/display/NOPE", Ct);
        var page = await client.GetAsync("/display/BR03", Ct);
        var script = await client.GetAsync("/lib/signalr/signalr.min.js", Ct);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Không tìm thấy chi nhánh", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("/lib/signalr/signalr.min.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("_framework/blazor", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task The_kiosk_needs_no_sign_in_shows_the_wait_and_a_ticket_it_issues_reaches_the_display()
    {
        var client = factory.CreateBrowserLikeClient();
        var before = await GroupWaitingAsync(client, "A");

        var kiosk = await client.GetAsync("/kiosk/BR03", Ct);
        var html = await WorkbenchFactory.ReadHtmlAsync(kiosk);
        var queue = factory.Services.GetRequiredService<QueueService>();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        var branch = await db.Branches.SingleAsync(b => b.Code == "BR03", Ct);
        var groupA = await db.ServiceGroups.SingleAsync(g => g.Letter == "A", Ct);
        var issued = await queue.IssueTicketAsync(branch.Id, groupA.Id, PriorityCategory.None, Ct);

        Assert.Equal(HttpStatusCode.OK, kiosk.StatusCode);
        Assert.Contains("Chọn lĩnh vực cần giải quyết", html, StringComparison.Ordinal);
        Assert.Contains("Hộ tịch", html, StringComparison.Ordinal);
        Assert.Contains("Không ưu tiên", html, StringComparison.Ordinal);
        Assert.Matches("^A\\d{3}$", issued.Number);
        Assert.Equal(before, issued.PeopleAhead);
        Assert.Equal(before + 1, await GroupWaitingAsync(client, "A"));
    }

    private async Task<int> GroupWaitingAsync(HttpClient client, string letter)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/display/BR03", Ct));
        return doc.RootElement.GetProperty("groups").EnumerateArray()
            .Single(g => g.GetProperty("letter").GetString() == letter).GetProperty("waiting").GetInt32();
    }

    private async Task<(int BranchId, int GroupId, int StaffId, int CounterId)> SeatTheDemoClerkAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        var clerk = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.Clerk.Email, Ct);
        var counter = await db.Counters.Where(c => c.BranchId == clerk.CurrentBranchId).OrderBy(c => c.Number).FirstAsync(Ct);
        var groupA = await db.ServiceGroups.SingleAsync(g => g.Letter == "A", Ct);
        await factory.Services.GetRequiredService<QueueService>().OpenCounterAsync(clerk.Id, counter.Id, [groupA.Id], Ct);
        return (clerk.CurrentBranchId, groupA.Id, clerk.Id, counter.Id);
    }
}
