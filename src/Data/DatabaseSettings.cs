using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace HanoiWorkbench.Data;

public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
    Postgres = 2,
}

/// <summary>Which database to use and how to reach it: <c>Database:Provider</c> and <c>ConnectionStrings:Workbench</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Workbench";
    public const string DefaultSqliteFile = "data/workbench.db";

    /// <summary>Reads the settings; a relative SQLite file is placed under <paramref name="contentRootPath"/> and its folder created.</summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerText = configuration[ProviderKey];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && (!Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider)))
            throw new InvalidOperationException($"{ProviderKey} must be 'Sqlite', 'SqlServer' or 'Postgres', not '{providerText}'.");
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        return provider switch
        {
            DatabaseProvider.Sqlite => ForSqlite(connectionString, contentRootPath),
            _ when string.IsNullOrWhiteSpace(connectionString) =>
                throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is required for {provider}."),
            _ => new DatabaseSettings(provider, connectionString!),
        };
    }

    public static DatabaseSettings ForSqlite(string? connectionString, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString)
            ? $"Data Source={DefaultSqliteFile}"
            : connectionString);
        var isMemory = builder.Mode == SqliteOpenMode.Memory
            || string.Equals(builder.DataSource, ":memory:", StringComparison.OrdinalIgnoreCase);
        if (!isMemory)
        {
            var path = Path.IsPathRooted(builder.DataSource)
                ? builder.DataSource
                : Path.GetFullPath(Path.Combine(contentRootPath, builder.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        return new DatabaseSettings(DatabaseProvider.Sqlite, builder.ToString());
    }
}
