using System.Net;
using HanoiWorkbench.Data;

namespace HanoiWorkbench.Workbench.Tests.Hosting;

public sealed class SignInAndAccessTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/admin/branches")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string path)
    {
        var client = factory.CreateBrowserLikeClient();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(path), response.Headers.Location!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_is_in_Vietnamese_and_needs_no_account()
    {
        var client = factory.CreateBrowserLikeClient();

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/account/login", TestContext.Current.CancellationToken));

        Assert.Contains("Đăng nhập", html, StringComparison.Ordinal);
        Assert.Contains("Mật khẩu", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_Vietnamese_message()
    {
        var client = factory.CreateBrowserLikeClient();

        var response = await WorkbenchFactory.PostLoginAsync(client, DemoAccounts.Clerk.Email, "wrong-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Email hoặc mật khẩu không đúng.", await WorkbenchFactory.ReadHtmlAsync(response), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("hw.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_clerk_gets_403_on_an_admin_page()
    {
        var client = await factory.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);

        var response = await client.GetAsync("/admin/branches", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Không có quyền truy cập", await WorkbenchFactory.ReadHtmlAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_opens_the_admin_pages()
    {
        var client = await factory.SignInAsync(DemoAccounts.Admin.Email, DemoAccounts.Password);

        var response = await client.GetAsync("/admin/branches", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_clerk_sees_the_home_page_of_their_branch()
    {
        var client = await factory.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Chi nhánh của tôi", await WorkbenchFactory.ReadHtmlAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_English_switch_sets_the_culture_cookie_and_returns_to_the_page()
    {
        var client = factory.CreateBrowserLikeClient();

        var response = await client.GetAsync("/culture/set?culture=en-US&redirectUri=/account/login", TestContext.Current.CancellationToken);
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/account/login", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
        Assert.Contains("Sign in", html, StringComparison.Ordinal);
        Assert.Contains("Password", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_never_redirects_off_site()
    {
        var client = factory.CreateBrowserLikeClient();

        var response = await client.GetAsync("/culture/set?culture=vi-VN&redirectUri=//evil.example", TestContext.Current.CancellationToken);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
