using System.Net;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Hosting;
using HanoiWorkbench.Workbench.Tests.Search;
using Microsoft.EntityFrameworkCore;
using HanoiWorkbench.Workbench.Endpoints;

namespace HanoiWorkbench.Workbench.Tests.Applications;

/// <summary>A browser saves a download under the response's Content-Disposition name, whatever the link's download attribute says.</summary>
public sealed class A_form_arrives_under_the_name_the_page_offers(SearchHost host) : IClassFixture<SearchHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_receipt_is_giay_tiep_nhan_and_its_code()
    {
        var (id, code) = await host.QueryAsync(async db =>
        {
            var a = await db.Applications
                .Where(a => a.ReceivedAt != null && a.DueAt != null && db.Branches.Any(b => b.Id == a.ReceivingBranchId && b.Code == DemoAccounts.Clerk.BranchCode))
                .Select(a => new { a.Id, a.Code }).FirstAsync(Ct);
            return (a.Id, a.Code);
        });
        var clerk = await host.Factory.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);

        var response = await clerk.GetAsync(ApplicationEndpoints.FormUrl(id, "receipt"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"giay-tiep-nhan-{code}.pdf", ApplicationEndpoints.FileName("receipt", code));
        Assert.Equal(ApplicationEndpoints.FileName("receipt", code), response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }
}
