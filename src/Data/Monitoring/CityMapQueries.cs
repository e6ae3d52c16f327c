using System.Reflection;
using System.Text.Json;
using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Monitoring;

/// <summary>A branch as the map places it.</summary>
public sealed record MapBranch(int Id, string Code, string Name, string Address, GeoPoint Position);

/// <summary>
/// What the city map is drawn from: the city outline shipped with the app (OpenStreetMap, simplified; no tile server on
/// the intranet) and the branches' coordinates from the database, which an administrator can correct.
/// </summary>
public sealed class CityMapQueries(IDbContextFactory<WorkbenchDbContext> dbFactory, TimeProvider clock)
{
    private static readonly Lazy<IReadOnlyList<IReadOnlyList<GeoPoint>>> Rings = new(ReadOutline);

    /// <summary>The outline's rings (outer boundary first), longitude/latitude.</summary>
    public static IReadOnlyList<IReadOnlyList<GeoPoint>> Outline => Rings.Value;

    public async Task<IReadOnlyList<MapBranch>> BranchesAsync(CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.Branches.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.Code)
                .Select(b => new { b.Id, b.Code, b.Name, b.Address, b.Latitude, b.Longitude }).ToListAsync(ct).ConfigureAwait(false);
            return rows.Select(b => new MapBranch(b.Id, b.Code, b.Name, b.Address, new GeoPoint(b.Longitude, b.Latitude))).ToList();
        }
    }

    /// <summary>The longest wait now per branch: how long the earliest-issued ticket still waiting today has waited.</summary>
    public async Task<IReadOnlyDictionary<int, TimeSpan>> LongestWaitsAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = HanoiTime.DateOf(now);
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var earliest = await db.Tickets.AsNoTracking().Where(t => t.ServiceDate == today && t.Status == TicketStatus.Waiting)
                .GroupBy(t => t.BranchId).Select(g => new { g.Key, Earliest = g.Min(t => t.IssuedAt) })
                .ToListAsync(ct).ConfigureAwait(false);
            return earliest.ToDictionary(e => e.Key, e => e.Earliest > now ? TimeSpan.Zero : now - e.Earliest);
        }
    }

    private static IReadOnlyList<IReadOnlyList<GeoPoint>> ReadOutline()
    {
        const string name = "HanoiWorkbench.Data.Seed.hanoi_outline.geojson";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var json = JsonDocument.Parse(stream);
        var rings = new List<IReadOnlyList<GeoPoint>>();
        foreach (var feature in json.RootElement.GetProperty("features").EnumerateArray())
        {
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
                ? geometry.GetProperty("coordinates").EnumerateArray().ToList()
                : [geometry.GetProperty("coordinates")];
            foreach (var polygon in polygons)
                foreach (var ring in polygon.EnumerateArray())
                    rings.Add(ring.EnumerateArray().Select(p => new GeoPoint(p[0].GetDouble(), p[1].GetDouble())).ToList());
        }
        return rings;
    }
}
