namespace HanoiWorkbench.Workbench.Hosting;

/// <summary>Finds the repository root (the folder with HanoiWorkbench.sln) so data/ and appsettings.json live at the top level however the app is started.</summary>
public static class WorkbenchPaths
{
    public static string FindRoot(string startFrom)
    {
        for (var dir = new DirectoryInfo(startFrom); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HanoiWorkbench.sln")))
                return dir.FullName;
        return startFrom;
    }
}
