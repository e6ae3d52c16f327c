using System.Globalization;
using System.Threading.RateLimiting;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Audit;
using HanoiWorkbench.Data.Search;
using HanoiWorkbench.Workbench.Api;
using HanoiWorkbench.Workbench.Auth;
using HanoiWorkbench.Workbench.Pdf;

using HanoiWorkbench.Workbench.Hosting;

namespace HanoiWorkbench.Workbench.Endpoints;

/// <summary>Search, the public status look-up (page and JSON, one shared rate limit) and the tracking book downloads.</summary>
public static class SearchEndpoints
{
    public const string StatusLookupPolicy = "status-lookup";
    public const string TooManyLookups = "Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau một phút.";
    public const string NotFoundMessage = "Không tìm thấy hồ sơ với mã và 4 số cuối điện thoại đã nhập. Vui lòng kiểm tra lại.";
    private static readonly TimeSpan Hanoi = HanoiWorkbench.Core.HanoiTime.Offset;

    public static WebApplication MapSearchEndpoints(this WebApplication app)
    {
        app.MapGet("/api/status", async (string? code, string? phone4, PublicStatusQuery query, CancellationToken ct) =>
            await query.FindAsync(code, phone4, ct) is { } status
                ? Results.Ok(new PublicStatusJson(status.Code, status.StatusLabel, FormatDue(status.DueAt), status.ReceivingBranch,
                    status.Steps.Select(s => new PublicStatusStepJson(s.StatusLabel, Format(s.At))).ToList()))
                : Results.NotFound(new { error = NotFoundMessage }))
            .AllowAnonymous()
            .RequireRateLimiting(StatusLookupPolicy)
            .WithMachineApi(MachineApi.LookupTag)
            .WithName("GetApplicationStatus")
            .WithSummary("Tra cứu tình trạng hồ sơ theo mã hồ sơ và 4 số cuối điện thoại")
            .Produces<PublicStatusJson>()
            .Produces<PublicLookupError>(StatusCodes.Status404NotFound)
            .Produces<PublicLookupError>(StatusCodes.Status429TooManyRequests)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                StatusLookupDocument.Describe(operation, NotFoundMessage, TooManyLookups);
                return Task.CompletedTask;
            });

        app.MapGet("/applications/book.pdf", (HttpContext http, TrackingBookQuery query, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
                BookFileAsync(http, query, audit, clock, "pdf", ct))
            .RequireAuthorization(Policies.Clerk);
        app.MapGet("/applications/book.xlsx", (HttpContext http, TrackingBookQuery query, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
                BookFileAsync(http, query, audit, clock, "xlsx", ct))
            .RequireAuthorization(Policies.Clerk);
        return app;
    }

    public static string Format(DateTimeOffset at) => at.ToOffset(Hanoi).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
    public static string FormatDue(DateTimeOffset? at) => at is { } v ? Format(v) : "";

    /// <summary>The book's query string: <c>branch</c>, <c>from</c> and <c>to</c> as yyyy-MM-dd.</summary>
    public static string BookQuery(int branchId, DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"branch={branchId}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");

    private static async Task<IResult> BookFileAsync(HttpContext http, TrackingBookQuery query, AuditLog audit, TimeProvider clock, string kind, CancellationToken ct)
    {
        PersonalDataExports.NoStore(http.Response);
        if (CurrentStaff.From(http.User) is not { } me) return Results.Forbid();
        var q = http.Request.Query;
        var branch = int.TryParse(q["branch"], NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : me.BranchId;
        if (!Permissions.Allows(PermissionActor.Of(me.Role, me.HomeBranchId, me.BranchId), StaffAction.ExportTrackingBook, new PermissionTarget(branch)))
            return Results.Forbid();
        var from = ParseDate(q["from"]);
        var to = ParseDate(q["to"]);
        if (TrackingBookQuery.ValidatePeriod(from, to) is { } error) return Results.BadRequest(error);

        var book = await query.LoadAsync(branch, from!.Value, to!.Value, ct);
        if (book is null) return Results.NotFound();
        var model = ToModel(book, DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Hanoi).DateTime), PersonalDataExports.Stamp(me, clock));
        var name = string.Create(CultureInfo.InvariantCulture, $"so-theo-doi-ho-so-{book.BranchId}-{book.From:yyyyMMdd}-{book.To:yyyyMMdd}.{kind}");
        var bytes = kind == "pdf" ? Forms.TrackingBook(model) : TrackingBookExcel.Write(model);
        await PersonalDataExports.RecordAsync(http, audit, me, "Branch", book.BranchId.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{name}: sổ theo dõi hồ sơ {book.From:dd/MM/yyyy}–{book.To:dd/MM/yyyy}, {book.Rows.Count} hồ sơ"), ct);
        return kind == "pdf"
            ? Results.File(bytes, "application/pdf", name)
            : Results.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    internal static TrackingBookModel ToModel(TrackingBook book, DateOnly issuedOn, ExportStamp? export = null) =>
        new(new DocumentIssuer(book.BranchName, issuedOn, Export: export), book.From, book.To,
            book.Rows.Select(r => new TrackingBookEntry(r.Code, r.ApplicantName, r.ProcedureName, Local(r.ReceivedAt),
                Local(r.DueAt ?? r.ReceivedAt), r.CompletedAt is { } c ? Local(c) : null, r.ReturnedAt is { } t ? Local(t) : null,
                r.StatusLabel, r.ExtensionReason is { } reason ? $"Gia hạn: {reason}" : null)).ToList());

    private static DateTime Local(DateTimeOffset at) => at.ToOffset(Hanoi).DateTime;

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The look-up's error body (not problem details: the public page and apps show <c>error</c> as is).</summary>
    internal sealed record PublicLookupError(string Error);
    internal sealed record PublicStatusJson(string Code, string Status, string DueAt, string ReceivingBranch, IReadOnlyList<PublicStatusStepJson> Steps);
    internal sealed record PublicStatusStepJson(string Status, string At);
}
