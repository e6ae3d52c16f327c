using HanoiWorkbench.Core.Audit;
using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Tests.Audit;

public sealed class AuditChainTables
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private static List<AuditEntry> Chain(int n)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var e = new AuditEntry(At.AddTicks(i * 1_234), "canbo", 7, "Sửa", "Application", i.ToString(System.Globalization.CultureInfo.InvariantCulture), before: "{\"Status\":\"Received\"}");
            e.Seal(i, previous);
            previous = e.Hash;
            entries.Add(e);
        }
        return entries;
    }

    [Fact]
    public void A_sealed_chain_holds() => Assert.Null(AuditChain.FirstBroken(Chain(4)));

    [Fact]
    public void The_hash_is_sha256_hex_over_the_canonical_form_and_changes_with_any_field()
    {
        var a = Chain(1)[0];
        var b = new AuditEntry(At.AddTicks(1_234), "canbo", 7, "Sửa", "Application", "1", before: "{\"Status\":\"Refused\"}");
        b.Seal(1, AuditChain.Genesis);

        Assert.Matches("^[0-9a-f]{64}$", a.Hash);
        Assert.NotEqual(a.Hash, b.Hash);
        Assert.Equal(a.Hash, AuditChain.HashOf(a));
        Assert.Equal(0, a.At.UtcTicks % TimeSpan.TicksPerMillisecond);
    }

    [Theory]
    [InlineData("drop", 2)]       // entry 2 deleted: 3 follows 1
    [InlineData("swap", 2)]       // entries 2 and 3 swapped
    [InlineData("drop-first", 1)]
    public void A_missing_or_moved_entry_is_named(string tampering, long brokenAt)
    {
        var chain = Chain(4);
        var tampered = tampering switch
        {
            "drop" => chain.Where(e => e.Sequence != 2).ToList(),
            "swap" => [chain[0], chain[2], chain[1], chain[3]],
            _ => chain.Skip(1).ToList(),
        };

        Assert.Equal(brokenAt, AuditChain.FirstBroken(tampered)?.Sequence);
    }

    [Fact]
    public void A_sealed_entry_cannot_be_sealed_again() =>
        Assert.Throws<DomainException>(() => Chain(1)[0].Seal(2, AuditChain.Genesis));
}
