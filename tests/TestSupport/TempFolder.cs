using Microsoft.Data.Sqlite;

namespace HanoiWorkbench.TestSupport;

/// <summary>
/// A folder of its own under the temp directory for one test's files (a SQLite database, its WAL, exported documents),
/// deleted on dispose. SQLite's pooled connections keep the file open, so the pools are cleared first; a file the OS
/// still maps is left for the temp directory's own cleaning rather than failing the test.
/// </summary>
public sealed class TempFolder : IDisposable, IAsyncDisposable
{
    public TempFolder(string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        FullPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hw-tests", purpose, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullPath);
    }

    public string FullPath { get; }

    /// <summary>The path of <paramref name="name"/> inside the folder.</summary>
    public string PathOf(string name) => System.IO.Path.Combine(FullPath, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(FullPath, recursive: true); }
        catch (IOException) { /* still mapped by the OS: the temp directory is cleaned eventually */ }
        catch (UnauthorizedAccessException) { /* as above */ }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
