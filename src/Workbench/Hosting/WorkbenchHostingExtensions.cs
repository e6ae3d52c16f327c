using HanoiWorkbench.Workbench.Reports;
using System.Globalization;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Endpoints;
using HanoiWorkbench.Workbench.Auth;
using HanoiWorkbench.Workbench.Components;
using HanoiWorkbench.Workbench.Realtime;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Identity.Web;
using MudBlazor.Services;

using HanoiWorkbench.Data.Admin;

namespace HanoiWorkbench.Workbench.Hosting;

public static class WorkbenchHostingExtensions
{
    public static readonly CultureInfo[] SupportedCultures = [new("vi-VN"), new("en-US")];

    /// <summary>Everything the workbench registers: configuration, data, sign-in, policies, localization, UI.</summary>
    public static WebApplicationBuilder AddWorkbench(this WebApplicationBuilder builder)
    {
        var root = WorkbenchPaths.FindRoot(builder.Environment.ContentRootPath);
        // The repository root's appsettings.json is the one configuration file; environment variables and the command line still override it.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = Path.Combine(root, "appsettings.json"),
            Optional = true,
            ReloadOnChange = false,
        });
        if (builder.Configuration is IConfigurationBuilder cb)
            foreach (var source in cb.Sources.OfType<Microsoft.Extensions.Configuration.FileConfigurationSource>())
                source.ResolveFileProvider();

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddWorkbenchData(builder.Configuration, root);
        builder.AddWorkbenchAuthentication();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        // Toasts at the bottom centre: page actions ("Nhận việc tiếp theo", save, call) sit in the heading at the top right,
        // where MudBlazor's default puts them, so a toast would cover the button just pressed.
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomCenter);
        services.AddWorkbenchRealtime(builder.Configuration);
        services.AddCityReports();
        services.AddKioskLimits(builder.Configuration);
        services.AddEndpointServices(builder.Configuration);
        services.AddWorkbenchRatings();
        services.AddHttpContextAccessor();
        // Vietnamese text is sent as is, not as &#x...; entities: pages are smaller and readable.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.AddWorkbenchEdges();
        services.AddWorkbenchTelemetry(builder.Configuration);
        return builder;
    }

    private static void AddWorkbenchAuthentication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var entra = builder.Configuration.GetSection("AzureAd");
        var entraEnabled = !string.IsNullOrWhiteSpace(entra["ClientId"]) && !string.IsNullOrWhiteSpace(entra["TenantId"]);
        services.AddSingleton(new EntraRoleMode(entraEnabled));
        services.AddScoped<IClaimsTransformation, StaffClaimsTransformation>();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, StaffRevalidatingAuthenticationStateProvider>();
        services.AddSingleton<SignInThrottle>();
        services.AddWorkbenchAudit();

        // Local accounts stay registered either way: the admin pages manage them and the seed creates the demo accounts.
        services.AddIdentityCore<WorkbenchUser>(o =>
            {
                PasswordPolicy.Apply(o);
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
            })
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddSignInManager()
            .AddEntityFrameworkStores<WorkbenchDbContext>()
            .AddDefaultTokenProviders();

        if (entraEnabled)
        {
            services.AddAuthentication(o =>
                {
                    o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                    o.DefaultChallengeScheme = Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectDefaults.AuthenticationScheme;
                })
                .AddMicrosoftIdentityWebApp(entra);
            // Sign-ins and failed sign-ins at Entra ID are appended to the audit like the local form's.
            services.PostConfigure<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>(
                Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectDefaults.AuthenticationScheme, EntraSignInAudit.Attach);
            services.AddAuthentication().AddIdentityCookies();
        }
        else
        {
            services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
            services.ConfigureApplicationCookie(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/access-denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                o.Cookie.Name = "hw.auth";
                // A signed-in person without the right gets a real 403 (rendered by /status/403), not a redirect.
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        }

        services.AddSingleton<IAuthorizationHandler, PolicyRequirementHandler>();
        services.AddAuthorization(o =>
        {
            // Pages state their policy in their folder's _Imports.razor; public pages (kiosk, lobby, status look-up) opt out.
            foreach (var policy in Policies.All)
                o.AddPolicy(policy, p => p.RequireAuthenticatedUser().AddRequirements(new PolicyRequirement(policy)));
        });
    }

    public static WebApplication UseWorkbench(this WebApplication app)
    {
        app.UseWorkbenchEdges();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("vi-VN"),
            SupportedCultures = SupportedCultures,
            SupportedUICultures = SupportedCultures,
            // Only the explicit choice (cookie) switches language; browsers' Accept-Language would make the default English.
            RequestCultureProviders = [new CookieRequestCultureProvider()],
        });
        app.UseKioskDeviceCookie();
        app.UseAuthentication();
        app.UseWorkbenchAudit();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();

        app.MapStaticAssets().AllowAnonymous();
        app.MapWorkbenchHealth();
        app.MapAccountEndpoints();
        app.MapApplicationEndpoints();
        app.MapSearchEndpoints();
        app.MapReportEndpoints();
        app.MapHub<LiveHub>(LiveHub.Path);
        app.MapQueueEndpoints();
        app.MapWorkbenchPoolApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
