namespace HanoiWorkbench.Workbench.Tests.Shell;

internal static class RepositoryFiles
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HanoiWorkbench.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Repository root not found.");
    }
}
