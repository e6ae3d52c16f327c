using System.Security.Claims;
using Bunit;
using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Components.Pages.Applications.Reception;
using HanoiWorkbench.Workbench.Tests.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace HanoiWorkbench.Workbench.Tests.Applications;

/// <summary>The reception page on a seeded SQLite copy, signed in as the Tây Hồ clerk, on Monday 2 March 2026 at 09:00.</summary>
public abstract class ReceptionPageContext() : SeededPageContext(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)))
{
    private ClaimsPrincipal _clerk = new();

    protected override async Task ArrangeAsync() => _clerk = Principal(await StaffAsync(DemoAccounts.Clerk.Email));

    /// <summary>The page as the clerk sees it, once its form is there.</summary>
    protected IRenderedComponent<CascadingValue<Task<AuthenticationState>>> RenderForm()
    {
        var form = Render<CascadingValue<Task<AuthenticationState>>>(p => p
            .Add(c => c.Value, Task.FromResult(new AuthenticationState(_clerk)))
            .AddChildContent<ReceptionPage>());
        form.WaitForAssertion(() => Assert.NotNull(form.Find("#applicant-cccd")));
        return form;
    }
}
