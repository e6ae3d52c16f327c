using System.Globalization;
using HanoiWorkbench.Core.Reports;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Audit;
using HanoiWorkbench.Data.Reports;
using HanoiWorkbench.Workbench.Auth;
using HanoiWorkbench.Workbench.Pdf;

using HanoiWorkbench.Workbench.Hosting;

namespace HanoiWorkbench.Workbench.Endpoints;

/// <summary>The kept monthly city reports' files, for those the permission table lets request them; every download is audited.</summary>
public static class CityReportEndpoints
{
    public static string FileUrl(long id, string kind) => string.Create(CultureInfo.InvariantCulture, $"/reports/city/{id}.{kind}");

    public static WebApplication MapCityReportEndpoints(this WebApplication app)
    {
        app.MapGet("/reports/city/{report:long}.pdf", (long report, HttpContext http, CityReportStore store, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
                FileAsync(report, "pdf", http, store, audit, clock, ct))
            .RequireAuthorization(Policies.Director);
        app.MapGet("/reports/city/{report:long}.xlsx", (long report, HttpContext http, CityReportStore store, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
                FileAsync(report, "xlsx", http, store, audit, clock, ct))
            .RequireAuthorization(Policies.Director);
        return app;
    }

    private static async Task<IResult> FileAsync(long id, string kind, HttpContext http, CityReportStore store, AuditLog audit, TimeProvider clock,
        CancellationToken ct)
    {
        if (CurrentStaff.From(http.User) is not { } me
            || !Permissions.Allows(PermissionActor.Of(me.Role, me.HomeBranchId, me.BranchId), StaffAction.RequestCityReport, PermissionTarget.City))
            return Results.Forbid();
        var pdf = kind == "pdf";
        if (await store.FileAsync(id, pdf, ct) is not { } file) return Results.NotFound();
        var who = AuditHosting.ActorOf(http.User, clock)!;
        await audit.AppendAsync(who.UserName, me.StaffId, pdf ? "Tải báo cáo tháng toàn thành phố (PDF)" : "Tải báo cáo tháng toàn thành phố (Excel)",
            nameof(CityReport), id.ToString(CultureInfo.InvariantCulture), ReportPeriod.MonthOf(file.Month).Label(), ct);
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(file.Bytes, pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            CityReportDocuments.FileName(file.Month, kind));
    }
}
