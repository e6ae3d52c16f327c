namespace HanoiWorkbench.Workbench;

/// <summary>Marker for the shared UI strings (Resources/SharedResource*.resx). Keys are the Vietnamese text; English is a translation.</summary>
public sealed class SharedResource;
