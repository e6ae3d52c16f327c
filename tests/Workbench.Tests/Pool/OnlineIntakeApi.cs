using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HanoiWorkbench.Core.Pool;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Pool;

/// <summary>The portal's view of <c>POST /api/applications</c>, against the real host on a temp SQLite file.</summary>
public sealed class OnlineIntakeApi : IClassFixture<OnlineIntakeApi.Host>
{
    public const string Key = "portal-test-key-0123456789";

    public sealed class Host : IDisposable
    {
        public WorkbenchFactory Factory { get; } = new();
        public WebApplicationFactory<Program> App { get; }

        public Host()
        {
            App = Factory.WithWebHostBuilder(b => b.UseSetting("Intake:ApiKeys:0", Key));
        }

        public void Dispose()
        {
            App.Dispose();
            Factory.Dispose();
        }
    }

    private readonly Host _host;
    private readonly HttpClient _client;

    public OnlineIntakeApi(Host host)
    {
        _host = host;
        _client = host.App.CreateClient();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Valid(string citizenId = "001099012345", string procedure = "1.001193") => new
    {
        procedureCode = procedure,
        areaCode = "003",
        applicant = new { fullName = "Nguyễn Thị Hoa", citizenId, phone = "0912 345 678", address = "12 Xuân Diệu, Tây Hồ" },
        documents = new[] { new { name = "Tờ khai đăng ký khai sinh", count = 1 }, new { name = "Giấy chứng sinh", count = 1 } },
    };

    private HttpRequestMessage Post(object? body, string? key = Key, string? idempotencyKey = null, string contentType = "application/json", string? raw = null)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, "/api/applications")
        {
            Content = new StringContent(raw ?? JsonSerializer.Serialize(body), Encoding.UTF8, contentType),
        };
        if (key is not null) req.Headers.Add("X-Api-Key", key);
        req.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return req;
    }

    private async Task<(int Applications, int Items)> CountAsync()
    {
        var factory = _host.App.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        return (await db.Applications.CountAsync(Ct), await db.WorkItems.CountAsync(Ct));
    }

    [Fact]
    public async Task A_valid_submission_creates_the_application_and_its_check_item_in_the_pool()
    {
        var before = await CountAsync();
        var response = await _client.SendAsync(Post(Valid()), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Matches(@"^000\.00\.\d\d\.H26-\d{6}-\d{4}$", body.GetProperty("code").GetString());
        Assert.Equal("Mới đăng ký", body.GetProperty("status").GetString());
        Assert.Equal((before.Applications + 1, before.Items + 1), await CountAsync());

        var factory = _host.App.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        var item = await db.WorkItems.SingleAsync(w => w.Id == body.GetProperty("workItemId").GetInt64(), Ct);
        Assert.Equal(WorkKind.CheckSubmission, item.Kind);
        Assert.Equal(WorkItemState.Open, item.State);
    }

    [Fact]
    public async Task The_same_key_twice_returns_the_same_application_and_stores_one()
    {
        var key = Guid.NewGuid().ToString();
        var first = await _client.SendAsync(Post(Valid(), idempotencyKey: key), Ct);
        var afterFirst = await CountAsync();
        var second = await _client.SendAsync(Post(Valid(), idempotencyKey: key), Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var b = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(a.GetProperty("applicationId").GetInt64(), b.GetProperty("applicationId").GetInt64());
        Assert.Equal(a.GetProperty("code").GetString(), b.GetProperty("code").GetString());
        Assert.Equal(afterFirst, await CountAsync());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_conflict()
    {
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await _client.SendAsync(Post(Valid(), idempotencyKey: key), Ct)).StatusCode);
        var before = await CountAsync();
        var response = await _client.SendAsync(Post(Valid(citizenId: "001199012345"), idempotencyKey: key), Ct);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountAsync());
    }

    public static TheoryData<string, string, string> BadPayloads => new()
    {
        { "missing fields", """{"procedureCode":"1.001193"}""", "areaCode,applicant,documents" },
        { "bad citizen id", JsonSerializer.Serialize(Valid(citizenId: "12345")), "applicant.citizenId" },
        { "unknown procedure", JsonSerializer.Serialize(Valid(procedure: "9.999999")), "procedureCode" },
        { "not json", "{ this is not json", "body" },
    };

    [Theory]
    [MemberData(nameof(BadPayloads))]
    public async Task Bad_payloads_get_problem_details_per_field_and_store_nothing(string because, string raw, string fields)
    {
        var before = await CountAsync();
        var response = await _client.SendAsync(Post(null, raw: raw), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, because);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var errors = problem.GetProperty("errors");
        foreach (var field in fields.Split(','))
            Assert.True(errors.TryGetProperty(field, out var messages) && messages.GetArrayLength() > 0, $"{because}: {field}");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_citizen_id_message_is_in_Vietnamese()
    {
        var response = await _client.SendAsync(Post(Valid(citizenId: "12345")), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Số CCCD phải gồm đúng 12 chữ số.", text);
    }

    [Fact]
    public async Task Without_a_valid_api_key_the_answer_is_401()
    {
        var before = await CountAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(Post(Valid(), key: null), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(Post(Valid(), key: "wrong"), Ct)).StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_oversized_body_is_413_and_a_wrong_content_type_415()
    {
        var before = await CountAsync();
        var big = JsonSerializer.Serialize(new { procedureCode = "1.001193", padding = new string('x', 70 * 1024) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await _client.SendAsync(Post(null, raw: big), Ct)).StatusCode);
        var wrongType = await _client.SendAsync(Post(null, raw: JsonSerializer.Serialize(Valid()), contentType: "text/plain"), Ct);
        Assert.True(wrongType.StatusCode == HttpStatusCode.UnsupportedMediaType, await wrongType.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_body_over_the_sites_limit_is_refused_at_the_edge_before_any_key_or_form_is_read()
    {
        var before = await CountAsync();
        var huge = JsonSerializer.Serialize(new { procedureCode = "1.001193", padding = new string('x', 300 * 1024) });

        var api = await _client.SendAsync(Post(null, key: null, raw: huge), Ct); // no key: the edge answers before the 401
        var form = await _client.PostAsync("/account/logout",
            new FormUrlEncodedContent([new("returnUrl", "/"), new("padding", new string('y', 300 * 1024))]), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(Workbench.Hosting.RequestLimits.TooLargeTitle, problem.GetProperty("title").GetString());
        Assert.Contains("tối đa 256 KB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, form.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_missing_idempotency_key_is_400()
    {
        var req = Post(Valid());
        req.Headers.Remove("Idempotency-Key");
        var response = await _client.SendAsync(req, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_OpenAPI_description_is_served()
    {
        var json = await _client.GetStringAsync("/openapi/v1.json", Ct);
        Assert.Contains("/api/applications", json);
        Assert.Contains("/api/where-to-go", json);
    }

    [Fact]
    public async Task Where_to_go_ranks_branches_for_an_area_or_coordinates()
    {
        var byArea = await _client.GetFromJsonAsync<JsonElement>("/api/where-to-go?area=003&group=A", Ct);
        Assert.True(byArea.GetArrayLength() > 1);
        Assert.True(byArea[0].GetProperty("keepsPromise").GetBoolean());
        var byPoint = await _client.GetAsync("/api/where-to-go?lat=21.0282&lon=105.8502&group=A", Ct);
        Assert.Equal(HttpStatusCode.OK, byPoint.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/where-to-go?group=A", Ct)).StatusCode);
    }
}
