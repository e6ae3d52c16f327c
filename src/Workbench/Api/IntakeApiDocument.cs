using System.Text.Json.Nodes;
using HanoiWorkbench.Data.Pool;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using static HanoiWorkbench.Workbench.Api.MachineApi;

using HanoiWorkbench.Workbench.Endpoints;

namespace HanoiWorkbench.Workbench.Api;

/// <summary>How <c>POST /api/applications</c> and <c>GET /api/where-to-go</c> appear to integrators: headers, body, answers, examples.</summary>
internal static class IntakeApiDocument
{
    private const string RetryAfter = "Seconds to wait before sending again (with the same Idempotency-Key).";

    private static JsonObject Submission() => new()
    {
        ["procedureCode"] = "1.001193",
        ["areaCode"] = "003",
        ["applicant"] = new JsonObject
        {
            ["fullName"] = "Nguyễn Thị Hoa",
            ["citizenId"] = "001099012345",
            ["phone"] = "0912 345 678",
            ["address"] = "12 Xuân Diệu, Tây Hồ",
        },
        ["documents"] = new JsonArray(
            new JsonObject { ["name"] = "Tờ khai đăng ký khai sinh", ["count"] = 1 },
            new JsonObject { ["name"] = "Giấy chứng sinh", ["count"] = 1 }),
        ["portalReference"] = "G22.99-251203-000123",
    };

    private static JsonObject Accepted() => new()
    {
        ["applicationId"] = 1042,
        ["code"] = "000.H26.03-261203-0007",
        ["status"] = "Mới đăng ký",
        ["workItemId"] = 2215,
        ["queuedBranchId"] = 3,
        ["submittedAt"] = "2026-12-03T09:15:27+07:00",
    };

    private static readonly (string Property, string Text)[] Fields =
    [
        ("procedureCode", "The procedure's national code (Cơ sở dữ liệu quốc gia về thủ tục hành chính); it must accept online submissions."),
        ("areaCode", "Code of the area (district or ward) whose authority decides the application."),
        ("documents", "The documents attached, 1 to 50, each with its number of copies (1 to 100)."),
        ("portalReference", "The portal's own reference of the submission, kept with the application (optional)."),
    ];

    private static readonly (string Property, string Text)[] ApplicantFields =
    [
        ("fullName", "Full name, at most 120 characters."),
        ("citizenId", "Citizen ID (CCCD): 12 digits; the first three are the province of birth."),
        ("phone", "Vietnamese phone number; spaces and dots are allowed."),
        ("address", "Address, at most 300 characters."),
    ];

