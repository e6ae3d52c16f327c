using System.Globalization;
using System.Security.Claims;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Workbench.Auth;

/// <summary>
/// Adds the staff record's role and branch to whoever signed in (local account or Entra ID), read afresh on each
/// authentication so a reassignment or a role change takes effect without signing out.
/// </summary>
public sealed class StaffClaimsTransformation(IDbContextFactory<WorkbenchDbContext> dbFactory, EntraRoleMode entraMode) : IClaimsTransformation
{
    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return principal;
        if (principal.Identities.Any(i => i.AuthenticationType == StaffClaimTypes.AuthenticationType)) return principal;

        await using var db = await dbFactory.CreateDbContextAsync();
        var staff = await FindStaffAsync(db, principal);
        if (staff is null || !staff.IsActive) return principal;

        var appRoles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Concat(principal.FindAll("roles").Select(c => c.Value));
        var role = RoleMapping.Effective(staff.Role, appRoles, entraMode.Enabled);
        if (role is null) return principal;

        var identity = new ClaimsIdentity(StaffClaimTypes.AuthenticationType, StaffClaimTypes.FullName, ClaimTypes.Role);
        identity.AddClaim(new Claim(StaffClaimTypes.StaffId, staff.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(StaffClaimTypes.BranchId, staff.CurrentBranchId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(StaffClaimTypes.HomeBranchId, staff.HomeBranchId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(StaffClaimTypes.FullName, staff.FullName));
        identity.AddClaim(new Claim(ClaimTypes.Role, role.Value.ToString()));
        var result = principal.Clone();
        result.AddIdentity(identity);
        return result;
    }

    private async Task<Staff?> FindStaffAsync(WorkbenchDbContext db, ClaimsPrincipal principal)
    {
        if (entraMode.Enabled)
        {
            var oid = principal.FindFirstValue(ObjectIdClaim) ?? principal.FindFirstValue("oid");
            if (oid is not null)
            {
                var byOid = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.ExternalObjectId == oid);
                if (byOid is not null) return byOid;
            }
            var mail = (principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue(ClaimTypes.Email))?.ToLowerInvariant();
            return mail is null ? null : await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Email == mail);
        }

        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return null;
        var staffId = await db.Users.Where(u => u.Id == userId).Select(u => u.StaffId).FirstOrDefaultAsync();
        return staffId is null ? null : await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == staffId);
    }
}

/// <summary>Whether staff sign in with Entra ID (Microsoft.Identity.Web) instead of local accounts.</summary>
public sealed record EntraRoleMode(bool Enabled);
