using System.Security.Claims;
using HanoiWorkbench.Data.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace HanoiWorkbench.Workbench.Auth;

/// <summary>
/// Entra ID sign-ins in the audit, like the local form's: a validated token is "Đăng nhập (Entra ID)" when it maps to an
/// active staff record whose role it may have, else refused in the audit's words; a failed round trip (a bad or expired
/// token, the user cancelling at Microsoft) is appended and the person lands on the Vietnamese refusal page instead of
/// an error. The entry names the account (preferred_username) and the directory object id, never a token or a claim value else.
/// </summary>
public static class EntraSignInAudit
{
    public const string EntityType = "EntraUser";
    public const string SignedIn = "Đăng nhập (Entra ID)";
    public const string NoStaffRecord = "Đăng nhập Entra ID không được nhận (không có hồ sơ cán bộ đang hoạt động với vai trò này)";
    public const string Failed = "Đăng nhập Entra ID thất bại";
    public const string FailedPage = "/account/access-denied?reason=entra";

    /// <summary>Wraps the handlers Microsoft.Identity.Web set (they run first).</summary>
    public static void Attach(OpenIdConnectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validated = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = async context =>
        {
            await validated(context);
            await TokenValidatedAsync(context);
        };
        var failed = options.Events.OnRemoteFailure;
        options.Events.OnRemoteFailure = async context =>
        {
            await failed(context);
            await RemoteFailureAsync(context);
        };
    }

    public static async Task TokenValidatedAsync(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is not { } principal) return;
        var services = context.HttpContext.RequestServices;
        // The same mapping every request will make: the staff record, active, with a role the app roles allow.
        var mapped = await services.GetRequiredService<IClaimsTransformation>().TransformAsync(principal);
        var me = CurrentStaff.From(mapped);
        await services.GetRequiredService<AuditLog>().AppendAsync(AccountOf(principal), me?.StaffId, me is null ? NoStaffRecord : SignedIn,
            EntityType, ObjectIdOf(principal), ct: context.HttpContext.RequestAborted);
    }

    public static async Task RemoteFailureAsync(RemoteFailureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Result is { Handled: true }) return;
        var services = context.HttpContext.RequestServices;
        // The failure's kind only: its message may quote the token.
        var kind = context.Failure?.GetType().Name ?? "unknown";
        await services.GetRequiredService<AuditLog>().AppendAsync("(Entra ID)", null, Failed, EntityType, "", kind, context.HttpContext.RequestAborted);
        context.Response.Redirect(FailedPage);
        context.HandleResponse();
    }

    private static string AccountOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity?.Name ?? "(Entra ID)";

    private static string ObjectIdOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue("http://schemas.microsoft.com/identity/claims/objectidentifier") ?? principal.FindFirstValue("oid") ?? "";
}
