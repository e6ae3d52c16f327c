using Bunit;
using HanoiWorkbench.Workbench.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Shell;

/// <summary>An unexpected error in a page shows a Vietnamese message with a retry, instead of ending the user's session.</summary>
public sealed class AFailingPageKeepsTheSession : ShellTestContext
{
    private const string Message = "Trang này vừa gặp lỗi không mong muốn.";

    private IRenderedComponent<PageErrorBoundary> Page() =>
        Render<PageErrorBoundary>(p => p.AddChildContent<FailingPanel>());

    [Fact]
    public void An_error_in_the_page_shows_the_message_and_retry_brings_the_page_back()
    {
        var page = Page();
        Assert.Empty(page.FindAll("[data-testid=page-error]"));

        page.Find("[data-testid=break]").Click();

        Assert.Contains(Message, page.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=panel]"));

        page.Find("[data-testid=page-error-retry]").Click();

        Assert.Empty(page.FindAll("[data-testid=page-error]"));
        Assert.Equal("Nội dung trang", page.Find("[data-testid=panel]").TextContent);
    }

    [Fact]
    public void Moving_to_another_page_clears_the_error()
    {
        var page = Page();
        page.Find("[data-testid=break]").Click();
        Assert.NotEmpty(page.FindAll("[data-testid=page-error]"));

        Services.GetRequiredService<NavigationManager>().NavigateTo("/applications");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=page-error]")));
        Assert.NotEmpty(page.FindAll("[data-testid=panel]"));
    }

    [Fact]
    public void Every_layout_puts_its_pages_inside_the_boundary()
    {
        var root = RepositoryFiles.Root;
        var layouts = Directory.EnumerateFiles(Path.Combine(root, "src", "Workbench", "Components"), "*.razor", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("@Body", StringComparison.Ordinal)).ToList();
        Assert.True(layouts.Count >= 6, $"found {layouts.Count} layouts");
        Assert.All(layouts, f => Assert.Contains("PageErrorBoundary>@Body</", File.ReadAllText(f), StringComparison.Ordinal));
    }
}
