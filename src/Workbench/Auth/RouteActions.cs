using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Workbench.Auth;

/// <summary>
/// What a route's permission is checked against: nothing (the page opens for anyone whose role has the action at some scope, and
/// decides branch by branch inside), the branch it names (path or <c>branch=</c> query), or the application it names.
/// </summary>
public enum RouteTarget
{
    City = 0,
    Branch = 1,
    Application = 2,
}

/// <summary>
/// How a route is guarded: public (kiosk, lobby, status look-up, sign-in), any signed-in staff member, or a
/// <see cref="StaffAction"/> of the permission table on a <see cref="RouteTarget"/>.
/// </summary>
public sealed record RouteAccess(StaffAction? Action, RouteTarget Target = RouteTarget.City, bool SignedIn = true)
{
    public static RouteAccess Public { get; } = new(null, SignedIn: false);
    public static RouteAccess AnyStaff { get; } = new((StaffAction?)null);
    public static RouteAccess To(StaffAction action, RouteTarget target = RouteTarget.City) => new(action, target);
}

/// <summary>
/// Every route of the workbench (pages and endpoints) with the permission it needs, by route pattern. The generated test
/// (tests/Workbench.Tests/Security) reads the app's endpoint data source: a route missing here fails it, and every listed
/// route is tried as every role, at its own branch and another, against <see cref="Permissions"/>. docs/security.md shows it.
/// </summary>
public static class RouteActions
{
    public static readonly IReadOnlyDictionary<string, RouteAccess> ByPattern = new Dictionary<string, RouteAccess>(StringComparer.OrdinalIgnoreCase)
    {
        // Public: citizens, lobby screens and kiosks, sign-in, errors.
        ["/account/login"] = RouteAccess.Public,
        ["/account/access-denied"] = RouteAccess.Public,
        ["/culture/set"] = RouteAccess.Public,
        ["/error"] = RouteAccess.Public,
        ["/not-found"] = RouteAccess.Public,
        ["/status/{Code:int}"] = RouteAccess.Public,
        ["/kiosk"] = RouteAccess.Public,
        ["/kiosk/{BranchCode}"] = RouteAccess.Public,
        ["/kiosk/where-to-go"] = RouteAccess.Public,
        ["/tra-cuu"] = RouteAccess.Public,
        ["/danh-gia/{Token}"] = RouteAccess.Public,         // a visit's rating, by the signed token of its QR code
        ["/danh-gia/quay/{Token}"] = RouteAccess.Public,    // a counter's tablet, by the counter's signed token
        ["/api/status"] = RouteAccess.Public,
        ["/display/{branchCode?}"] = RouteAccess.Public,
        ["/api/display/"] = RouteAccess.Public,
        ["/api/display/{branchCode}"] = RouteAccess.Public,
        ["/health/live"] = RouteAccess.Public,
        ["/health/ready"] = RouteAccess.Public,
        ["/hubs/live"] = RouteAccess.Public,               // each hub method decides (LiveHub)
        ["/hubs/live/negotiate"] = RouteAccess.Public,
        ["/api/applications"] = RouteAccess.Public,        // the national portal, by API key
        ["/api/where-to-go"] = RouteAccess.Public,
        ["/openapi/{documentName}.json"] = RouteAccess.Public,

        // Any signed-in staff member.
        ["/"] = RouteAccess.AnyStaff,
        ["/where-to-go"] = RouteAccess.AnyStaff,
        ["/account/logout"] = RouteAccess.AnyStaff,

        // The permission table.
        ["/counter"] = RouteAccess.To(StaffAction.ServeQueue),
        ["/applications"] = RouteAccess.To(StaffAction.ViewApplication),
        ["/applications/new"] = RouteAccess.To(StaffAction.ReceiveApplication),
        ["/applications/{Id:long}"] = RouteAccess.To(StaffAction.ViewApplication, RouteTarget.Application),
        ["/applications/{id:long}/forms/{form}.pdf"] = RouteAccess.To(StaffAction.ViewApplication, RouteTarget.Application),
        ["/applications/decisions/{decision:long}.pdf"] = RouteAccess.To(StaffAction.ReceiveApplication),   // the endpoint checks the decision's branch
        ["/applications/book"] = RouteAccess.To(StaffAction.ExportTrackingBook),
        ["/applications/book.pdf"] = RouteAccess.To(StaffAction.ExportTrackingBook, RouteTarget.Branch),
        ["/applications/book.xlsx"] = RouteAccess.To(StaffAction.ExportTrackingBook, RouteTarget.Branch),
        ["/pool"] = RouteAccess.To(StaffAction.ClaimPoolWork),
        ["/pool/submissions"] = RouteAccess.To(StaffAction.ReceiveApplication),
        ["/board/{BranchCode}"] = RouteAccess.To(StaffAction.ViewBranchBoard, RouteTarget.Branch),
        ["/reports/productivity"] = RouteAccess.To(StaffAction.ViewReports),
        ["/reports/productivity.pdf"] = RouteAccess.To(StaffAction.ViewReports, RouteTarget.Branch),
        ["/reports/productivity.xlsx"] = RouteAccess.To(StaffAction.ViewReports, RouteTarget.Branch),
        ["/director/map"] = RouteAccess.To(StaffAction.ViewCityDashboard),
        ["/director/scorecard"] = RouteAccess.To(StaffAction.ViewReports),
        ["/reports/city"] = RouteAccess.To(StaffAction.RequestCityReport),
        ["/reports/city/{report:long}.pdf"] = RouteAccess.To(StaffAction.RequestCityReport),
        ["/reports/city/{report:long}.xlsx"] = RouteAccess.To(StaffAction.RequestCityReport),
        ["/director/pool-policy"] = RouteAccess.To(StaffAction.SetPoolPolicy),
        ["/director/targets"] = RouteAccess.To(StaffAction.SetTargets),
        ["/director/alerts"] = RouteAccess.To(StaffAction.AcknowledgeAlert),
        ["/admin/branches"] = RouteAccess.To(StaffAction.ManageReferenceData),
        ["/admin/branches/new"] = RouteAccess.To(StaffAction.ManageReferenceData),
        ["/admin/branches/{Id:int}"] = RouteAccess.To(StaffAction.ManageReferenceData),
        ["/admin/counters"] = RouteAccess.To(StaffAction.ManageReferenceData),
        ["/admin/counters/new"] = RouteAccess.To(StaffAction.ManageReferenceData),
        ["/admin/counters/{Id:int}"] = RouteAccess.To(StaffAction.ManageReferenceData),
        ["/admin/procedures"] = RouteAccess.To(StaffAction.ManageReferenceData),
        ["/admin/procedures/new"] = RouteAccess.To(StaffAction.ManageReferenceData),
        ["/admin/procedures/{Id:int}"] = RouteAccess.To(StaffAction.ManageReferenceData),
        ["/admin/calendar"] = RouteAccess.To(StaffAction.ManageReferenceData),
        ["/admin/calendar/{Year:int}"] = RouteAccess.To(StaffAction.ManageReferenceData),
        ["/admin/staff"] = RouteAccess.To(StaffAction.ManageAccounts),
        ["/admin/staff/new"] = RouteAccess.To(StaffAction.ManageAccounts),
        ["/admin/staff/{Id:int}"] = RouteAccess.To(StaffAction.ManageAccounts),
        ["/admin/users"] = RouteAccess.To(StaffAction.ManageAccounts),
        ["/admin/audit"] = RouteAccess.To(StaffAction.ViewAudit),
    };
}
