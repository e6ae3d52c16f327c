using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HanoiWorkbench.Core.Pool;
using HanoiWorkbench.Data.Pool;
using Microsoft.Extensions.Options;

using HanoiWorkbench.Workbench.Hosting;

using HanoiWorkbench.Workbench.Api;

namespace HanoiWorkbench.Workbench.Endpoints;

/// <summary><c>Intake:ApiKeys</c>: the keys the national public service portal (and other trusted senders) present in <c>X-Api-Key</c>.</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";
    public IReadOnlyList<string> ApiKeys { get; set; } = [];
    /// <summary>Largest request body accepted, in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}

/// <summary>The online intake API (<c>POST /api/applications</c>), "where should I go?" (<c>GET /api/where-to-go</c>) and the OpenAPI description.</summary>
public static class PoolApi
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string IdempotencyHeader = "Idempotency-Key";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The answers' titles, shared with the examples of the OpenAPI document (IntakeApiDocument).
    public const string UnauthorizedTitle = "Thiếu hoặc sai khóa API.";
    public const string UnauthorizedDetail = "Gửi khóa được cấp trong tiêu đề X-Api-Key.";
    public const string NotJsonTitle = "Chỉ nhận nội dung application/json.";
    public const string TooLargeTitle = RequestLimits.TooLargeTitle;
    public const string BadRequestTitle = "Yêu cầu không hợp lệ.";
    public const string InvalidSubmissionTitle = "Hồ sơ không hợp lệ.";
    public const string NotASubmissionMessage = "Nội dung không phải JSON hợp lệ của một hồ sơ.";
    public static readonly string MissingKeyMessage = $"Tiêu đề Idempotency-Key là bắt buộc, dài 1–{IntakeRequest.MaxKeyLength} ký tự.";
    public const string KeyConflictTitle = "Khóa chống trùng đã được dùng cho một yêu cầu khác.";
    public const string BusyTitle = "Hệ thống đang nhận quá nhiều hồ sơ cùng lúc.";
    public const string BusyDetail = "Gửi lại sau thời gian ghi trong tiêu đề Retry-After, với cùng Idempotency-Key.";
    public const string UnavailableTitle = "Chưa lưu được hồ sơ.";
    public const string UnavailableDetail = "Không có gì được lưu. Gửi lại sau thời gian ghi trong tiêu đề Retry-After, với cùng Idempotency-Key.";

    public static WebApplication MapWorkbenchPoolApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        var api = app.MapGroup("/api").AllowAnonymous().DisableAntiforgery();
        api.MapPost("/applications", SubmitAsync)
            .WithMachineApi(MachineApi.IntakeTag)
            .WithName("SubmitApplication")
            .WithSummary("Nộp hồ sơ trực tuyến từ Cổng dịch vụ công quốc gia")
            .WithDescription("Stores an online submission (status Mới đăng ký) and queues its check in the citywide work pool. " +
                "Checks, in this order: the X-Api-Key (401), the content type (415), the body's size (413), the Idempotency-Key " +
                "header and the body (400). A resubmission with the same Idempotency-Key and body returns the first application " +
                "(200, header Idempotent-Replayed: true); the same key with another body is 409. When the intake queue is full " +
                "(429) or the database cannot store it (503) nothing is stored: retry after Retry-After seconds with the same key.")
            .Produces<IntakeAccepted>(StatusCodes.Status201Created)
            .Produces<IntakeAccepted>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(IntakeApiDocument.DescribeSubmitAsync);
        api.MapGet("/where-to-go", WhereToGoAsync)
            .WithMachineApi(MachineApi.LookupTag)
            .WithName("WhereToGo")
            .WithSummary("Nên đến chi nhánh nào? Các chi nhánh theo tổng thời gian ước tính (đi lại + chờ)")
            .WithDescription("Ranks the branches for a citizen starting from an area (its centre) or from coordinates, for one service " +
                "group: travel time plus the predicted wait, and whether the branch keeps the promise of a service point within 30 minutes.")
            .Produces<IReadOnlyList<WhereToGoItem>>()
            .ProducesValidationProblem()
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                IntakeApiDocument.DescribeWhereToGo(operation);
                return Task.CompletedTask;
            });
        return app;
    }


    /// <summary>One branch in the answer of <c>GET /api/where-to-go</c>.</summary>
    public sealed record WhereToGoItem(string Code, string Name, string Address, double DistanceKm, int TravelMinutes, int? WaitMinutes,
        int? TotalMinutes, int Waiting, bool KeepsPromise);

    internal static async Task<IResult> SubmitAsync(HttpRequest request, OnlineIntake intake, IOptions<IntakeOptions> options,
        IOptions<IntakeQueueOptions> queue, CancellationToken ct)
    {
        var o = options.Value;
        if (!IsAuthorized(request.Headers[ApiKeyHeader].ToString(), o.ApiKeys))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
            return Results.Problem(title: UnauthorizedTitle, detail: UnauthorizedDetail, statusCode: StatusCodes.Status401Unauthorized);
        }
        if (!IsJson(request.ContentType))
            return Results.Problem(title: NotJsonTitle, statusCode: StatusCodes.Status415UnsupportedMediaType);
        if (request.ContentLength > o.MaxBodyBytes)
            return TooLarge(o);
        var body = await ReadLimitedAsync(request.Body, o.MaxBodyBytes, ct);
        if (body is null) return TooLarge(o);

        var key = request.Headers[IdempotencyHeader].ToString().Trim();
        if (key.Length is 0 or > IntakeRequest.MaxKeyLength)
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                [IdempotencyHeader] = [MissingKeyMessage],
            }, title: BadRequestTitle);

        IntakeSubmission? submission;
        try
        {
            submission = JsonSerializer.Deserialize<IntakeSubmission>(body, Json);
        }
        catch (JsonException)
        {
            submission = null;
        }
        if (submission is null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [NotASubmissionMessage] }, title: BadRequestTitle);

        var result = await intake.SubmitAsync(OnlineIntake.SenderOf(request.Headers[ApiKeyHeader].ToString()), submission, key, ct);
        return result.Outcome switch
        {
            IntakeOutcome.Created => Results.Json(result.Accepted, Json, statusCode: StatusCodes.Status201Created),
            IntakeOutcome.Replayed => Replayed(request, result.Accepted!),
            IntakeOutcome.Busy => RetryLater(request, queue.Value, StatusCodes.Status429TooManyRequests, BusyTitle, BusyDetail),
            IntakeOutcome.Unavailable => RetryLater(request, queue.Value, StatusCodes.Status503ServiceUnavailable, UnavailableTitle, UnavailableDetail),
            IntakeOutcome.KeyConflict => Results.Problem(title: KeyConflictTitle, detail: result.Errors.Values.First()[0], statusCode: StatusCodes.Status409Conflict),
            _ => Results.ValidationProblem(result.Errors, title: InvalidSubmissionTitle),
        };
    }

    private static IResult Replayed(HttpRequest request, IntakeAccepted accepted)
    {
        request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
        return Results.Json(accepted, Json, statusCode: StatusCodes.Status200OK);
    }

    private static IResult RetryLater(HttpRequest request, IntakeQueueOptions queue, int status, string title, string detail)
    {
        request.HttpContext.Response.Headers.RetryAfter = Math.Max(1, queue.RetryAfterSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(title: title, detail: detail, statusCode: status);
    }

    private static IResult TooLarge(IntakeOptions o) =>
        Results.Problem(title: TooLargeTitle, detail: $"Tối đa {o.MaxBodyBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge);

    internal static async Task<IResult> WhereToGoAsync(string? area, double? lat, double? lon, string? group, WhereToGoQueries queries, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(group)) errors["group"] = ["Chọn nhóm dịch vụ (chữ cái, ví dụ A)."];
        GeoPoint? from = null;
        if (lat is not null || lon is not null)
        {
            var p = new GeoPoint(lat ?? double.NaN, lon ?? double.NaN);
            if (lat is null || lon is null || !p.IsValid) errors["lat"] = ["Tọa độ phải gồm vĩ độ (-90..90) và kinh độ (-180..180)."];
            else from = p;
        }
        else if (!string.IsNullOrWhiteSpace(area))
        {
            from = await queries.AreaLocationAsync(area.Trim(), ct);
            if (from is null) errors["area"] = [$"Không tìm thấy địa bàn có mã {area.Trim()}."];
        }
        else errors["area"] = ["Cho biết địa bàn (area) hoặc tọa độ (lat, lon)."];
        if (errors.Count > 0) return Results.ValidationProblem(errors, title: BadRequestTitle);

        var answer = await queries.RankAsync(from!.Value, group!, ct);
        if (answer is null) return Results.ValidationProblem(new Dictionary<string, string[]> { ["group"] = [$"Không có nhóm dịch vụ {group}."] }, title: BadRequestTitle);
        return Results.Json(answer.Branches.Select(ToItem).ToList(), Json);
    }

    public static WhereToGoItem ToItem(RankedBranch r) => new(r.Branch.Code, r.Branch.Name, r.Branch.Address, Math.Round(r.DistanceKm, 1),
        Minutes(r.Travel), r.Branch.PredictedWait is { } w ? Minutes(w) : null, r.Total is { } t ? Minutes(t) : null, r.Branch.Waiting, r.KeepsPromise);

    private static int Minutes(TimeSpan t) => (int)Math.Ceiling(t.TotalMinutes);

    /// <summary>Compares the presented key with every configured key in constant time (hashes first, so lengths never leak).</summary>
    public static bool IsAuthorized(string? presented, IReadOnlyList<string> keys)
    {
        if (string.IsNullOrEmpty(presented)) return false;
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var ok = false;
        foreach (var k in keys)
        {
            if (string.IsNullOrEmpty(k)) continue;
            ok |= CryptographicOperations.FixedTimeEquals(given, SHA256.HashData(Encoding.UTF8.GetBytes(k)));
        }
        return ok;
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var mt)
        && string.Equals(mt.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (the sender may not say its length).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
