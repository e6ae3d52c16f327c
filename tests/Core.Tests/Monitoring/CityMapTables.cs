using HanoiWorkbench.Core.Monitoring;

namespace HanoiWorkbench.Core.Tests.Monitoring;

public class CityMapTables
{
    private static readonly GeoPoint[] Corners = [new(105.0, 20.5), new(106.0, 21.5)];

    [Fact]
    public void The_frame_keeps_the_ground_aspect_and_puts_north_at_the_top()
    {
        var frame = MapFrame.Fit(Corners, 600, 10);

        // At 21° north a degree of longitude is cos(21°) ≈ 0.934 of a degree of latitude: the box is taller than wide.
        Assert.Equal(10 + 580 / Math.Cos(21 * Math.PI / 180) + 10, frame.Height, 6);
        Assert.Equal((10.0, 10.0), frame.Project(new GeoPoint(105.0, 21.5)));   // north-west corner
        Assert.Equal((590.0, Math.Round(frame.Height - 10, 1)), frame.Project(new GeoPoint(106.0, 20.5)));
    }

    [Fact]
    public void A_ring_becomes_one_closed_path()
    {
        var frame = MapFrame.Fit(Corners, 600, 10);

        var path = frame.Path([new(105.0, 21.5), new(106.0, 21.5), new(106.0, 20.5)]);

        Assert.StartsWith("M10 10 L590 10 L590 ", path, StringComparison.Ordinal);
        Assert.EndsWith("Z", path, StringComparison.Ordinal);
        Assert.Equal("", frame.Path([]));
    }

    [Fact]
    public void A_map_needs_at_least_one_place() =>
        Assert.Throws<ArgumentException>(() => MapFrame.Fit([], 600, 10));

    [Theory]
    [InlineData(0, 5.0)]
    [InlineData(4, 9.0)]
    [InlineData(25, 15.0)]
    [InlineData(400, 22.0)]
    [InlineData(-3, 5.0)]
    public void The_dot_grows_with_the_square_root_of_the_people_waiting(int waiting, double radius) =>
        Assert.Equal(radius, LoadMarker.Radius(waiting));

    // waiting, open counters, longest wait (min, -1 = none) → level; default limits: 30 min, 8 per counter
    [Theory]
    [InlineData(0, 0, -1, LoadLevel.Calm)]
    [InlineData(3, 0, 2, LoadLevel.Overloaded)]     // people waiting, nobody serving
    [InlineData(12, 3, 10, LoadLevel.Calm)]         // 4 per counter, 10 min
    [InlineData(15, 3, 10, LoadLevel.Busy)]         // 5 per counter: past half of 8
    [InlineData(6, 3, 16, LoadLevel.Busy)]          // past half of 30 min
    [InlineData(6, 3, 31, LoadLevel.Overloaded)]
    [InlineData(27, 3, 10, LoadLevel.Overloaded)]   // 9 per counter
    public void The_colour_follows_the_directors_limits(int waiting, int open, int longestMinutes, LoadLevel expected) =>
        Assert.Equal(expected, LoadMarker.Level(waiting, open, longestMinutes < 0 ? null : TimeSpan.FromMinutes(longestMinutes), AlertThresholds.Default));
}
