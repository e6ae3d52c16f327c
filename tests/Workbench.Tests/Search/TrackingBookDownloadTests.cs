using System.Globalization;
using System.Net;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Hosting;
using Microsoft.EntityFrameworkCore;
using HanoiWorkbench.Workbench.Endpoints;

namespace HanoiWorkbench.Workbench.Tests.Search;

public sealed class Tracking_book_downloads(SearchHost host) : IClassFixture<SearchHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<(int Own, int Other)> BranchesAsync() => host.QueryAsync(async db =>
    {
        var own = await db.Branches.Where(b => b.Code == DemoAccounts.Clerk.BranchCode).Select(b => b.Id).FirstAsync(Ct);
        var other = await db.Branches.Where(b => b.Id != own).Select(b => b.Id).FirstAsync(Ct);
        return (own, other);
    });

    private static string Query(int branch)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        return SearchEndpoints.BookQuery(branch, today.AddDays(-60), today);
    }

    [Theory]
    [InlineData("pdf", "application/pdf")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task A_clerk_downloads_the_own_branch_book_and_is_refused_another_branch(string kind, string contentType)
    {
        var (own, other) = await BranchesAsync();
        var clerk = await host.Factory.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);

        var mine = await clerk.GetAsync($"/applications/book.{kind}?{Query(own)}", Ct);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(contentType, mine.Content.Headers.ContentType?.MediaType);
        var bytes = await mine.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(kind == "pdf" ? bytes.AsSpan(0, 4).SequenceEqual("%PDF"u8) : bytes.AsSpan(0, 2).SequenceEqual("PK"u8));

        var theirs = await clerk.GetAsync($"/applications/book.{kind}?{Query(other)}", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
    }

    [Fact]
    public async Task The_PDF_lists_the_applications_received_in_the_period_and_a_director_may_open_any_branch()
    {
        var (_, other) = await BranchesAsync();
        var director = await host.Factory.SignInAsync(DemoAccounts.Director.Email, DemoAccounts.Password);
        var response = await director.GetAsync($"/applications/book.pdf?{Query(other)}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = string.Concat(UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct)).GetPages().Select(p => p.Text));
        Assert.Contains("SỔ THEO DÕI HỒ SƠ", text, StringComparison.Ordinal);

        var anonymous = await host.Factory.CreateBrowserLikeClient().GetAsync($"/applications/book.pdf?{Query(other)}", Ct);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        var bad = await director.GetAsync($"/applications/book.pdf?branch={other.ToString(CultureInfo.InvariantCulture)}&from=2026-02-01&to=2026-01-01", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
