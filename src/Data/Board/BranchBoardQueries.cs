using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Board;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Pool;
using HanoiWorkbench.Core.Queue;
using HanoiWorkbench.Core.Staffing;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Board;

/// <summary>The branch's share of the citywide work pool: items queued at it that are not done.</summary>
public sealed record BoardPool(int Open, int DueToday, int Overdue);

/// <summary>Today's ratings at the branch by level.</summary>
public sealed record BoardRatings(int VerySatisfied, int Satisfied, int Dissatisfied)
{
    public int Total => VerySatisfied + Satisfied + Dissatisfied;
    public double? SatisfiedShare => Total == 0 ? null : (double)(VerySatisfied + Satisfied) / Total;
}

/// <summary>Need and have for one service group: now and for each remaining opening hour of the day.</summary>
public sealed record GroupStaffing(int GroupId, string Letter, int Have, int NeedNow, IReadOnlyList<HourlyNeed> RestOfDay);

/// <summary>Everything the branch board shows at one moment.</summary>
public sealed record BranchBoardView(
    int BranchId,
    string BranchCode,
    string BranchName,
    DateTimeOffset At,
    IReadOnlyList<CounterLine> Counters,
    IReadOnlyList<GroupLine> Groups,
    BoardPool Pool,
    BoardRatings Ratings,
    IReadOnlyList<GroupStaffing> Staffing,
    IReadOnlyList<StaffingSuggestion> Suggestions);

/// <summary>
/// The branch board's read: one context, a handful of indexed reads (today's tickets of one branch, its counters,
/// four past same weekdays for the forecast), then Core's pure figures. Only when the branch's own slack cannot cover its
/// shortage now does it read the other branches' need and have for the current hour, for a suggested lend.
/// </summary>
public sealed class BranchBoardQueries(IDbContextFactory<WorkbenchDbContext> dbFactory, TimeProvider clock, QueuePolicy policy)
{
    private readonly Staffing.CityStaffingNeeds _needs = new(dbFactory, policy);

    /// <param name="mayLendFrom">Whether the viewer may lend people from a branch (the permission table); null = from none.</param>
    public async Task<BranchBoardView?> BoardAsync(int branchId, StaffingTarget? target = null, Func<int, bool>? mayLendFrom = null,
        CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = HanoiTime.DateOf(now);
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var branch = await db.Branches.AsNoTracking().Where(b => b.Id == branchId)
                .Select(b => new { b.Id, b.Code, b.Name, b.OpensAt, b.ClosesAt }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (branch is null) return null;
            var counters = await CountersAsync(db, branchId, ct).ConfigureAwait(false);
            var tickets = await db.Tickets.AsNoTracking().Where(t => t.BranchId == branchId && t.ServiceDate == today)
                .Select(t => new BoardTicket(t.Id, t.ServiceGroupId, t.Number, t.Status, t.IssuedAt, t.CalledAt, t.StartedAt, t.FinishedAt, t.CounterId))
                .ToListAsync(ct).ConfigureAwait(false);
            var groupIds = counters.SelectMany(c => c.GroupIds).Concat(tickets.Select(t => t.GroupId)).ToHashSet();
            var groups = await db.ServiceGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
                .Select(g => new BoardGroup(g.Id, g.Letter, g.Name)).ToListAsync(ct).ConfigureAwait(false);
            var groupLines = BranchBoard.Groups(groups, counters, tickets, now, policy);
            target ??= StaffingTarget.Default;
            var staffing = await StaffingAsync(db, branchId, groupLines, now, branch.OpensAt, branch.ClosesAt, target, ct)
                .ConfigureAwait(false);
            var gaps = staffing.Select(s => new StaffingGap<string>(s.Letter, s.NeedNow, s.Have)).ToList();
            var others = gaps.Sum(g => g.Shortage) > gaps.Sum(g => g.Slack)
                ? await OtherBranchesAsync(db, branchId, now, target, ct).ConfigureAwait(false)
                : [];
            var suggestions = StaffingSuggestions.Suggest(gaps, Seated(counters, groups), others, mayLendFrom ?? (_ => false));
            return new BranchBoardView(branch.Id, branch.Code, branch.Name, now, BranchBoard.Counters(counters, tickets, now), groupLines,
                await PoolAsync(db, branchId, now, ct).ConfigureAwait(false), await RatingsAsync(db, branchId, today, ct).ConfigureAwait(false),
                staffing, suggestions);
        }
    }

    /// <summary>Every service group, by letter: what a manager may configure a counter for.</summary>
    public async Task<IReadOnlyList<BoardGroup>> ServiceGroupsAsync(CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return await db.ServiceGroups.AsNoTracking().OrderBy(g => g.Letter).Select(g => new BoardGroup(g.Id, g.Letter, g.Name))
                .ToListAsync(ct).ConfigureAwait(false);
    }

    private static List<SeatedOfficial> Seated(IReadOnlyList<BoardCounter> counters, IReadOnlyList<BoardGroup> groups)
    {
        var letters = groups.ToDictionary(g => g.Id, g => g.Letter);
        return counters.Where(c => c.IsOpen && c.StaffId is not null && c.Status != CounterStatus.Break)
            .Select(c => new SeatedOfficial(c.StaffId!.Value, c.StaffName ?? "", c.Name,
                c.GroupIds.Select(id => letters.GetValueOrDefault(id)).OfType<string>().ToList()))
            .ToList();
    }

