using System.Security.Cryptography;
using HanoiWorkbench.Core.Ratings;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Ratings;

/// <summary>
/// Signs and reads the rating links (<see cref="RatingTokens"/>) with the site's rating key: made at random the first time
/// it is needed and kept in <c>SigningKeys</c>, then held in memory.
/// </summary>
public sealed class RatingKeys(IDbContextFactory<WorkbenchDbContext> contexts, TimeProvider clock)
{
    public const string Purpose = "rating-links";
    private byte[]? _key;

    public async Task<string> VisitTokenAsync(VisitRef visit, CancellationToken ct = default) =>
        RatingTokens.ForVisit(await KeyAsync(ct).ConfigureAwait(false), visit);

    public async Task<string> CounterTokenAsync(int counterId, CancellationToken ct = default) =>
        RatingTokens.ForCounter(await KeyAsync(ct).ConfigureAwait(false), counterId);

    public async Task<VisitRef?> ReadVisitAsync(string? token, CancellationToken ct = default) =>
        RatingTokens.ReadVisit(await KeyAsync(ct).ConfigureAwait(false), token);

    public async Task<int?> ReadCounterAsync(string? token, CancellationToken ct = default) =>
        RatingTokens.ReadCounter(await KeyAsync(ct).ConfigureAwait(false), token);

    private async ValueTask<byte[]> KeyAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _key) is { } known) return known;
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var keys = db.Set<SigningKey>();
            var stored = await keys.AsNoTracking().Where(k => k.Purpose == Purpose).Select(k => k.Key).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (stored is null)
            {
                var fresh = RandomNumberGenerator.GetBytes(RatingTokens.KeyBytes);
                keys.Add(new SigningKey(Purpose, fresh, clock.GetUtcNow()));
                try
                {
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                    stored = fresh;
                }
                catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
                {
                    // Another instance made the first key at the same moment: use the one that was stored.
                    stored = await keys.AsNoTracking().Where(k => k.Purpose == Purpose).Select(k => k.Key).FirstAsync(ct).ConfigureAwait(false);
                }
            }
            Volatile.Write(ref _key, stored);
            return stored;
        }
    }
}
