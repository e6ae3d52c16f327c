using HanoiWorkbench.Workbench.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddWorkbench();

var app = builder.Build();
if (await app.RunCommandAsync(args) is { } exitCode)
    return exitCode;

try
{
    await app.InitializeDatabaseAsync();
}
catch (StartRefusedException)
{
    return 1; // the reason is already in the log, as critical
}
app.UseWorkbench();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
