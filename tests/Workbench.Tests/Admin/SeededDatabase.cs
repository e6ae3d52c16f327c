using HanoiWorkbench.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace HanoiWorkbench.Workbench.Tests.Admin;

/// <summary>
/// A real SQLite file in its own temp folder, seeded by the real <see cref="DatabaseInitializer"/>. Seeding runs once per test
/// run into a template file; each test gets its own copy.
/// </summary>
internal sealed class SeededDatabase : IDisposable
{
    private static readonly Lazy<Task<string>> Template = new(SeedTemplateAsync);

    private SeededDatabase(string folder)
    {
        Folder = folder;
        Factory = new WorkbenchDbContextFactory(DatabaseSettings.ForSqlite("Data Source=workbench.db", folder));
    }

    public string Folder { get; }
    public WorkbenchDbContextFactory Factory { get; }

    /// <summary>The configuration that points <c>AddWorkbenchData</c> at this copy.</summary>
    public IConfiguration Configuration => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Workbench"] = $"Data Source={Path.Combine(Folder, "workbench.db")}",
    }).Build();

    public static async Task<SeededDatabase> CreateAsync()
    {
        var template = await Template.Value;
        var folder = NewFolder();
        File.Copy(template, Path.Combine(folder, "workbench.db"));
        return new SeededDatabase(folder);
    }

    private static async Task<string> SeedTemplateAsync()
    {
        var folder = NewFolder();
        var factory = new WorkbenchDbContextFactory(DatabaseSettings.ForSqlite("Data Source=workbench.db;Pooling=False", folder));
        await DemoData.SeedAsync(factory, CancellationToken.None);
        await using (var db = factory.CreateDbContext())
        {
            // Fold the WAL back into the file so a plain copy carries everything.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        SqliteConnection.ClearAllPools();
        return Path.Combine(folder, "workbench.db");
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hw-admin-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* still mapped by the OS: the temp folder is cleaned eventually */ }
    }
}
