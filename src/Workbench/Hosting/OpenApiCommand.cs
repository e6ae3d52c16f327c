using HanoiWorkbench.Workbench.Api;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HanoiWorkbench.Workbench.Hosting;

/// <summary>
/// <c>openapi &lt;file&gt;</c>: writes the machine API document (the one served at <c>/openapi/v1.json</c>) to a file, without
/// starting the server or touching the database: for integrators offline and for the lint in test.sh.
/// </summary>
public static class OpenApiCommand
{
    public const string Name = "openapi";

    public static async Task<int?> TryRunAsync(string[] args, WebApplication app, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(output);
        if (args is not [Name, ..]) return null;
        if (args is not [_, var path, ..] || path.StartsWith('-'))
        {
            await output.WriteLineAsync($"Cách dùng: {Name} <tệp.json>");
            return 2;
        }
        // The document describes the mapped endpoints: map them as the server would, and hand them to routing as the
        // server's own UseEndpoints does when it starts (that is what the API explorer reads); serve nothing.
        app.UseWorkbench();
        app.UseRouting();
        app.UseEndpoints(_ => { });
        var document = await app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(MachineApi.DocumentName).GetOpenApiDocumentAsync(ct);
        await using (var file = new StreamWriter(path))
        {
            document.SerializeAsV31(new OpenApiJsonWriter(file));
        }
        await output.WriteLineAsync($"Đã ghi tài liệu OpenAPI ({document.Paths.Count} đường dẫn) vào {Path.GetFullPath(path)}.");
        return 0;
    }
}
