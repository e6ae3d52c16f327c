using Bunit;
using HanoiWorkbench.Workbench.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Shell;

public sealed class LanguageSwitchTests : ShellTestContext
{
    [Fact]
    public void Choosing_English_reloads_the_same_page_through_the_culture_endpoint()
    {
        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/admin/staff");
        var cut = Render<LanguageSwitchHost>();

        cut.Find("button").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".mud-menu-item")));
        cut.FindAll(".mud-menu-item").Single(e => e.TextContent.Contains("English", StringComparison.Ordinal)).Click();

        Assert.Equal("http://localhost/culture/set?culture=en-US&redirectUri=%2Fadmin%2Fstaff", nav.Uri);
    }
}
