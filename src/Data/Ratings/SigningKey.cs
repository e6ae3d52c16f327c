namespace HanoiWorkbench.Data.Ratings;

/// <summary>
/// A secret of the site, kept in its database so every instance signs alike and printed links survive restarts. Whoever can
/// read this table can write ratings directly too, so it guards nothing the database does not already guard.
/// </summary>
public sealed class SigningKey
{
    public const int MaxPurposeLength = 64;

    private SigningKey() { Purpose = ""; Key = []; }

    public SigningKey(string purpose, byte[] key, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentNullException.ThrowIfNull(key);
        Purpose = purpose;
        Key = key;
        CreatedAt = createdAt;
    }

    public string Purpose { get; private set; }
    public byte[] Key { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