    public static async Task DescribeSubmitAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        RequireApiKey(operation, context);
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = PoolApi.IdempotencyHeader,
            In = ParameterLocation.Header,
            Required = true,
            Description = "The sender's unique key for this submission (for example the portal's own id). Send the same key when " +
                "retrying: the first application is returned and nothing is stored twice.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IntakeRequest.MaxKeyLength },
            Example = "G22.99-251203-000123",
        });

        // The body is read by hand (key, type and size are checked first), so it is described here rather than with Accepts,
        // whose routing check would answer 415 before the API key is looked at.
        var schema = await context.GetOrCreateSchemaAsync(typeof(IntakeSubmission), null, ct);
        Annotate(schema, Fields);
        if (schema.Properties?.TryGetValue("applicant", out var applicant) == true) Annotate(applicant, ApplicantFields);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The submission, at most Intake:MaxBodyBytes (64 KB by default).",
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema, Example = Submission() } },
        };

        Response(operation, StatusCodes.Status201Created, "Stored: the application's code to show the citizen.", Accepted());
        Response(operation, StatusCodes.Status200OK, "The same Idempotency-Key and body came before: the first application, nothing new stored.",
            Accepted(), new Dictionary<string, string> { ["Idempotent-Replayed"] = "Always \"true\" on a replay." });
        Response(operation, StatusCodes.Status400BadRequest, "The Idempotency-Key header is missing or too long, the body is not JSON, or a field is invalid (one message per field).",
            Problem(400, PoolApi.InvalidSubmissionTitle, errors: new Dictionary<string, string[]>
            {
                ["applicant.citizenId"] = ["Số CCCD phải gồm đúng 12 chữ số."],
                ["areaCode"] = ["Không tìm thấy địa bàn có mã 999."],
            }));
        Response(operation, StatusCodes.Status401Unauthorized, "The X-Api-Key header is missing or not a configured key.",
            Problem(401, PoolApi.UnauthorizedTitle, PoolApi.UnauthorizedDetail),
            new Dictionary<string, string> { ["WWW-Authenticate"] = "ApiKey header=\"X-Api-Key\"" });
        Response(operation, StatusCodes.Status409Conflict, "The Idempotency-Key was used before with another body.",
            Problem(409, PoolApi.KeyConflictTitle, "Khóa chống trùng đã được dùng cho một yêu cầu có nội dung khác."));
        Response(operation, StatusCodes.Status413PayloadTooLarge, "The body is larger than Intake:MaxBodyBytes.",
            Problem(413, PoolApi.TooLargeTitle, "Tối đa 64 KB."));
        Response(operation, StatusCodes.Status415UnsupportedMediaType, "The Content-Type is not application/json.",
            Problem(415, PoolApi.NotJsonTitle));
        Response(operation, StatusCodes.Status429TooManyRequests, "The intake queue is full; nothing was stored.",
            Problem(429, PoolApi.BusyTitle, PoolApi.BusyDetail), new Dictionary<string, string> { ["Retry-After"] = RetryAfter });
        Response(operation, StatusCodes.Status503ServiceUnavailable, "The database could not store it; nothing was stored.",
            Problem(503, PoolApi.UnavailableTitle, PoolApi.UnavailableDetail), new Dictionary<string, string> { ["Retry-After"] = RetryAfter });
    }

    public static void DescribeWhereToGo(OpenApiOperation operation)
    {
        Anonymous(operation);
        Parameter(operation, "group").Description = "The service group's letter (A, B, …). Required.";
        Parameter(operation, "area").Description = "Start from this area's centre (its code); used when lat and lon are not given.";
        Parameter(operation, "lat").Description = "Latitude of the start, -90..90, with lon.";
        Parameter(operation, "lon").Description = "Longitude of the start, -180..180, with lat.";
        Parameter(operation, "group").Example = "A";
        Parameter(operation, "area").Example = "003";
        Response(operation, StatusCodes.Status200OK, "Branches, best first.", new JsonArray(new JsonObject
        {
            ["code"] = "CN03",
            ["name"] = "Chi nhánh số 3",
            ["address"] = "Số 1 Đặng Thai Mai, Tây Hồ",
            ["distanceKm"] = 1.8,
            ["travelMinutes"] = 7,
            ["waitMinutes"] = 12,
            ["totalMinutes"] = 19,
            ["waiting"] = 4,
            ["keepsPromise"] = true,
        }));
        Response(operation, StatusCodes.Status400BadRequest, "No group, no start (area or lat and lon), coordinates out of range, or an unknown area or group.",
            Problem(400, PoolApi.BadRequestTitle, errors: new Dictionary<string, string[]> { ["area"] = ["Cho biết địa bàn (area) hoặc tọa độ (lat, lon)."] }));
    }

    private static void Annotate(IOpenApiSchema schema, (string Property, string Text)[] fields)
    {
        if (schema.Properties is not { } properties) return;
        foreach (var (property, text) in fields)
            if (properties.TryGetValue(property, out var p) && p is OpenApiSchema s) s.Description = text;
    }
}

/// <summary>How <c>GET /api/status</c> appears to integrators.</summary>
internal static class StatusLookupDocument
{
    public static void Describe(OpenApiOperation operation, string notFound, string tooMany)
    {
        Anonymous(operation);
        operation.Description = "The public status of one application, for citizens' apps: both the code and the last four digits of " +
            "the applicant's phone must match. Shows no personal data. Shares a budget of StatusLookup:PermitsPerMinute look-ups " +
            "a minute per client address with the public look-up page.";
        Parameter(operation, "code").Description = "The application's code as printed on the receipt. Required.";
        Parameter(operation, "code").Example = "000.H26.03-261203-0007";
        Parameter(operation, "phone4").Description = "The last four digits of the applicant's phone. Required.";
        Parameter(operation, "phone4").Example = "5678";
        Response(operation, StatusCodes.Status200OK, "The application's status, due date (dd/MM/yyyy HH:mm, Hanoi time) and steps.", new JsonObject
        {
            ["code"] = "000.H26.03-261203-0007",
            ["status"] = "Đang xử lý",
            ["dueAt"] = "10/12/2026 17:00",
            ["receivingBranch"] = "Chi nhánh số 3",
            ["steps"] = new JsonArray(
                new JsonObject { ["status"] = "Đã tiếp nhận", ["at"] = "03/12/2026 09:15" },
                new JsonObject { ["status"] = "Đang xử lý", ["at"] = "03/12/2026 10:02" }),
        });
        Response(operation, StatusCodes.Status404NotFound, "No application has this code with these four digits (also when either is missing).",
            new JsonObject { ["error"] = notFound });
        Response(operation, StatusCodes.Status429TooManyRequests, "Too many look-ups from this address this minute.",
            new JsonObject { ["error"] = tooMany }, new Dictionary<string, string> { ["Retry-After"] = "Seconds to wait: 60." });
    }
}
