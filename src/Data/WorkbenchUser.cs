using Microsoft.AspNetCore.Identity;

namespace HanoiWorkbench.Data;

/// <summary>A local sign-in account. Role and branch scope are NOT stored here: they come from the linked staff record.</summary>
public sealed class WorkbenchUser : IdentityUser
{
    public int? StaffId { get; set; }
}
