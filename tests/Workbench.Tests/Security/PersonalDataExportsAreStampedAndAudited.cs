using System.Globalization;
using System.Net;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Hosting;
using HanoiWorkbench.Workbench.Tests.Search;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using HanoiWorkbench.Workbench.Endpoints;

namespace HanoiWorkbench.Workbench.Tests.Security;

/// <summary>
/// Issue 14, point 4 at the host: every download with personal data (the forms, the tracking book as PDF and Excel) is sent
/// <c>Cache-Control: no-store</c>, prints who exported it and when, and is appended to the audit with the person and the record.
/// </summary>
public sealed class PersonalDataExportsAreStampedAndAudited(SearchHost host) : IClassFixture<SearchHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<(int BranchId, string ClerkName, int ClerkId, long ApplicationId, string Code)> ClerkAndApplicationAsync() => host.QueryAsync(async db =>
    {
        var clerk = await db.Staff.SingleAsync(s => s.Email == DemoAccounts.Clerk.Email, Ct);
        var app = await db.Applications.Where(a => a.HandlingBranchId == clerk.CurrentBranchId && a.ReceivingBranchId == clerk.CurrentBranchId
                && a.ReceivedAt != null && a.DueAt != null).OrderBy(a => a.Id).Select(a => new { a.Id, a.Code }).FirstAsync(Ct);
        return (clerk.CurrentBranchId, clerk.FullName, clerk.Id, app.Id, app.Code);
    });

    private Task<List<AuditEntry>> ExportEntriesAsync(int staffId) => host.QueryAsync(db => db.AuditEntries.AsNoTracking()
        .Where(e => e.Action == PersonalDataExports.ExportAction && e.StaffId == staffId).OrderBy(e => e.Sequence).ToListAsync(Ct));

    private static string PdfText(byte[] pdf) => string.Join("\n", UglyToad.PdfPig.PdfDocument.Open(pdf).GetPages().Select(p => p.Text));

    private static void AssertNoStore(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task A_form_is_sent_no_store_with_the_exporter_in_its_footer_and_an_audit_entry()
    {
        var (_, name, staffId, id, code) = await ClerkAndApplicationAsync();
        using var clerk = await host.Factory.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);
        var before = (await ExportEntriesAsync(staffId)).Count;

        var response = await clerk.GetAsync(ApplicationEndpoints.FormUrl(id, "receipt"), Ct);

        AssertNoStore(response);
        var text = PdfText(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains($"Xuất bởi {name} lúc", text, StringComparison.Ordinal);
        var entries = await ExportEntriesAsync(staffId);
        Assert.Equal(before + 1, entries.Count);
        Assert.Equal((nameof(Application), id.ToString(CultureInfo.InvariantCulture)), (entries[^1].EntityType, entries[^1].EntityId));
        Assert.Contains(code, entries[^1].Details, StringComparison.Ordinal);
        Assert.Equal(DemoAccounts.Clerk.Email, entries[^1].UserName);
    }

    [Fact]
    public async Task A_form_the_application_does_not_have_is_not_audited()
    {
        var (_, _, staffId, id, _) = await ClerkAndApplicationAsync();
        using var clerk = await host.Factory.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);
        var before = (await ExportEntriesAsync(staffId)).Count;

        var response = await clerk.GetAsync($"/applications/{id}/forms/khong-co.pdf", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, (await ExportEntriesAsync(staffId)).Count);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("xlsx")]
    public async Task The_tracking_book_is_sent_no_store_stamped_and_audited(string kind)
    {
        var (branch, name, staffId, _, _) = await ClerkAndApplicationAsync();
        using var clerk = await host.Factory.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var before = (await ExportEntriesAsync(staffId)).Count;

        var response = await clerk.GetAsync($"/applications/book.{kind}?{SearchEndpoints.BookQuery(branch, today.AddDays(-60), today)}", Ct);

        AssertNoStore(response);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var stamp = kind == "pdf"
            ? PdfText(bytes)
            : string.Join("\n", new MemoryStream(bytes).Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
                .Select(r => Convert.ToString(r["Mã hồ sơ"], CultureInfo.InvariantCulture)));
        Assert.Contains($"Xuất bởi {name} lúc", stamp, StringComparison.Ordinal);
        var entries = await ExportEntriesAsync(staffId);
        Assert.Equal(before + 1, entries.Count);
        Assert.Equal(("Branch", branch.ToString(CultureInfo.InvariantCulture)), (entries[^1].EntityType, entries[^1].EntityId));
        Assert.Contains($".{kind}", entries[^1].Details, StringComparison.Ordinal);
    }
}
