using System.Globalization;
using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Reports;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Audit;
using HanoiWorkbench.Data.Reports;
using HanoiWorkbench.Workbench.Auth;
using HanoiWorkbench.Workbench.Pdf;

using HanoiWorkbench.Workbench.Hosting;

namespace HanoiWorkbench.Workbench.Endpoints;

/// <summary>The productivity report's downloads (PDF and Excel), scoped by the permission table like the page.</summary>
public static class ReportEndpoints
{
    public const string City = "city";

    public static WebApplication MapReportEndpoints(this WebApplication app)
    {
        app.MapGet("/reports/productivity.pdf", (HttpContext http, ProductivityReportQuery query, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
                FileAsync(http, query, audit, clock, "pdf", ct))
            .RequireAuthorization(Policies.Manager);
        app.MapGet("/reports/productivity.xlsx", (HttpContext http, ProductivityReportQuery query, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
                FileAsync(http, query, audit, clock, "xlsx", ct))
            .RequireAuthorization(Policies.Manager);
        return app.MapCityReportEndpoints();
    }

    /// <summary>The downloads' query string: <c>branch</c> (an id or "city"), <c>from</c> and <c>to</c> as yyyy-MM-dd.</summary>
    public static string Query(int? branchId, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var branch = branchId is { } id ? id.ToString(CultureInfo.InvariantCulture) : City;
        return string.Create(CultureInfo.InvariantCulture, $"branch={branch}&from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}");
    }

    private static async Task<IResult> FileAsync(HttpContext http, ProductivityReportQuery query, AuditLog audit, TimeProvider clock, string kind, CancellationToken ct)
    {
        if (CurrentStaff.From(http.User) is not { } me) return Results.Forbid();
        var actor = ReportScope.Actor(me.Role, me.HomeBranchId, me.BranchId);
        var q = http.Request.Query;
        int? branch = q["branch"].ToString() switch
        {
            "" => ReportScope.Default(actor),
            City => null,
            var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
            _ => -1,
        };
        if (branch == -1) return Results.BadRequest("Chi nhánh không hợp lệ.");
        if (!ReportScope.May(actor, branch)) return Results.Text(ReportScope.Refused, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        var (from, to) = (ParseDate(q["from"]), ParseDate(q["to"]));
        if (ReportPeriod.Validate(from, to) is { } error) return Results.BadRequest(error);

        var report = await query.LoadAsync(branch, new ReportPeriod(from!.Value, to!.Value), ct: ct);
        if (report is null) return Results.NotFound();
        var name = ProductivityDocuments.FileName(report, kind);
        // Officials' names and figures per person: personal data of the staff, exported like the citizens' documents.
        var bytes = kind == "pdf" ? ProductivityDocuments.Pdf(report, HanoiTime.Today(clock), PersonalDataExports.Stamp(me, clock)) : ProductivityDocuments.Excel(report);
        await PersonalDataExports.RecordAsync(http, audit, me, "Report", branch?.ToString(CultureInfo.InvariantCulture) ?? City,
            $"{name}: báo cáo năng suất {report.ScopeName}, {report.Period.Label()}", ct);
        return kind == "pdf"
            ? Results.File(bytes, "application/pdf", name)
            : Results.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
