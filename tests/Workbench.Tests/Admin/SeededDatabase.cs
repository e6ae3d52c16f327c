using HanoiWorkbench.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

[assembly: AssemblyFixture(typeof(HanoiWorkbench.Workbench.Tests.Admin.SeededTemplateCleanup))]

namespace HanoiWorkbench.Workbench.Tests.Admin;

/// <summary>
/// A real SQLite file in its own temp folder, seeded by the real <see cref="DatabaseInitializer"/>. Seeding runs once per test
/// run into a template file; each test gets its own copy.
/// </summary>
internal sealed class SeededDatabase : IDisposable
{
    private static readonly Lazy<Task<string>> Template = new(SeedTemplateAsync);

    private readonly TempFolder _temp;

    private SeededDatabase(TempFolder temp)
    {
        _temp = temp;
        Factory = new WorkbenchDbContextFactory(DatabaseSettings.ForSqlite("Data Source=workbench.db", temp.FullPath));
    }

    public string Folder => _temp.FullPath;
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
        var temp = new TempFolder("admin");
        File.Copy(template, temp.PathOf("workbench.db"));
        return new SeededDatabase(temp);
    }

    // The template's folder lives for the test run; SeededTemplateCleanup deletes it when the assembly's tests are done.
    private static readonly TempFolder TemplateFolder = new("admin-template");

    private static async Task<string> SeedTemplateAsync()
    {
        var folder = TemplateFolder.FullPath;
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

    /// <summary>Deletes the template's folder once every test of the assembly has run.</summary>
    internal static void DeleteTemplate() => TemplateFolder.Dispose();

    public void Dispose() => _temp.Dispose();
}

/// <summary>Runs once after every test of the assembly: deletes the seeded template's folder.</summary>
public sealed class SeededTemplateCleanup : IDisposable
{
    public void Dispose() => SeededDatabase.DeleteTemplate();
}
