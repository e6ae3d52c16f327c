using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Rules;

/// <summary>How a signed-in person's effective role is decided: the staff record always decides; Entra ID app roles can only confirm it.</summary>
public static class RoleMapping
{
    /// <summary>
    /// The role the person acts in, or null when they may not act at all. With local accounts the staff record's role
    /// applies. With Entra ID the token's app roles (names of <see cref="StaffRole"/>, case-insensitive) must include the
    /// staff record's role: a tenant administrator cannot grant more than the center recorded, and a removed app-role
    /// assignment locks the person out.
    /// </summary>
    public static StaffRole? Effective(StaffRole staffRole, IEnumerable<string> appRoles, bool entraIdSignIn)
    {
        if (!entraIdSignIn) return staffRole;
        foreach (var claim in appRoles)
            if (Enum.TryParse<StaffRole>(claim, ignoreCase: true, out var r) && r == staffRole && Enum.IsDefined(r))
                return staffRole;
        return null;
    }
}
