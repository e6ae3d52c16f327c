using HanoiWorkbench.Core.Pool;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Pool;

public sealed record AreaChoice(int Id, string Code, string Name);
public sealed record GroupChoice(int Id, string Letter, string Name);

/// <summary>The answer to "where should I go?": the origin used and the branches ranked by estimated total time.</summary>
public sealed record WhereToGoAnswer(GeoPoint From, string GroupLetter, string GroupName, IReadOnlyList<RankedBranch> Branches);

/// <summary>Reads what "where should I go?" needs and ranks with <see cref="WhereToGo.Rank"/>.</summary>
public sealed class WhereToGoQueries(IDbContextFactory<WorkbenchDbContext> contexts, IBranchWaits waits)
{
    public async Task<IReadOnlyList<AreaChoice>> AreasAsync(CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var located = await db.Branches.Where(b => b.HomeAreaId != null).Select(b => b.HomeAreaId!.Value).Distinct().ToListAsync(ct).ConfigureAwait(false);
            return await db.Areas.AsNoTracking().Where(a => a.IsActive && located.Contains(a.Id)).OrderBy(a => a.Name)
                .Select(a => new AreaChoice(a.Id, a.Code, a.Name)).ToListAsync(ct).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<GroupChoice>> GroupsAsync(CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return await db.ServiceGroups.AsNoTracking().OrderBy(g => g.Letter).Select(g => new GroupChoice(g.Id, g.Letter, g.Name)).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The location of an area (by code or id): that of the branch seated in it; null when unknown.</summary>
    public async Task<GeoPoint?> AreaLocationAsync(string areaCode, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var id = await db.Areas.Where(a => a.Code == areaCode).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            return id is null ? null : await WorkPool.AreaLocationAsync(db, id.Value, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Branches ranked for the service group; null when the group letter is unknown.</summary>
    public async Task<WhereToGoAnswer?> RankAsync(GeoPoint from, string groupLetter, CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var letter = groupLetter.Trim().ToUpperInvariant();
            var group = await db.ServiceGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Letter == letter, ct).ConfigureAwait(false);
            if (group is null) return null;
            var branches = await db.Branches.AsNoTracking().Where(b => b.IsActive && b.Counters.Any(c => c.ServiceGroups.Any(g => g.Id == group.Id)))
                .Select(b => new { b.Id, b.Code, b.Name, b.Address, b.Latitude, b.Longitude }).ToListAsync(ct).ConfigureAwait(false);
            var w = await waits.ForGroupAsync(group.Id, ct).ConfigureAwait(false);
            var options = branches.Select(b =>
            {
                var gw = w.GetValueOrDefault(b.Id);
                return new BranchOption(b.Id, b.Code, b.Name, b.Address, new GeoPoint(b.Latitude, b.Longitude), gw?.Wait, gw?.Waiting ?? 0);
            });
            return new WhereToGoAnswer(from, group.Letter, group.Name, WhereToGo.Rank(from, options));
        }
    }
}
