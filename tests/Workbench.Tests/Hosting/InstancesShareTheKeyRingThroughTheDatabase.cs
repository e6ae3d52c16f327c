using System.Security.Claims;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HanoiWorkbench.Workbench.Tests.Hosting;

/// <summary>
/// Instances on separate servers have separate user profiles: each "instance" here has its own, empty key folder (where
/// ASP.NET Core would keep keys without <see cref="KeyRing"/>), so a cookie or token one protects can only be read by
/// another through the keys in the database they share.
/// </summary>
public sealed class InstancesShareTheKeyRingThroughTheDatabase : IAsyncDisposable
{
    private readonly TempFolder _temp = new("keyring");
    private readonly List<ServiceProvider> _instances = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sign_in_cookie_and_an_antiforgery_token_from_one_instance_are_accepted_by_another_on_the_same_database_only()
    {
        var shared = await MigratedDatabaseAsync("shared.db");
        var other = await MigratedDatabaseAsync("other.db");
        var a = Instance(shared, "keys-a");
        var b = Instance(shared, "keys-b");
        var elsewhere = Instance(other, "keys-elsewhere");

        var cookie = SignInCookie(a).Protect(Ticket("clerk@example.vn"));
        var form = AntiforgeryTokens(a);

        Assert.Equal("clerk@example.vn", SignInCookie(b).Unprotect(cookie)?.Principal.Identity?.Name);
        await b.GetRequiredService<IAntiforgery>().ValidateRequestAsync(PostedForm(b, form));

        Assert.Null(SignInCookie(elsewhere).Unprotect(cookie));
        await Assert.ThrowsAsync<AntiforgeryValidationException>(() =>
            elsewhere.GetRequiredService<IAntiforgery>().ValidateRequestAsync(PostedForm(elsewhere, form)));

        // The keys live in the databases, one in each (B found A's and made none), and no folder was written.
        Assert.Equal(1, await KeysInAsync(a));
        Assert.Equal(1, await KeysInAsync(elsewhere));
        Assert.All(new[] { "keys-a", "keys-b", "keys-elsewhere" }, folder => Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.PathOf(folder))));
    }

    private async Task<string> MigratedDatabaseAsync(string name)
    {
        var file = _temp.PathOf(name);
        await using var db = new WorkbenchDbContextFactory(DatabaseSettings.ForSqlite($"Data Source={file}", _temp.FullPath)).CreateDbContext();
        await db.Database.MigrateAsync(Ct);
        return file;
    }

    /// <summary>What an instance registers for cookies and antiforgery, with a key folder of its own to fall back on.</summary>
    private ServiceProvider Instance(string databaseFile, string keyFolder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Workbench"] = $"Data Source={databaseFile}",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDataProtection().PersistKeysToFileSystem(Directory.CreateDirectory(_temp.PathOf(keyFolder)));
        services.AddWorkbenchData(configuration, _temp.FullPath).AddWorkbenchKeyRing();
        services.AddAntiforgery();
        services.AddAuthentication().AddIdentityCookies();
        var provider = services.BuildServiceProvider();
        _instances.Add(provider);
        return provider;
    }

    private static ISecureDataFormat<AuthenticationTicket> SignInCookie(IServiceProvider instance) =>
        instance.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;

    private static AuthenticationTicket Ticket(string email) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, email)], IdentityConstants.ApplicationScheme)),
            IdentityConstants.ApplicationScheme);

    /// <summary>The cookie and the form field of a form the instance rendered.</summary>
    private static (string Cookie, string Field) AntiforgeryTokens(IServiceProvider instance)
    {
        var http = new DefaultHttpContext { RequestServices = instance };
        var tokens = instance.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var cookieName = instance.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        return ($"{cookieName}={tokens.CookieToken}", tokens.RequestToken!);
    }

    private static DefaultHttpContext PostedForm(IServiceProvider instance, (string Cookie, string Field) form)
    {
        var http = new DefaultHttpContext { RequestServices = instance };
        http.Request.Method = HttpMethods.Post;
        http.Request.Headers.Cookie = form.Cookie;
        http.Request.ContentType = "application/x-www-form-urlencoded";
        http.Request.Form = new FormCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["__RequestVerificationToken"] = form.Field,
        });
        return http;
    }

    private static async Task<int> KeysInAsync(IServiceProvider instance)
    {
        await using var db = await instance.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        return await db.DataProtectionKeys.CountAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances) await instance.DisposeAsync();
        await _temp.DisposeAsync();
    }
}
