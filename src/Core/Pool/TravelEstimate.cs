namespace HanoiWorkbench.Core.Pool;

/// <summary>A point on the map (WGS 84 degrees).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public bool IsValid => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180
        && !double.IsNaN(Latitude) && !double.IsNaN(Longitude);
}

/// <summary>
/// Travel time from the straight-line distance, without a routing service: great-circle (haversine) distance ×
/// <see cref="RoadFactor"/> ÷ <see cref="UrbanSpeedKmh"/>. The constants are deliberately plain and documented in
/// docs/adr/0007-work-pool.md:
/// <list type="bullet">
/// <item><see cref="RoadFactor"/> 1.4: road distance over straight-line distance in a dense city grid
/// (the usual detour index of 1.3–1.5 reported for urban networks).</item>
/// <item><see cref="UrbanSpeedKmh"/> 20 km/h: door-to-door speed by motorbike in Hà Nội in daytime traffic
/// (peak-hour averages in the inner districts are reported at 15–25 km/h).</item>
/// </list>
/// The promise (domain.md §1) is kept when the branch is within <see cref="PromiseDistanceKm"/> in a straight line
/// or the estimate is within <see cref="PromiseTravel"/>.
/// </summary>
public static class TravelEstimate
{
    public const double EarthRadiusKm = 6371.0088;
    public const double RoadFactor = 1.4;
    public const double UrbanSpeedKmh = 20;
    public const double PromiseDistanceKm = 5;
    public static readonly TimeSpan PromiseTravel = TimeSpan.FromMinutes(30);

    public static double DistanceKm(GeoPoint from, GeoPoint to)
    {
        static double Rad(double deg) => deg * Math.PI / 180;
        var dLat = Rad(to.Latitude - from.Latitude);
        var dLon = Rad(to.Longitude - from.Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2)
            + (Math.Cos(Rad(from.Latitude)) * Math.Cos(Rad(to.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    public static TimeSpan Travel(double straightKm) =>
        TimeSpan.FromHours(Math.Max(0, straightKm) * RoadFactor / UrbanSpeedKmh);

    public static bool KeepsPromise(double straightKm, TimeSpan travel) =>
        straightKm <= PromiseDistanceKm || travel <= PromiseTravel;
}

/// <summary>A branch as "where should I go?" weighs it: where it is and the predicted wait of the service group now.</summary>
/// <param name="PredictedWait">Null when no open counter serves the group: the wait is unknown, not zero.</param>
public sealed record BranchOption(int BranchId, string Code, string Name, string Address, GeoPoint Location, TimeSpan? PredictedWait, int Waiting);

public sealed record RankedBranch(BranchOption Branch, double DistanceKm, TimeSpan Travel, TimeSpan? Total, bool KeepsPromise);

/// <summary>Where should I go? Branches by estimated total time = travel + predicted wait; unknown waits go last, nearest first.</summary>
public static class WhereToGo
{
    public static IReadOnlyList<RankedBranch> Rank(GeoPoint from, IEnumerable<BranchOption> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options
            .Select(o =>
            {
                var km = TravelEstimate.DistanceKm(from, o.Location);
                var travel = TravelEstimate.Travel(km);
                return new RankedBranch(o, km, travel, travel + o.PredictedWait, TravelEstimate.KeepsPromise(km, travel));
            })
            .OrderBy(r => r.Total is null)
            .ThenBy(r => r.Total ?? r.Travel)
            .ThenBy(r => r.DistanceKm)
            .ThenBy(r => r.Branch.BranchId)
            .ToList();
    }
}
