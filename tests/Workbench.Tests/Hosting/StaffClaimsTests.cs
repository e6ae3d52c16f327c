using System.Security.Claims;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Hosting;

/// <summary>Entra ID sign-in: the person is matched to a staff record, whose role and branch apply.</summary>
public sealed class EntraSignInMapsToStaffRecords(EntraFactory factory) : IClassFixture<EntraFactory>
{
    private async Task<Staff> ADirectorAsync()
    {
        var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        await using (db)
            return await db.Staff.AsNoTracking().FirstAsync(s => s.Role == StaffRole.Director, TestContext.Current.CancellationToken);
    }

    private static ClaimsPrincipal EntraUser(string email, params string[] roles)
    {
        var identity = new ClaimsIdentity("OpenIdConnect");
        identity.AddClaim(new Claim("oid", Guid.NewGuid().ToString()));
        identity.AddClaim(new Claim("preferred_username", email.ToUpperInvariant()));
        foreach (var role in roles) identity.AddClaim(new Claim("roles", role));
        return new ClaimsPrincipal(identity);
    }

    [Fact]
    public async Task With_AzureAd_configured_the_challenge_goes_to_Entra_ID()
    {
        var schemes = factory.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        var challenge = await schemes.GetDefaultChallengeSchemeAsync();

        Assert.Equal(OpenIdConnectDefaults.AuthenticationScheme, challenge!.Name);
    }

    [Fact]
    public async Task A_user_whose_app_role_matches_the_staff_record_gets_its_role_and_branch()
    {
        var director = await ADirectorAsync();
        using var scope = factory.Services.CreateScope();
        var transformation = scope.ServiceProvider.GetRequiredService<IClaimsTransformation>();

        var principal = await transformation.TransformAsync(EntraUser(director.Email, "Director"));
        var me = CurrentStaff.From(principal);

        Assert.NotNull(me);
        Assert.Equal((director.Id, StaffRole.Director, director.CurrentBranchId), (me.StaffId, me.Role, me.BranchId));
    }

    [Fact]
    public async Task A_user_whose_app_role_differs_from_the_staff_record_gets_no_staff_identity()
    {
        var director = await ADirectorAsync();
        using var scope = factory.Services.CreateScope();
        var transformation = scope.ServiceProvider.GetRequiredService<IClaimsTransformation>();

        var principal = await transformation.TransformAsync(EntraUser(director.Email, "Admin"));

        Assert.Null(CurrentStaff.From(principal));
    }

    [Fact]
    public async Task A_user_without_a_staff_record_gets_no_staff_identity()
    {
        using var scope = factory.Services.CreateScope();
        var transformation = scope.ServiceProvider.GetRequiredService<IClaimsTransformation>();

        var principal = await transformation.TransformAsync(EntraUser("nobody@example.org", "Clerk"));

        Assert.Null(CurrentStaff.From(principal));
    }
}

public sealed class EntraFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hw-entra-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Workbench", $"Data Source={Path.Combine(_folder, "workbench.db")}");
        builder.UseSetting("AzureAd:Instance", "https://login.microsoftonline.com/");
        builder.UseSetting("AzureAd:TenantId", "11111111-2222-3333-4444-555555555555");
        builder.UseSetting("AzureAd:ClientId", "66666666-7777-8888-9999-000000000000");
        builder.ConfigureServices(s => s.AddHostedService<DemoSeeding>());
        WorkbenchFactory.UseTestEdges(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
    }
}
