using HanoiWorkbench.Data.Queue;

using HanoiWorkbench.Workbench.Hosting;

namespace HanoiWorkbench.Workbench.Endpoints;

/// <summary>
/// The lobby display's endpoints: the static page (a SignalR JavaScript client of /hubs/live, not a Blazor circuit)
/// and its anonymous JSON state. The state holds ticket numbers, counters and counts only, never personal data.
/// </summary>
public static class QueueEndpoints
{
    public const string DisplayPage = "display/index.html";

    public static IEndpointRouteBuilder MapQueueEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapGet("/display/{branchCode?}", (IWebHostEnvironment env, HttpContext http) =>
        {
            var file = env.WebRootFileProvider.GetFileInfo(DisplayPage);
            if (!file.Exists) return Results.NotFound();
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();

        var api = app.MapGroup("/api/display").AllowAnonymous();
        api.MapGet("/", async (QueueQueries queries, HttpContext http, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            var branches = await queries.BranchesAsync(ct);
            return Results.Ok(branches.Select(b => new { b.Code, b.Name }));
        });
        api.MapGet("/{branchCode}", async (string branchCode, QueueQueries queries, HttpContext http, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            var state = await queries.DisplayAsync(branchCode, ct: ct);
            // A body, so the status-code pages do not turn the API's 404 into an HTML page.
            return state is null
                ? Results.NotFound(new { error = "Không tìm thấy chi nhánh." })
                : Results.Ok(state);
        });
        return app;
    }
}
