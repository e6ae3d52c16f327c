using Microsoft.Data.Sqlite;

namespace HanoiWorkbench.Data.Tests;

/// <summary>A real SQLite file in its own temp folder, deleted afterwards.</summary>
internal sealed class TempDatabase : IAsyncDisposable
{
    private TempDatabase(string folder)
    {
        Folder = folder;
        Settings = DatabaseSettings.ForSqlite("Data Source=workbench.db", folder);
        Factory = new WorkbenchDbContextFactory(Settings);
    }

    public string Folder { get; }
    public DatabaseSettings Settings { get; }
    public WorkbenchDbContextFactory Factory { get; }
    public string FilePath => Path.Combine(Folder, "workbench.db");

    public static TempDatabase Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hw-data-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new TempDatabase(folder);
    }

    /// <summary>Reference data, demo staff and demo accounts: what <c>seed --demo</c> writes.</summary>
    public static async Task<TempDatabase> SeededAsync()
    {
        var db = Create();
        await DemoData.SeedAsync(db.Factory, TestContext.Current.CancellationToken);
        return db;
    }

    /// <summary>Reference data only: what every start (production included) writes.</summary>
    public static async Task<TempDatabase> ReferenceOnlyAsync()
    {
        var db = Create();
        await DatabaseInitializer.InitializeAsync(db.Factory, TestContext.Current.CancellationToken);
        return db;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a file still mapped by the OS: the temp folder is cleaned eventually */ }
        return ValueTask.CompletedTask;
    }
}
