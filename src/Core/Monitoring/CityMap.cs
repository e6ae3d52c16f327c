using System.Globalization;
using System.Text;

namespace HanoiWorkbench.Core.Monitoring;

public readonly record struct GeoPoint(double Longitude, double Latitude);

/// <summary>
/// Fits a set of places into an SVG box with an equirectangular projection, longitudes shrunk by cos(latitude):
/// at Hanoi's size (about 100 km across) the distortion is far below a dot's width, and no tile server is needed.
/// </summary>
public sealed record MapFrame(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude, double Width, double Height, double Margin)
{
    public static MapFrame Fit(IEnumerable<GeoPoint> points, double width, double margin)
    {
        ArgumentNullException.ThrowIfNull(points);
        var list = points.ToList();
        if (list.Count == 0) throw new ArgumentException("Cần ít nhất một điểm để dựng bản đồ.", nameof(points));
        double minLon = list.Min(p => p.Longitude), maxLon = list.Max(p => p.Longitude);
        double minLat = list.Min(p => p.Latitude), maxLat = list.Max(p => p.Latitude);
        var scaleX = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var spanX = Math.Max((maxLon - minLon) * scaleX, 1e-9);
        var spanY = Math.Max(maxLat - minLat, 1e-9);
        var inner = width - 2 * margin;
        return new MapFrame(minLon, minLat, maxLon, maxLat, width, inner * spanY / spanX + 2 * margin, margin);
    }

    /// <summary>SVG coordinates of a place: x grows east, y grows south.</summary>
    public (double X, double Y) Project(GeoPoint point)
    {
        var innerWidth = Width - 2 * Margin;
        var innerHeight = Height - 2 * Margin;
        var x = Margin + (MaxLongitude == MinLongitude ? 0.5 : (point.Longitude - MinLongitude) / (MaxLongitude - MinLongitude)) * innerWidth;
        var y = Margin + (MaxLatitude == MinLatitude ? 0.5 : (MaxLatitude - point.Latitude) / (MaxLatitude - MinLatitude)) * innerHeight;
        return (Math.Round(x, 1), Math.Round(y, 1));
    }

    /// <summary>A closed SVG path ("M x y L x y … Z") through the ring's points.</summary>
    public string Path(IEnumerable<GeoPoint> ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var path = new StringBuilder();
        foreach (var point in ring)
        {
            var (x, y) = Project(point);
            path.Append(path.Length == 0 ? 'M' : 'L').Append(CultureInfo.InvariantCulture, $"{x} {y} ");
        }
        return path.Length == 0 ? "" : path.Append('Z').ToString();
    }
}

/// <summary>How loaded a branch looks on the map.</summary>
public enum LoadLevel
{
    Calm = 0,
    Busy = 1,
    Overloaded = 2,
}

/// <summary>The map's markers: a dot sized by the people waiting and coloured by load against the director's limits.</summary>
public static class LoadMarker
{
    public const double MinRadius = 5;
    public const double MaxRadius = 22;

    /// <summary>Area grows with the number waiting (radius with its square root), so 40 waiting is not a dot 8× as wide as 5.</summary>
    public static double Radius(int waiting) => Math.Round(Math.Min(MaxRadius, MinRadius + 2 * Math.Sqrt(Math.Max(0, waiting))), 1);

    /// <summary>
    /// Overloaded when any limit is passed (longest wait, waiting per open counter, someone waiting with no counter open);
    /// busy when the longest wait or the waiting per counter is past half its limit; calm otherwise.
    /// </summary>
    public static LoadLevel Level(int waiting, int openCounters, TimeSpan? longestWait, AlertThresholds limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (waiting > 0 && openCounters == 0) return LoadLevel.Overloaded;
        var perCounter = openCounters == 0 ? 0 : (double)waiting / openCounters;
        var wait = longestWait ?? TimeSpan.Zero;
        if (wait > limits.LongestWait || perCounter > limits.WaitingPerOpenCounter) return LoadLevel.Overloaded;
        if (wait > limits.LongestWait / 2 || perCounter > limits.WaitingPerOpenCounter / 2) return LoadLevel.Busy;
        return LoadLevel.Calm;
    }
}
