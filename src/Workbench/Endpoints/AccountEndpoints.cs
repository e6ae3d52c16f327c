using HanoiWorkbench.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

using HanoiWorkbench.Workbench.Hosting;

namespace HanoiWorkbench.Workbench.Endpoints;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", async (SignInManager<WorkbenchUser> signIn, HttpContext http) =>
        {
            await signIn.SignOutAsync();
            await http.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });

        // Language switch: remembered in the standard culture cookie for a year.
        app.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext http, TimeProvider clock) =>
        {
            if (WorkbenchHostingExtensions.SupportedCultures.Any(c => c.Name == culture))
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(IsLocal(redirectUri) ? redirectUri! : "/");
        }).AllowAnonymous();
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
