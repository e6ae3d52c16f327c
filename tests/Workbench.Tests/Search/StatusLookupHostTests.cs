using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using HanoiWorkbench.Workbench.Hosting;
using HanoiWorkbench.Workbench.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using HanoiWorkbench.Workbench.Endpoints;

namespace HanoiWorkbench.Workbench.Tests.Search;

public sealed partial class The_public_status_look_up(SearchHost host) : IClassFixture<SearchHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<(string Code, string Phone4, DateTimeOffset? DueAt, string FullName, string CitizenId)> SomeApplicationAsync() =>
        host.QueryAsync(async db =>
        {
            var a = await db.Applications.AsNoTracking().Where(a => a.DueAt != null).OrderBy(a => a.Id).Skip(3)
                .Select(a => new { a.Code, a.Applicant.Phone, a.DueAt, a.Applicant.FullName, a.Applicant.CitizenId }).FirstAsync(Ct);
            return (a.Code, a.Phone[^4..], a.DueAt, a.FullName, a.CitizenId);
        });

    private static async Task<HttpResponseMessage> PostLookupAsync(HttpClient client, string code, string phone4)
    {
        var form = await client.GetStringAsync($"/tra-cuu?ma={Uri.EscapeDataString(code)}", Ct);
        var token = Token().Match(form).Groups[1].Value;
        return await client.PostAsync("/tra-cuu", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "lookup",
            ["__RequestVerificationToken"] = token,
            ["Input.Code"] = code,
            ["Input.Phone4"] = phone4,
        }), Ct);
    }

    [Fact]
    public async Task The_QR_link_opens_without_sign_in_with_the_code_filled_in()
    {
        var app = await SomeApplicationAsync();
        var client = host.Factory.CreateBrowserLikeClient();
        var response = await client.GetAsync($"/tra-cuu?ma={Uri.EscapeDataString(app.Code)}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await WorkbenchFactory.ReadHtmlAsync(response);
        Assert.Contains($"value=\"{app.Code}\"", html, StringComparison.Ordinal);
        Assert.Contains("4 số cuối điện thoại", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_digits_show_status_steps_and_due_date_but_no_personal_data_and_wrong_ones_a_generic_message()
    {
        var app = await SomeApplicationAsync();
        var client = host.Factory.CreateBrowserLikeClient();

        var right = await WorkbenchFactory.ReadHtmlAsync(await PostLookupAsync(client, app.Code, app.Phone4));
        Assert.Contains("data-testid=\"lookup-result\"", right, StringComparison.Ordinal);
        Assert.Contains(SearchEndpoints.FormatDue(app.DueAt), right, StringComparison.Ordinal);
        Assert.Contains("Đã tiếp nhận", right, StringComparison.Ordinal);
        Assert.DoesNotContain(app.FullName, right, StringComparison.Ordinal);
        Assert.DoesNotContain(app.CitizenId, right, StringComparison.Ordinal);

        var wrongDigits = app.Phone4 == "0000" ? "1111" : "0000";
        var wrong = await WorkbenchFactory.ReadHtmlAsync(await PostLookupAsync(client, app.Code, wrongDigits));
        var unknown = await WorkbenchFactory.ReadHtmlAsync(await PostLookupAsync(client, "000.00.99.H26-200101-0001", app.Phone4));
        Assert.Contains(SearchEndpoints.NotFoundMessage, wrong, StringComparison.Ordinal);
        Assert.Contains(SearchEndpoints.NotFoundMessage, unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("lookup-result", wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_JSON_API_answers_with_the_same_fields_and_the_same_404_for_any_mismatch()
    {
        var app = await SomeApplicationAsync();
        var client = host.Factory.CreateBrowserLikeClient();

        var json = await client.GetFromJsonAsync<JsonElement>($"/api/status?code={Uri.EscapeDataString(app.Code)}&phone4={app.Phone4}", Ct);
        Assert.Equal(app.Code, json.GetProperty("code").GetString());
        Assert.Equal(SearchEndpoints.FormatDue(app.DueAt), json.GetProperty("dueAt").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("receivingBranch").GetString()));
        Assert.True(json.GetProperty("steps").GetArrayLength() >= 1);
        Assert.Equal(["code", "status", "dueAt", "receivingBranch", "steps"], json.EnumerateObject().Select(p => p.Name));

        var wrong = await client.GetAsync($"/api/status?code={Uri.EscapeDataString(app.Code)}&phone4={(app.Phone4 == "0000" ? "1111" : "0000")}", Ct);
        var unknown = await client.GetAsync($"/api/status?code=NOPE-200101-0001&phone4={app.Phone4}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(await wrong.Content.ReadAsStringAsync(Ct), await unknown.Content.ReadAsStringAsync(Ct));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
