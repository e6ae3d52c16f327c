using System.Text.Json.Nodes;
using HanoiWorkbench.Workbench.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

using HanoiWorkbench.Workbench.Endpoints;

namespace HanoiWorkbench.Workbench.Api;

/// <summary>
/// The OpenAPI document integrators generate their client from (<c>/openapi/v1.json</c>, or the <c>openapi</c> command).
/// It lists only endpoints marked <see cref="WithMachineApi{TBuilder}"/>: a staff page's own endpoint (sign-out, language,
/// PDFs, the tracking book) never appears by accident.
/// </summary>
public static class MachineApi
{
    public const string DocumentName = "v1";
    public const string ApiKeyScheme = "ApiKey";
    public const string IntakeTag = "Tiếp nhận trực tuyến";
    public const string LookupTag = "Tra cứu công khai";

    private sealed class Published;

    /// <summary>Publishes the endpoint in the machine API document, under <paramref name="tag"/>.</summary>
    public static TBuilder WithMachineApi<TBuilder>(this TBuilder builder, string tag) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Published()).WithTags(tag);

    public static IServiceCollection AddMachineApiDocument(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.ActionDescriptor.EndpointMetadata.OfType<Published>().Any();
            o.AddDocumentTransformer((document, context, _) =>
            {
                Describe(document, context.ApplicationServices.GetRequiredService<PublicLinks>());
                return Task.CompletedTask;
            });
        });
        return services;
    }

    private static void Describe(OpenApiDocument document, PublicLinks links)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Hanoi Workbench: API cho hệ thống liên thông",
            Version = "1.0.0",
            Description = "Machine API of the Hanoi Public Administration Service Center's workbench: online submissions from the " +
                "national public service portal (X-Api-Key, Idempotency-Key), the public status look-up and \"where should I go?\". " +
                "Errors are RFC 9457 problem details (application/problem+json) with Vietnamese titles unless stated otherwise.",
            Contact = new OpenApiContact { Name = "Trung tâm Phục vụ hành chính công Thành phố Hà Nội" },
        };
        // The public address when configured (the same one printed QR codes use), never the request's Host header.
        if (links.BaseUrl is { } baseUrl)
            document.Servers = [new OpenApiServer { Url = baseUrl.ToString().TrimEnd('/'), Description = "Trung tâm Phục vụ hành chính công Hà Nội" }];
        else if (document.Servers is { } servers)
            foreach (var s in servers) s.Url = s.Url?.TrimEnd('/');

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = PoolApi.ApiKeyHeader,
            Description = "The key the center issued to the sender (configured in Intake:ApiKeys). A missing or wrong key is 401.",
        };
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = IntakeTag, Description = "Online submissions from the national public service portal and other trusted senders." },
            new() { Name = LookupTag, Description = "Anonymous look-ups for citizens' apps: an application's status, the branch to go to." },
        };
    }

    /// <summary>The operation needs the API key.</summary>
    public static void RequireApiKey(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] }];
    }

    /// <summary>The operation is anonymous: an empty requirement says so explicitly (the document declares a scheme).</summary>
    public static void Anonymous(OpenApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        operation.Security = [new OpenApiSecurityRequirement()];
    }

    /// <summary>Sets the description, example and headers of a response the operation already lists.</summary>
    public static void Response(OpenApiOperation operation, int status, string description, JsonNode? example = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses?.GetValueOrDefault(key) is not OpenApiResponse response)
            throw new InvalidOperationException($"{operation.OperationId} does not list a {status} response.");
        response.Description = description;
        if (example is not null && response.Content is { } content)
            foreach (var media in content.Values) media.Example = example.DeepClone();
        if (headers is not null)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            foreach (var (name, text) in headers)
                response.Headers[name] = new OpenApiHeader { Description = text, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
    }

    /// <summary>A problem-details body as the API writes it.</summary>
    public static JsonObject Problem(int status, string title, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var body = new JsonObject { ["title"] = title, ["status"] = status };
        if (detail is not null) body["detail"] = detail;
        if (errors is not null)
            body["errors"] = new JsonObject(errors.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)new JsonArray(e.Value.Select(v => (JsonNode?)v).ToArray()))));
        return body;
    }

    public static OpenApiParameter Parameter(OpenApiOperation operation, string name)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == name)
            ?? throw new InvalidOperationException($"{operation.OperationId} has no parameter {name}.");
    }
}
