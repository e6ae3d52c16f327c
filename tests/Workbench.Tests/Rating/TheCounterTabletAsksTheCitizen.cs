using Bunit;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Ratings;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Queue;
using HanoiWorkbench.Data.Ratings;
using HanoiWorkbench.Workbench.Components.Pages.Rating;
using HanoiWorkbench.Workbench.Hosting;
using HanoiWorkbench.Workbench.Realtime;
using HanoiWorkbench.Workbench.Tests.LivePages;
using HanoiWorkbench.Workbench.Tests.Shell;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Workbench.Tests.Rating;

/// <summary>
/// The tablet of the demo clerk's counter (BR03) on the real bus, rating services and a seeded SQLite copy, on Monday 9 March
/// 2026 at 09:00: it shows the ticket being served, asks "Không hài lòng" for a reason, stores one rating, and follows the counter.
/// </summary>
public sealed class TheCounterTabletAsksTheCitizen : LiveBranchContext
{
    public TheCounterTabletAsksTheCitizen() => Services.AddWorkbenchRatings();

    /// <summary>Issues a ticket and serves the next one at the clerk's counter (the context's first ticket waits ahead).</summary>
    private async Task<long> ServeNextAsync()
    {
        await Queue.IssueTicketAsync(Clerk.CurrentBranchId, GroupId, PriorityCategory.None, Ct);
        var called = await Queue.CallNextAsync(Clerk.Id, CounterId, Ct);
        await Queue.StartAsync(Clerk.Id, called!.Id, Ct);
        return called.Id;
    }

    private async Task<IRenderedComponent<CounterTabletPage>> RenderTabletAsync()
    {
        var token = await Services.GetRequiredService<RatingKeys>().CounterTokenAsync(CounterId, Ct);
        var cut = Render<CounterTabletPage>(p => p.Add(x => x.Token, token));
        cut.WaitForAssertion(() => Assert.Equal("on", cut.Find("[data-testid=counter-tablet]").GetAttribute("data-live")));
        return cut;
    }

    [Fact]
    public async Task Not_satisfied_needs_a_reason_then_the_rating_is_stored_once_for_the_serving_clerk()
    {
        var ticket = await ServeNextAsync();
        var cut = await RenderTabletAsync();
        var number = await Ticket(ticket);
        cut.WaitForAssertion(() => Assert.Equal(number, cut.Find("[data-testid=rating-ticket]").TextContent));
        Assert.Contains(Clerk.FullName, cut.Find("[data-testid=rating-visit]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=rate-Dissatisfied]").Click();
        Assert.Equal(RatingRules.Reasons.Count, cut.FindAll("[data-testid=rating-reasons] button").Count);
        cut.Find("[data-testid=rating-send]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Vui lòng chọn lý do Ông/Bà chưa hài lòng.", cut.Find("[data-testid=error-Reason]").TextContent));
        Assert.Equal(0, await RatingsAsync());

        cut.Find("[data-testid=reason-Other]").Click();
        cut.Find("[data-testid=rating-send]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Vui lòng ghi rõ lý do khác.", cut.Find("[data-testid=error-Comment]").TextContent));
        cut.Find("[data-testid=rating-comment]").Input("Không có chỗ để xe máy");
        cut.Find("[data-testid=rating-send]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Không hài lòng", cut.Find("[data-testid=rating-given]").TextContent));
        await using var db = await Db.CreateDbContextAsync(Ct);
        var rating = await db.Ratings.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((ticket, Clerk.Id, RatingChannel.Tablet, DissatisfactionReason.Other, "Không có chỗ để xe máy"),
            (rating.TicketId!.Value, rating.StaffId!.Value, rating.Channel, rating.Reason!.Value, rating.Comment));
    }

    [Fact]
    public async Task The_tablet_follows_the_counter_from_one_citizen_to_the_next()
    {
        var cut = await RenderTabletAsync();
        Assert.NotNull(cut.Find("[data-testid=tablet-idle]"));

        var first = await ServeNextAsync();
        var firstNumber = await Ticket(first);
        cut.WaitForAssertion(() => Assert.Equal(firstNumber, cut.Find("[data-testid=rating-ticket]").TextContent));
        cut.Find("[data-testid=rate-VerySatisfied]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Rất hài lòng", cut.Find("[data-testid=rating-given]").TextContent));

        Clock.Advance(TimeSpan.FromMinutes(6));
        await Queue.FinishAsync(Clerk.Id, first, Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await ServeNextAsync();
        var secondNumber = await Ticket(second);
        cut.WaitForAssertion(() => Assert.Equal(secondNumber, cut.Find("[data-testid=rating-ticket]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=rating-thanks]"));
        Assert.Equal(1, await RatingsAsync());
    }

    [Fact]
    public void A_made_up_address_opens_nothing()
    {
        var cut = Render<CounterTabletPage>(p => p.Add(x => x.Token, "q1.AAAAAAAAAAAAAAAAAAAAAA"));
        cut.WaitForAssertion(() => Assert.Contains("không hợp lệ", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=rate-VerySatisfied]"));
    }

    private async Task<string> Ticket(long id)
    {
        await using var db = await Db.CreateDbContextAsync(Ct);
        return await db.Tickets.AsNoTracking().Where(t => t.Id == id).Select(t => t.Number).SingleAsync(Ct);
    }

    private async Task<int> RatingsAsync()
    {
        await using var db = await Db.CreateDbContextAsync(Ct);
        return await db.Ratings.CountAsync(Ct);
    }
}
