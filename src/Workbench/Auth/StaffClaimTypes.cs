namespace HanoiWorkbench.Workbench.Auth;

/// <summary>Claims added from the staff record on every authentication; the staff record is the single source of role and branch scope.</summary>
public static class StaffClaimTypes
{
    public const string AuthenticationType = "StaffRecord";
    public const string StaffId = "hw:staff";
    public const string BranchId = "hw:branch";
    public const string HomeBranchId = "hw:home-branch";
    public const string FullName = "hw:name";
}
