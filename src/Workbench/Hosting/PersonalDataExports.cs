using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Data.Audit;
using HanoiWorkbench.Workbench.Auth;
using HanoiWorkbench.Workbench.Pdf;

namespace HanoiWorkbench.Workbench.Hosting;

/// <summary>
/// What every download with citizens' personal data gets (Decree 13/2023/NĐ-CP): the stamp of who exported it and when, printed
/// in the document; an audit entry appended before the bytes leave; and <c>Cache-Control: no-store</c>, so neither the browser
/// nor a proxy keeps a copy.
/// </summary>
public static class PersonalDataExports
{
    public const string ExportAction = "Xuất tài liệu";

    public static ExportStamp Stamp(CurrentStaff me, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(clock);
        return new ExportStamp(me.FullName, WorkingHours.ToVietnam(clock.GetUtcNow()).DateTime);
    }

    /// <summary>Appends the export to the audit and marks the response not to be stored; call once the document is ready to send.</summary>
    public static async Task RecordAsync(HttpContext http, AuditLog audit, CurrentStaff me, string entityType, string entityId, string details,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(me);
        await audit.AppendAsync(AuditScope.Current?.UserName ?? me.FullName, me.StaffId, ExportAction, entityType, entityId, details, ct);
        NoStore(http.Response);
    }

    public static void NoStore(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
    }
}
