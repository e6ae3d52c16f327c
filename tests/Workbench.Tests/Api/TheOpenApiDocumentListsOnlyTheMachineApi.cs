using System.Text.Json;
using HanoiWorkbench.Workbench.Tests.Hosting;

namespace HanoiWorkbench.Workbench.Tests.Api;

/// <summary>The document integrators generate their client from: only the machine API, fully described (issue 15, point 7).</summary>
public sealed class TheOpenApiDocumentListsOnlyTheMachineApi(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement;

    [Fact]
    public async Task Only_the_machine_api_is_listed_never_a_staff_pages_own_endpoint()
    {
        var paths = (await DocumentAsync()).GetProperty("paths").EnumerateObject().Select(p => p.Name).Order().ToArray();

        Assert.Equal(["/api/applications", "/api/status", "/api/where-to-go"], paths);
    }

    [Fact]
    public async Task The_intake_declares_the_api_key_scheme_and_a_required_idempotency_key()
    {
        var doc = await DocumentAsync();
        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());

        var intake = doc.GetProperty("paths").GetProperty("/api/applications").GetProperty("post");
        Assert.True(intake.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        var key = intake.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal("header", key.GetProperty("in").GetString());
        Assert.True(key.GetProperty("required").GetBoolean());
        Assert.Equal(["200", "201", "400", "401", "409", "413", "415", "429", "503"],
            intake.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order().ToArray());
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_a_security_statement_and_described_answers_with_examples()
    {
        var doc = await DocumentAsync();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        foreach (var op in path.Value.EnumerateObject())
        {
            var name = $"{op.Name} {path.Name}";
            Assert.False(string.IsNullOrWhiteSpace(op.Value.GetProperty("operationId").GetString()), name);
            Assert.False(string.IsNullOrWhiteSpace(op.Value.GetProperty("summary").GetString()), name);
            Assert.True(op.Value.TryGetProperty("security", out _), name);
            var responses = op.Value.GetProperty("responses").EnumerateObject().ToList();
            Assert.Contains(responses, r => r.Name.StartsWith('4'));
            foreach (var r in responses)
            {
                Assert.NotEqual(r.Name == "200" ? "OK" : "", r.Value.GetProperty("description").GetString());
                foreach (var media in r.Value.GetProperty("content").EnumerateObject())
                    Assert.True(media.Value.TryGetProperty("example", out _), $"{name} {r.Name} {media.Name} has no example");
            }
        }
    }

    [Fact]
    public async Task The_documented_401_is_the_answer_a_sender_without_a_key_really_gets()
    {
        var doc = await DocumentAsync();
        var documented = doc.GetProperty("paths").GetProperty("/api/applications").GetProperty("post").GetProperty("responses")
            .GetProperty("401").GetProperty("content").GetProperty("application/problem+json").GetProperty("example");

        var response = await factory.CreateClient().PostAsync("/api/applications",
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Ct);
        var real = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(documented.GetProperty("title").GetString(), real.GetProperty("title").GetString());
        Assert.Equal(documented.GetProperty("detail").GetString(), real.GetProperty("detail").GetString());
    }
}
