using HanoiWorkbench.Core.Reception;
using HanoiWorkbench.Workbench.Endpoints;
using System.Net;
using System.Text.RegularExpressions;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Ratings;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Applications;
using HanoiWorkbench.Data.Ratings;
using HanoiWorkbench.Workbench.Hosting;
using HanoiWorkbench.Workbench.Tests.Hosting;
using HanoiWorkbench.Workbench.Tests.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Rating;

/// <summary>A host with its own rating budget of three a minute, so the limit is reached without many requests.</summary>
public sealed class RatingHost : IAsyncDisposable
{
    public WorkbenchFactory Factory { get; } = new("Testing", demo: true, new Dictionary<string, string?> { ["Ratings:PermitsPerMinute"] = "3" });

    /// <summary>An application received just now at the demo clerk's branch, and the clerk's receipt of it (PDF text).</summary>
    public async Task<(long Id, string ReceiptText)> ReceivedWithReceiptAsync(CancellationToken ct)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(ct);
        var clerk = await db.Staff.AsNoTracking().SingleAsync(s => s.Email == DemoAccounts.Clerk.Email, ct);
        var procedure = await db.Procedures.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Id).FirstAsync(ct);
        var area = await db.Areas.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(ct);
        var saved = await Factory.Services.GetRequiredService<ReceptionService>().ReceiveAsync(new ReceptionRequest(procedure.Id, area,
            "Nguyễn Thị Mai", "001190012345", 1990, false, "0912345678", "12 Hàng Bông, Hà Nội",
            procedure.RequiredDocuments.Select(d => new DocumentTick(d, true, 1)).ToList()), new Actor(clerk.Id, clerk.CurrentBranchId), ct);
        var id = saved.ApplicationId ?? throw new InvalidOperationException(string.Join("; ", saved.Errors.Values));
        var client = await Factory.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);
        var pdf = await client.GetByteArrayAsync(ApplicationEndpoints.FormUrl(id, "receipt"), ct);
        return (id, PdfText.All(pdf));
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

public sealed class RatingFromTheReceiptOverHttp(RatingHost host) : IClassFixture<RatingHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpResponseMessage Response, string Html)> PostAsync(HttpClient client, string path, string html, Dictionary<string, string> fields)
    {
        fields["_handler"] = "rate";
        fields["__RequestVerificationToken"] = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
        return (response, await WorkbenchFactory.ReadHtmlAsync(response));
    }

    [Fact]
    public async Task The_receipt_prints_a_signed_link_that_rates_the_visit_once_without_signing_in_and_the_budget_is_per_address()
    {
        var (id, receipt) = await host.ReceivedWithReceiptAsync(Ct);
        var link = Regex.Match(receipt, Regex.Escape(WorkbenchFactory.PublicBaseUrl) + "(/danh-gia/h[0-9]+\\.[A-Za-z0-9_-]{22})");
        Assert.True(link.Success, receipt);
        var path = link.Groups[1].Value;
        Assert.Equal(new VisitRef(VisitKind.Application, id), await host.Factory.Services.GetRequiredService<RatingKeys>().ReadVisitAsync(path["/danh-gia/".Length..], Ct));

        using var citizen = host.Factory.CreateBrowserLikeClient();
        var page = await citizen.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await WorkbenchFactory.ReadHtmlAsync(page);
        Assert.Contains("data-testid=\"rate-Dissatisfied\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Thị Mai", html, StringComparison.Ordinal); // whoever holds the link sees no personal data

        // "Không hài lòng" asks for a reason first; a reason without the required words changes nothing.
        var (_, ask) = await PostAsync(citizen, path, html, new() { ["Input.Level"] = "Dissatisfied" });
        Assert.Contains("data-testid=\"reason-LongWait\"", ask, StringComparison.Ordinal);
        var (_, refused) = await PostAsync(citizen, path, ask, new() { ["Input.Level"] = "Dissatisfied", ["Input.Step"] = "reason", ["Input.Reason"] = "Other" });
        Assert.Contains("Vui lòng ghi rõ lý do khác.", refused, StringComparison.Ordinal);
        Assert.Equal(0, await RatingsOfAsync(id));

        var (_, thanks) = await PostAsync(citizen, path, refused,
            new() { ["Input.Level"] = "Dissatisfied", ["Input.Step"] = "reason", ["Input.Reason"] = "Other", ["Input.Comment"] = "Phải chờ cán bộ đi họp" });
        Assert.Contains("data-testid=\"rating-thanks\"", thanks, StringComparison.Ordinal);
        Assert.Equal(1, await RatingsOfAsync(id));

        // The fourth post of this address in the minute is refused: 429 and the Vietnamese reason, nothing stored.
        var (limited, limitedHtml) = await PostAsync(citizen, path, html, new() { ["Input.Level"] = "Satisfied" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains(RatingThrottle.TooMany, limitedHtml, StringComparison.Ordinal);

        var forged = await citizen.GetAsync("/danh-gia/h" + (id + 1) + path[path.IndexOf('.', StringComparison.Ordinal)..], Ct);
        Assert.Contains(RatingResult.NotFoundMessage, await WorkbenchFactory.ReadHtmlAsync(forged), StringComparison.Ordinal);
        var again = await WorkbenchFactory.ReadHtmlAsync(await citizen.GetAsync(path, Ct));
        Assert.Contains("data-testid=\"rating-given\">Không hài lòng", again, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"rate-Satisfied\"", again, StringComparison.Ordinal);
    }

    private async Task<int> RatingsOfAsync(long id)
    {
        await using var db = await host.Factory.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        return await db.Ratings.CountAsync(r => r.ApplicationId == id, Ct);
    }
}
