using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HanoiWorkbench.Data;

/// <summary>
/// PostgreSQL's timestamptz keeps the instant, not the offset, and Npgsql refuses to write a value whose offset is not
/// zero. The instant goes in as UTC and comes back at +07:00, the center's only clock (Vietnam has no daylight saving),
/// so a stored 10:00+07:00 reads as 10:00+07:00 and a stored 03:00+00:00 as the same instant at 10:00+07:00.
/// </summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v.ToOffset(Hanoi))
{
    private static readonly TimeSpan Hanoi = HanoiWorkbench.Core.HanoiTime.Offset;
}
