using System.Security.Claims;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Audit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;

namespace HanoiWorkbench.Workbench.Auth;

/// <summary>
/// Names the signed-in person for the audit (<see cref="AuditScope"/>): for each HTTP request, and for each inbound activity of
/// a Blazor circuit (a click, a form post), where the request's context is long gone. Every audited change saved meanwhile
/// is appended with who, when and before/after.
/// </summary>
public static class AuditHosting
{
    public static IServiceCollection AddWorkbenchAudit(this IServiceCollection services)
    {
        services.AddScoped<CircuitHandler, AuditCircuitHandler>();
        return services;
    }

    /// <summary>After authentication: the request runs on behalf of its signed-in staff member.</summary>
    public static IApplicationBuilder UseWorkbenchAudit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        using (AuditScope.Use(ActorOf(http.User, http.RequestServices.GetRequiredService<TimeProvider>())))
            await next(http);
    });

    public static AuditActor? ActorOf(ClaimsPrincipal user, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(user);
        return CurrentStaff.From(user) is { } me ? new AuditActor(user.Identity?.Name ?? me.FullName, me.StaffId, clock) : null;
    }

    public const string LockedOutAction = "Tài khoản bị tạm khóa sau nhiều lần đăng nhập sai";

    /// <summary>The audit entry of a sign-in attempt at the form: success, failure, lock-out or throttled, for a known or unknown e-mail.</summary>
    public static Task SignInAsync(this AuditLog log, string email, WorkbenchUser? user, SignInResult? result, bool throttled = false,
        bool lockedNow = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var action = result switch
        {
            _ when throttled => "Đăng nhập bị chặn (quá nhiều lần từ một địa chỉ)",
            { IsLockedOut: true } when lockedNow => LockedOutAction,
            null => "Đăng nhập thất bại (tài khoản không tồn tại)",
            { Succeeded: true } => "Đăng nhập",
            { IsLockedOut: true } => "Đăng nhập khi tài khoản bị khóa",
            _ => "Đăng nhập thất bại",
        };
        return log.AppendAsync(email, user?.StaffId, action, nameof(WorkbenchUser), user?.Id ?? "", ct: ct);
    }
}

internal sealed class AuditCircuitHandler(AuthenticationStateProvider auth, TimeProvider clock) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var state = await auth.GetAuthenticationStateAsync();
            using (AuditScope.Use(AuditHosting.ActorOf(state.User, clock)))
                await next(context);
        };
}
