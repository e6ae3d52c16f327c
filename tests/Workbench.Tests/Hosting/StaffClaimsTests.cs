using System.Security.Claims;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

/// <summary>Entra ID sign-ins reach the audit through the OpenID Connect events the host registered.</summary>
public sealed class EntraSignInsAreAudited(EntraFactory factory) : IClassFixture<EntraFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OpenIdConnectOptions Options =>
        factory.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);

    private static readonly AuthenticationScheme Scheme = new(OpenIdConnectDefaults.AuthenticationScheme, null, typeof(OpenIdConnectHandler));

    private async Task<AuditEntry> LastEntryAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        return await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync(Ct);
    }

    private async Task<Staff> ADirectorAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        return await db.Staff.AsNoTracking().FirstAsync(s => s.Role == StaffRole.Director && s.IsActive, Ct);
    }

    private static ClaimsPrincipal EntraUser(string email, string oid, params string[] roles)
    {
        var identity = new ClaimsIdentity("OpenIdConnect");
        identity.AddClaim(new Claim("oid", oid));
        identity.AddClaim(new Claim("preferred_username", email));
        foreach (var role in roles) identity.AddClaim(new Claim("roles", role));
        return new ClaimsPrincipal(identity);
    }

    private async Task<TokenValidatedContext> ValidateAsync(ClaimsPrincipal user)
    {
        using var scope = factory.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var context = new TokenValidatedContext(http, Scheme, Options, user, new AuthenticationProperties());
        await Options.Events.TokenValidated(context);
        return context;
    }

    [Fact]
    public async Task A_token_that_maps_to_an_active_staff_record_is_appended_as_a_sign_in_of_that_person()
    {
        var director = await ADirectorAsync();
        var oid = Guid.NewGuid().ToString();

        await ValidateAsync(EntraUser(director.Email, oid, "Director"));

        var entry = await LastEntryAsync();
        Assert.Equal((EntraSignInAudit.SignedIn, director.Email, director.Id, EntraSignInAudit.EntityType, oid),
            (entry.Action, entry.UserName, entry.StaffId, entry.EntityType, entry.EntityId));
    }

    [Theory]
    [InlineData("nobody@example.org", "Clerk")] // no staff record
    [InlineData(null, "Admin")]                 // a staff record, but the app role differs from it
    public async Task A_token_without_a_usable_staff_record_is_appended_as_not_received(string? email, string role)
    {
        email ??= (await ADirectorAsync()).Email;

        await ValidateAsync(EntraUser(email, Guid.NewGuid().ToString(), role));

        var entry = await LastEntryAsync();
        Assert.Equal((EntraSignInAudit.NoStaffRecord, email, (int?)null), (entry.Action, entry.UserName, entry.StaffId));
    }

    [Fact]
    public async Task A_failed_round_trip_is_appended_without_its_message_and_lands_on_the_Vietnamese_refusal()
    {
        using var scope = factory.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var failure = new InvalidOperationException("IDX10223: Lifetime validation failed. secret-token-text");
        var context = new RemoteFailureContext(http, Scheme, Options, failure);

        await Options.Events.RemoteFailure(context);

        var entry = await LastEntryAsync();
        Assert.Equal((EntraSignInAudit.Failed, nameof(InvalidOperationException)), (entry.Action, entry.Details));
        Assert.True(context.Result?.Handled);
        Assert.Equal(EntraSignInAudit.FailedPage, http.Response.Headers.Location.ToString());
        var page = await factory.CreateClient().GetStringAsync(EntraSignInAudit.FailedPage, Ct);
        Assert.Contains("Đăng nhập bằng Microsoft Entra ID không thành công", page, StringComparison.Ordinal);
    }
}

public sealed class EntraFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder _temp = new("entra");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Workbench", $"Data Source={_temp.PathOf("workbench.db")}");
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
            _temp.Dispose();
        }
    }
}
