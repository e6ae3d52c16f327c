using HanoiWorkbench.Core;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Data.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HanoiWorkbench.Data.Monitoring;

/// <summary>What one evaluation stored: the episodes this evaluator raised and the ones it ended.</summary>
public sealed record AlertPass(IReadOnlyList<AlertKey> Raised, IReadOnlyList<AlertKey> Ended)
{
    public static AlertPass None { get; } = new([], []);
}

/// <summary>
/// The one alert evaluator of a process. It reads the city projection's rows (no recount), adds what the rules need beside
/// them (opening hours, the overdue counts it has seen, and one grouped read of the service groups with people waiting and
/// the officials serving them, only for branches open with people waiting), asks <see cref="AlertRules"/> what holds and
/// <see cref="AlertEpisodes"/> what started and ended, then stores each start with a conditional insert (the unique
/// <see cref="Alert.OpenKey"/>: of several instances, the first stores the episode and the others adopt it) and each end with
/// a conditional update. Each change is announced as <see cref="LiveEventKind.AlertChanged"/> of its branch. One evaluation
/// runs at a time; the caller coalesces a burst of events into one.
/// </summary>
public sealed class AlertEvaluator(IDbContextFactory<WorkbenchDbContext> contexts, BranchTargets targets, CalendarProvider calendar,
    ILiveEvents live, TimeProvider clock, ILogger<AlertEvaluator> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<int, List<OverdueReading>> _overdue = [];
    private Dictionary<AlertKey, OpenEpisode>? _open;
    private Dictionary<int, (TimeOnly Opens, TimeOnly Closes)>? _hours;
    private DateTimeOffset _hoursReadAt;

    /// <summary>How long the branches' opening hours read by the evaluator stand before they are read again.</summary>
    public static readonly TimeSpan HoursFresh = TimeSpan.FromMinutes(1);

    /// <summary>How many evaluations have run (for tests and the benchmark).</summary>
    public int Passes { get; private set; }

    /// <summary>The episodes this process holds open now.</summary>
    public IReadOnlyCollection<OpenEpisode> Open => _open?.Values.ToList() ?? [];

    /// <summary>Evaluates every branch of <paramref name="city"/> at the clock's now.</summary>
    public async Task<AlertPass> EvaluateAsync(CitySnapshot city, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(city);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            Passes++;
            var now = clock.GetUtcNow();
            var rows = city.Figures(now);
            if (rows.Count == 0) return AlertPass.None;
            _open ??= await OpenEpisodesAsync(ct).ConfigureAwait(false);
            // Opening hours are configuration an administrator can change during the day: read again each minute, not kept to a restart.
            if (_hours is null || now - _hoursReadAt >= HoursFresh)
                (_hours, _hoursReadAt) = (await HoursAsync(ct).ConfigureAwait(false), now);
            var workingDay = (await calendar.GetAsync(ct).ConfigureAwait(false)).IsWorkingDay(HanoiTime.DateOf(now));
            var timeOfDay = TimeOnly.FromTimeSpan(now.ToHanoi().TimeOfDay);
            bool OpenNow(int branch) => workingDay && _hours.TryGetValue(branch, out var h) && timeOfDay >= h.Opens && timeOfDay < h.Closes;
            var groups = await GroupsAsync(rows.Where(r => r.Waiting > 0 && OpenNow(r.BranchId)).Select(r => r.BranchId).ToList(), ct).ConfigureAwait(false);
            var fairShare = (double)rows.Sum(r => r.PoolBacklog) / rows.Count;
            var holding = new HashSet<AlertKey>();
            foreach (var row in rows)
            {
                var limits = await targets.ForBranchAsync(row.BranchId, ct).ConfigureAwait(false);
                var history = _overdue.GetValueOrDefault(row.BranchId) ?? [];
                var reading = AlertRules.Reading(row, now, OpenNow(row.BranchId), groups.GetValueOrDefault(row.BranchId) ?? [], history, fairShare);
                holding.UnionWith(AlertRules.Active(reading, limits));
                Remember(row.BranchId, new OverdueReading(now, row.Overdue), limits.OverdueWindow);
            }
            var step = AlertEpisodes.Step(_open, holding, rows.Select(r => r.BranchId).ToHashSet(), now, AlertEpisodes.Calm);
            var open = new Dictionary<AlertKey, OpenEpisode>(step.Open);
            var raised = new List<AlertKey>();
            foreach (var started in step.Started)
            {
                var (stored, ours) = await StoreAsync(started, ct).ConfigureAwait(false);
                open[started.Key] = stored;
                if (ours) raised.Add(started.Key);
            }
            var ended = new List<AlertKey>();
            foreach (var end in step.Ended)
                if (await EndAsync(end, ct).ConfigureAwait(false)) ended.Add(end.Key);
            _open = open;
            foreach (var branch in raised.Concat(ended).Select(k => k.BranchId).Distinct())
                await live.PublishAsync(LiveEventKind.AlertChanged, branch, null, ct).ConfigureAwait(false);
            return new AlertPass(raised, ended);
        }
        finally { _gate.Release(); }
    }

    /// <summary>Forgets what it holds open (the next evaluation reads the open episodes again), e.g. after a database restore.</summary>
    public void Forget() => _open = null;

    /// <summary>Keeps the overdue counts inside the branch's window: a reading when the count changes, else one a minute.</summary>
    private void Remember(int branchId, OverdueReading reading, TimeSpan window)
    {
        if (!_overdue.TryGetValue(branchId, out var list)) _overdue[branchId] = list = [];
        list.RemoveAll(r => r.At < reading.At - window);
        if (list.Count == 0 || list[^1].Overdue != reading.Overdue || reading.At - list[^1].At >= TimeSpan.FromMinutes(1)) list.Add(reading);
    }

    private async Task<Dictionary<AlertKey, OpenEpisode>> OpenEpisodesAsync(CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return (await db.Alerts.AsNoTracking().Where(a => a.OpenKey != null).ToListAsync(ct).ConfigureAwait(false))
                .ToDictionary(a => a.Key, a => new OpenEpisode(a.Key, a.StartedAt));
    }

    private async Task<Dictionary<int, (TimeOnly, TimeOnly)>> HoursAsync(CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return (await db.Branches.AsNoTracking().Select(b => new { b.Id, b.OpensAt, b.ClosesAt }).ToListAsync(ct).ConfigureAwait(false))
                .ToDictionary(b => b.Id, b => (b.OpensAt, b.ClosesAt));
    }

    /// <summary>Per branch, its service groups with people waiting today and the officials seated at an open counter serving
    /// each (a counter serves its session's groups, else its configured ones: the board's rule).</summary>
    private async Task<Dictionary<int, IReadOnlyList<GroupReading>>> GroupsAsync(IReadOnlyList<int> branches, CancellationToken ct)
    {
        if (branches.Count == 0) return [];
        var day = HanoiTime.DateOf(clock.GetUtcNow());
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var waiting = await db.Tickets.AsNoTracking()
                .Where(t => t.ServiceDate == day && t.Status == TicketStatus.Waiting && branches.Contains(t.BranchId))
                .GroupBy(t => new { t.BranchId, t.ServiceGroupId }).Select(g => new { g.Key.BranchId, g.Key.ServiceGroupId, Count = g.Count() })
                .ToListAsync(ct).ConfigureAwait(false);
            var seated = (await db.Staff.AsNoTracking().Where(s => s.IsActive && s.CurrentCounterId != null)
                .Select(s => s.CurrentCounterId!.Value).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
            var counters = await db.Counters.AsNoTracking().Where(c => c.IsOpen && branches.Contains(c.BranchId))
                .Select(c => new { c.Id, Configured = c.ServiceGroups.Select(g => g.Id).ToList(), Session = c.SessionGroups.Select(g => g.Id).ToList() })
                .ToListAsync(ct).ConfigureAwait(false);
            var groupIds = waiting.Select(w => w.ServiceGroupId).Distinct().ToList();
            var letters = await db.ServiceGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
                .ToDictionaryAsync(g => g.Id, g => g.Letter, ct).ConfigureAwait(false);
            var serving = counters.Where(c => seated.Contains(c.Id))
                .SelectMany(c => c.Session.Count > 0 ? c.Session : c.Configured).GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
            return waiting.GroupBy(w => w.BranchId).ToDictionary(b => b.Key, b => (IReadOnlyList<GroupReading>)b
                .Select(w => new GroupReading(letters.GetValueOrDefault(w.ServiceGroupId) ?? "?", w.Count, serving.GetValueOrDefault(w.ServiceGroupId)))
                .OrderBy(g => g.Letter, StringComparer.Ordinal).ToList());
        }
    }

    /// <summary>Stores a started episode unless another instance has one open for the same condition; returns the episode as
    /// stored (ours, or theirs adopted) and whether this call stored it.</summary>
    private async Task<(OpenEpisode Stored, bool Ours)> StoreAsync(OpenEpisode started, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var alert = new Alert(started.Key, started.StartedAt, AlertRules.Describe(started.Key));
            db.Alerts.Add(alert);
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                return (started with { StartedAt = alert.StartedAt }, true);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                var key = Alert.OpenKeyOf(started.Key);
                var theirs = await db.Alerts.AsNoTracking().Where(a => a.OpenKey == key).Select(a => (DateTimeOffset?)a.StartedAt)
                    .FirstOrDefaultAsync(ct).ConfigureAwait(false);
                logger.LogDebug("Alert {Key} was raised by another instance first", key);
                return (started with { StartedAt = theirs ?? started.StartedAt }, false);
            }
        }
    }

    /// <summary>Ends the stored episode that started when this one did (never a later episode of the same condition).</summary>
    private async Task<bool> EndAsync(EndedEpisode end, CancellationToken ct)
    {
        var key = Alert.OpenKeyOf(end.Key);
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
            return await db.Alerts.Where(a => a.OpenKey == key && a.StartedAt == end.StartedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.EndedAt, end.EndedAt).SetProperty(a => a.OpenKey, (string?)null)
                    .SetProperty(a => a.Version, a => a.Version + 1), ct).ConfigureAwait(false) == 1;
    }
}
