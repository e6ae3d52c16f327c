using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Audit;

/// <summary>The first link that does not hold, and why (Vietnamese, for the admin page and the command).</summary>
public sealed record BrokenLink(long Sequence, long EntryId, string Reason);

/// <summary>
/// The audit log as a hash chain. Each entry's hash is SHA-256 over a canonical serialisation (a JSON array of every field in a
/// fixed order, times as UTC ISO 8601 with milliseconds, numbers invariant) that includes the previous entry's hash, so editing,
/// deleting or inserting any row breaks the chain from that row on. The first entry's previous hash is <see cref="Genesis"/>.
/// </summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>The exact bytes the hash is taken over.</summary>
    public static byte[] Canonical(AuditEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            w.WriteStringValue("hw-audit-v1");
            w.WriteNumberValue(e.Sequence);
            w.WriteStringValue(e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteStringValue(e.UserName);
            if (e.StaffId is { } id) w.WriteNumberValue(id); else w.WriteNullValue();
            w.WriteStringValue(e.Action);
            w.WriteStringValue(e.EntityType);
            w.WriteStringValue(e.EntityId);
            Nullable(w, e.Details);
            Nullable(w, e.Before);
            Nullable(w, e.After);
            w.WriteStringValue(e.PreviousHash);
            w.WriteEndArray();
        }
        return buffer.ToArray();

        static void Nullable(Utf8JsonWriter w, string? s)
        {
            if (s is null) w.WriteNullValue(); else w.WriteStringValue(s);
        }
    }

    public static string HashOf(AuditEntry e) => Convert.ToHexStringLower(SHA256.HashData(Canonical(e)));

    /// <summary>
    /// Checks sealed entries in chain order: consecutive numbers from 1, each pointing at the previous hash, each hash
    /// recomputed. Null when the whole chain holds; otherwise the first link that does not.
    /// </summary>
    public static BrokenLink? FirstBroken(IEnumerable<AuditEntry> inSequenceOrder, long expectedFirst = 1, string? previousHash = null)
    {
        ArgumentNullException.ThrowIfNull(inSequenceOrder);
        var expected = expectedFirst;
        var previous = previousHash ?? Genesis;
        foreach (var e in inSequenceOrder)
        {
            if (e.Sequence != expected)
                return new(expected, e.Id, string.Create(CultureInfo.InvariantCulture,
                    $"Thiếu mục số {expected} (mục tiếp theo mang số {e.Sequence}): có mục đã bị xóa hoặc chèn."));
            if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
                return new(e.Sequence, e.Id, string.Create(CultureInfo.InvariantCulture,
                    $"Mục số {e.Sequence} không nối với mục trước: có mục đã bị sửa, xóa hoặc chèn."));
            if (!string.Equals(HashOf(e), e.Hash, StringComparison.Ordinal))
                return new(e.Sequence, e.Id, string.Create(CultureInfo.InvariantCulture,
                    $"Mục số {e.Sequence} đã bị sửa sau khi ghi (mã băm không khớp nội dung)."));
            previous = e.Hash;
            expected++;
        }
        return null;
    }

    /// <summary>Cuts text to the column's length (an audit entry is never refused for being long).</summary>
    public static string Fit(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }

    /// <summary>The changed values as a compact JSON object, property names in ordinal order (the before/after of an entry).</summary>
    public static string? Values(IEnumerable<KeyValuePair<string, object?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var ordered = values.OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0) return null;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            foreach (var (key, value) in ordered)
                w.WriteString(key, value switch
                {
                    null => null,
                    DateTimeOffset d => d.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                });
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
