using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HanoiWorkbench.Core.Ratings;

/// <summary>
/// The signed, unguessable names of what a citizen may rate without an account: a visit (printed as a QR code on the
/// receipt and the ticket slip) or a counter (the address its tablet opens). A token is the kind letter and the id, a dot,
/// and the first 128 bits of an HMAC-SHA256 of them under the site's rating key, base64url: short enough for a small QR
/// code, and nobody who lacks the key can name another visit by changing the number.
/// </summary>
public static class RatingTokens
{
    public const int KeyBytes = 32;
    private const int MacBytes = 16;
    private const int MaxLength = 48;
    private const char TicketLetter = 'v', ApplicationLetter = 'h', CounterLetter = 'q';

    public static string ForVisit(ReadOnlySpan<byte> key, VisitRef visit) =>
        Sign(key, visit.Kind == VisitKind.Ticket ? TicketLetter : ApplicationLetter, visit.Id);

    public static string ForCounter(ReadOnlySpan<byte> key, int counterId) => Sign(key, CounterLetter, counterId);

    /// <summary>The visit the token names, or null when it is not one this key signed.</summary>
    public static VisitRef? ReadVisit(ReadOnlySpan<byte> key, string? token) => Read(key, token) switch
    {
        (TicketLetter, var id) => new VisitRef(VisitKind.Ticket, id),
        (ApplicationLetter, var id) => new VisitRef(VisitKind.Application, id),
        _ => null,
    };

    /// <summary>The counter the token names, or null when it is not one this key signed.</summary>
    public static int? ReadCounter(ReadOnlySpan<byte> key, string? token) =>
        Read(key, token) is (CounterLetter, var id) && id <= int.MaxValue ? (int)id : null;

    private static string Sign(ReadOnlySpan<byte> key, char letter, long id)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(id, 1);
        RequireKey(key);
        var body = letter + id.ToString(CultureInfo.InvariantCulture);
        return body + "." + Base64Url.EncodeToString(Mac(key, body));
    }

    private static (char Letter, long Id)? Read(ReadOnlySpan<byte> key, string? token)
    {
        RequireKey(key);
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength) return null;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot < 2) return null;
        var body = token[..dot];
        if (!long.TryParse(body.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1) return null;
        // Only the canonical spelling: "v007" and "v7" must not be two tokens for one ticket.
        if (body[1] == '0') return null;
        Span<byte> given = stackalloc byte[MacBytes + 2];
        if (!Base64Url.TryDecodeFromChars(token.AsSpan(dot + 1), given, out var written) || written != MacBytes) return null;
        return CryptographicOperations.FixedTimeEquals(given[..MacBytes], Mac(key, body)) ? (body[0], id) : null;
    }

    private static byte[] Mac(ReadOnlySpan<byte> key, string body)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.ASCII.GetBytes("hanoi-workbench/rating/" + body), full);
        return full[..MacBytes].ToArray();
    }

    private static void RequireKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < KeyBytes) throw new ArgumentException($"The rating key must have at least {KeyBytes} bytes.", nameof(key));
    }
}
