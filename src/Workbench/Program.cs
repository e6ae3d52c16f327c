using HanoiWorkbench.Data;
using HanoiWorkbench.Workbench.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddWorkbench();

var app = builder.Build();
if (await SeedCommand.TryRunAsync(args, app.Services))
    return;

await app.InitializeDatabaseAsync();
app.UseWorkbench();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
