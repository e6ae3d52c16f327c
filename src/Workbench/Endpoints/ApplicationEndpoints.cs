using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Text;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Ratings;
using HanoiWorkbench.Core.Reception;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Applications;
using HanoiWorkbench.Data.Audit;
using HanoiWorkbench.Workbench.Auth;
using HanoiWorkbench.Workbench.Pdf;

using HanoiWorkbench.Workbench.Hosting;

namespace HanoiWorkbench.Workbench.Endpoints;

/// <summary>The printed forms 1–6 of one application, for signed-in staff who may see it.</summary>
internal static class ApplicationEndpoints
{
    public static readonly IReadOnlyList<string> FormNames = ["receipt", "supplement", "refusal", "apology", "stop", "control"];

    public static string FormUrl(long id, string form) => $"/applications/{id}/forms/{form}.pdf";

    private static readonly Dictionary<string, string> FileStems = new(StringComparer.Ordinal)
    {
        ["receipt"] = "giay-tiep-nhan",
        ["supplement"] = "phieu-yeu-cau-bo-sung",
        ["refusal"] = "phieu-tu-choi-tiep-nhan",
        ["apology"] = "van-ban-xin-loi",
        ["stop"] = "thong-bao-dung-xu-ly",
        ["control"] = "phieu-kiem-soat",
    };

    /// <summary>
    /// The name a form's PDF is saved under, e.g. "giay-tiep-nhan-….pdf". The page's download link and the response's
    /// Content-Disposition both use it: a browser prefers the header's name over the link's, so they must agree.
    /// </summary>
    public static string FileName(string form, string code) => $"{FileStems.GetValueOrDefault(form, form)}-{code}.pdf";

    /// <summary>The printed form of a decision at the counter (Form 2 or 3): it has no application code, so its id names it.</summary>
    public static string DecisionUrl(long id) => $"/applications/decisions/{id}.pdf";

    public static string DecisionFileName(ReceptionDecisionKind kind, long id) =>
        $"{(kind == ReceptionDecisionKind.Guidance ? "phieu-huong-dan-hoan-thien" : "phieu-tu-choi-tiep-nhan")}-tai-quay-{id}.pdf";

    public static void MapApplicationEndpoints(this WebApplication app)
    {
        app.MapGet("/applications/decisions/{decision:long}.pdf", async (long decision, HttpContext http, ReceptionDecisions decisions, AuditLog audit,
            TimeProvider clock, CancellationToken ct) =>
        {
            PersonalDataExports.NoStore(http.Response);
            if (CurrentStaff.From(http.User) is not { } me) return Results.Forbid();
            var detail = await decisions.DetailAsync(decision, ct);
            if (detail is null) return Results.NotFound();
            if (!AccessRules.CanSeeApplication(me.Role, me.BranchId, detail.BranchId, detail.BranchId)) return Results.Forbid();
            var pdf = ApplicationForms.RenderDecision(detail, PersonalDataExports.Stamp(me, clock));
            var name = DecisionFileName(detail.Kind, decision);
            await PersonalDataExports.RecordAsync(http, audit, me, nameof(ReceptionDecision), decision.ToString(System.Globalization.CultureInfo.InvariantCulture), name, ct);
            return Results.File(pdf, "application/pdf", name);
        }).RequireAuthorization(Policies.Staff);

        app.MapGet("/applications/{id:long}/forms/{form}.pdf", async (long id, string form, HttpContext http, ApplicationQueries queries, PublicLinks links,
            RatingLinks ratings, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
        {
            PersonalDataExports.NoStore(http.Response);
            if (CurrentStaff.From(http.User) is not { } me) return Results.Forbid();
            var detail = await queries.DetailAsync(id, ct);
            if (detail is null) return Results.NotFound();
            if (!AccessRules.CanSeeApplication(me.Role, me.BranchId, detail.ReceivingBranchId, detail.HandlingBranchId)) return Results.Forbid();
            var statusUrl = links.StatusUrl(http.Request, detail.Code);
            var head = form is "apology" or "stop" ? await queries.BranchHeadAsync(detail.HandlingBranchId, ct) : null;
            var ratingUrl = form == "receipt"
                ? await ratings.VisitUrlAsync(new VisitRef(VisitKind.Application, id), RatingLinks.OriginOf(http.Request), ct)
                : null;
            var pdf = ApplicationForms.Render(form, detail, me.FullName, head, statusUrl, DateOnly.FromDateTime(WorkingHours.ToVietnam(clock.GetUtcNow()).DateTime),
                PersonalDataExports.Stamp(me, clock), ratingUrl);
            if (pdf is null) return Results.NotFound();
            await PersonalDataExports.RecordAsync(http, audit, me, nameof(Application), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{FileName(form, detail.Code)} (hồ sơ {detail.Code})", ct);
            return Results.File(pdf, "application/pdf", FileName(form, detail.Code));
        }).RequireAuthorization(Policies.Staff);
    }
}
