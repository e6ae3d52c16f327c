using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HanoiWorkbench.Data;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as one INTEGER whose order is the order of the instants, so SQLite can
/// filter and sort on it. Same bit layout as EF's <see cref="DateTimeOffsetToBinaryConverter"/> (100 µs units in the
/// high 53 bits, the offset in minutes in the low 11) but built from UTC ticks instead of clock ticks: EF's version
/// orders 10:00+07:00 after 05:00+00:00 although they are the same instant. See docs/adr/0002.
/// </summary>
public sealed class SortableDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, long>(
    v => Encode(v),
    v => Decode(v))
{
    private const long TicksPerUnit = 1000;

    public static long Encode(DateTimeOffset value) =>
        ((value.UtcTicks / TicksPerUnit) << 11) | ((long)value.Offset.TotalMinutes & 0x07FF);

    public static DateTimeOffset Decode(long value)
    {
        var utcTicks = (value >> 11) * TicksPerUnit;
        var offset = TimeSpan.FromMinutes((value << 53) >> 53);
        return new DateTimeOffset(utcTicks + offset.Ticks, offset);
    }
}