    /// <summary>
    /// Every other branch's need now (Erlang C per group on the same hour of the four past same weekdays, summed) and have
    /// (officials seated at open counters not on a break), for a lend when the branch cannot help itself.
    /// </summary>
    private async Task<List<OtherBranch>> OtherBranchesAsync(WorkbenchDbContext db, int branchId, DateTimeOffset now, StaffingTarget target,
        CancellationToken ct)
    {
        var need = await _needs.NeedNowAsync(db, now, target, branchId, ct).ConfigureAwait(false);
        var have = await (from s in db.Staff.AsNoTracking()
                          join c in db.Counters on s.CurrentCounterId equals c.Id
                          where s.IsActive && c.IsOpen && c.Status != CounterStatus.Break && c.BranchId != branchId
                          group c by c.BranchId into g
                          select new { Branch = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Branch, x => x.Count, ct).ConfigureAwait(false);
        var branches = await db.Branches.AsNoTracking().Where(b => b.Id != branchId && b.IsActive)
            .Select(b => new { b.Id, b.Name }).ToListAsync(ct).ConfigureAwait(false);
        return branches.Select(b => new OtherBranch(b.Id, b.Name, need.GetValueOrDefault(b.Id), have.GetValueOrDefault(b.Id))).ToList();
    }

    private static async Task<List<BoardCounter>> CountersAsync(WorkbenchDbContext db, int branchId, CancellationToken ct)
    {
        var counters = await db.Counters.AsNoTracking().Where(c => c.BranchId == branchId)
            .Select(c => new { c.Id, c.Number, c.Name, c.IsOpen, c.Status, Configured = c.ServiceGroups.Select(g => g.Id).ToList(),
                Session = c.SessionGroups.Select(g => g.Id).ToList() })
            .ToListAsync(ct).ConfigureAwait(false);
        var seated = await db.Staff.AsNoTracking().Where(s => s.CurrentBranchId == branchId && s.CurrentCounterId != null && s.IsActive)
            .Select(s => new { Counter = s.CurrentCounterId!.Value, s.Id, s.FullName }).ToListAsync(ct).ConfigureAwait(false);
        var byCounter = seated.GroupBy(s => s.Counter).ToDictionary(g => g.Key, g => g.First());
        // What the counter serves now: the clerk's session choice, else all the manager configured.
        return counters.Select(c => new BoardCounter(c.Id, c.Number, c.Name, c.IsOpen, c.Status, c.Session.Count > 0 ? c.Session : c.Configured,
            byCounter.GetValueOrDefault(c.Id)?.Id, byCounter.GetValueOrDefault(c.Id)?.FullName, c.Configured)).ToList();
    }

    /// <summary>Forecast per group from the same weekday of the last four weeks; service time is those days' mean, else the policy's fallback.</summary>
    private async Task<List<GroupStaffing>> StaffingAsync(WorkbenchDbContext db, int branchId, IReadOnlyList<GroupLine> groups,
        DateTimeOffset now, TimeOnly opensAt, TimeOnly closesAt, StaffingTarget target, CancellationToken ct)
    {
        var today = HanoiTime.DateOf(now);
        var days = Enumerable.Range(1, StaffingAdvice.ForecastWeeks).Select(w => today.AddDays(-7 * w)).ToArray();
        var history = await db.Tickets.AsNoTracking().Where(t => t.BranchId == branchId && days.Contains(t.ServiceDate))
            .Select(t => new { t.ServiceGroupId, t.IssuedAt, t.StartedAt, t.FinishedAt }).ToListAsync(ct).ConfigureAwait(false);
        var hourNow = now.ToHanoi().Hour;
        var firstHour = Math.Max(hourNow, opensAt.Hour);
        var lastHour = closesAt.Minute == 0 ? closesAt.Hour : closesAt.Hour + 1;
        return groups.Select(g =>
        {
            var mine = history.Where(h => h.ServiceGroupId == g.Id).ToList();
            var service = _needs.MeanService(mine.Select(h => (h.StartedAt, h.FinishedAt)));
            var arrivals = StaffingAdvice.ForecastArrivals(mine.Select(h => h.IssuedAt.ToHanoi().DateTime), today);
            var rest = firstHour < lastHour ? StaffingAdvice.NeedPerHour(arrivals, service, target, firstHour, lastHour) : [];
            var needNow = rest.Count > 0 && rest[0].Hour == hourNow ? rest[0].Needed : 0;
            return new GroupStaffing(g.Id, g.Letter, g.OfficialsServing, needNow, rest);
        }).ToList();
    }

    private static async Task<BoardPool> PoolAsync(WorkbenchDbContext db, int branchId, DateTimeOffset now, CancellationToken ct)
    {
        var endOfToday = HanoiTime.StartOf(HanoiTime.DateOf(now).AddDays(1));
        var open = db.WorkItems.AsNoTracking().Where(w => w.QueuedBranchId == branchId && w.State != WorkItemState.Done);
        var counts = await open.GroupBy(_ => 1).Select(g => new
        {
            Open = g.Count(),
            DueToday = g.Count(w => w.DueAt >= now && w.DueAt < endOfToday),
            Overdue = g.Count(w => w.DueAt < now),
        }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return counts is null ? new BoardPool(0, 0, 0) : new BoardPool(counts.Open, counts.DueToday, counts.Overdue);
    }

    private static async Task<BoardRatings> RatingsAsync(WorkbenchDbContext db, int branchId, DateOnly today, CancellationToken ct)
    {
        var from = HanoiTime.StartOf(today);
        var to = HanoiTime.StartOf(today.AddDays(1));
        var levels = await db.Ratings.AsNoTracking().Where(r => r.BranchId == branchId && r.At >= from && r.At < to)
            .GroupBy(r => r.Level).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
        return new BoardRatings(levels.GetValueOrDefault(RatingLevel.VerySatisfied), levels.GetValueOrDefault(RatingLevel.Satisfied),
            levels.GetValueOrDefault(RatingLevel.Dissatisfied));
    }
}
