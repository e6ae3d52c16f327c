using System.Globalization;
using System.Security.Claims;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Workbench.Auth;

/// <summary>The signed-in staff member as the claims describe them.</summary>
public sealed record CurrentStaff(int StaffId, string FullName, StaffRole Role, int BranchId, int HomeBranchId)
{
    public bool SeesAllBranches => AccessRules.SeesAllBranches(Role);

    public static CurrentStaff? From(ClaimsPrincipal user)
    {
        var id = user.Identities.FirstOrDefault(i => i.AuthenticationType == StaffClaimTypes.AuthenticationType);
        if (id is null) return null;
        return new CurrentStaff(
            int.Parse(id.FindFirst(StaffClaimTypes.StaffId)!.Value, CultureInfo.InvariantCulture),
            id.FindFirst(StaffClaimTypes.FullName)!.Value,
            Enum.Parse<StaffRole>(id.FindFirst(ClaimTypes.Role)!.Value),
            int.Parse(id.FindFirst(StaffClaimTypes.BranchId)!.Value, CultureInfo.InvariantCulture),
            int.Parse(id.FindFirst(StaffClaimTypes.HomeBranchId)!.Value, CultureInfo.InvariantCulture));
    }
}
