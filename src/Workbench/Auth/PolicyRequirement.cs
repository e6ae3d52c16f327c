using System.Security.Claims;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using Microsoft.AspNetCore.Authorization;

namespace HanoiWorkbench.Workbench.Auth;

/// <summary>Authorization by named policy; the decision is <see cref="AccessRules.Allows"/> on the role from the staff record.</summary>
public sealed record PolicyRequirement(string Policy) : IAuthorizationRequirement;

public sealed class PolicyRequirementHandler : AuthorizationHandler<PolicyRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PolicyRequirement requirement)
    {
        var staff = context.User.Identities.FirstOrDefault(i => i.AuthenticationType == StaffClaimTypes.AuthenticationType);
        var roleName = staff?.FindFirst(ClaimTypes.Role)?.Value;
        if (roleName is not null && Enum.TryParse<StaffRole>(roleName, out var role) && AccessRules.Allows(requirement.Policy, role))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
