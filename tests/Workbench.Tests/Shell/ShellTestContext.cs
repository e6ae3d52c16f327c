using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HanoiWorkbench.Workbench.Tests.Shell;

/// <summary>bUnit context with MudBlazor, the real localizer and loose JS interop, as the house style asks.</summary>
public abstract class ShellTestContext : BunitContext
{
    protected ShellTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Auth = AddAuthorization();
    }

    protected BunitAuthorizationContext Auth { get; }
}
