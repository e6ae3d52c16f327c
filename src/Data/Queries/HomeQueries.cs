using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Queries;

public sealed record BranchSummary(int Id, string Code, string Name, string Address, string AgencyId, TimeOnly OpensAt, TimeOnly ClosesAt);

public sealed record CounterRow(int Id, int Number, string Name, bool IsOpen, IReadOnlyList<string> GroupLetters, string? StaffName);

public sealed record StaffRow(int Id, string FullName, string Email, StaffRole Role, string HomeBranchName, bool OnLoan, int? CounterNumber, IReadOnlyList<string> Skills, bool IsActive);

/// <summary>What the administrator manages, counted: the admin home's tiles.</summary>
public sealed record AdminCounts(int Branches, int Counters, int Procedures, int Staff, int Accounts);

public sealed record BranchLoadRow(int Id, string Code, string Name, int Counters, int OpenCounters, int StaffOnDuty, int OpenApplications, int Overdue, int WaitingTickets);

/// <summary>Read models for the role home pages: one query per screen, no tracking.</summary>
public sealed class HomeQueries(IDbContextFactory<WorkbenchDbContext> dbFactory, TimeProvider clock)
{
    public async Task<AdminCounts> AdminCountsAsync(CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        return new AdminCounts(await db.Branches.CountAsync(ct).ConfigureAwait(false), await db.Counters.CountAsync(ct).ConfigureAwait(false), await db.Procedures.CountAsync(ct).ConfigureAwait(false),
            await db.Staff.CountAsync(ct).ConfigureAwait(false), await db.Users.CountAsync(ct).ConfigureAwait(false));
    }

    public async Task<BranchSummary?> BranchAsync(int branchId, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        return await db.Branches.AsNoTracking().Where(b => b.Id == branchId)
            .Select(b => new BranchSummary(b.Id, b.Code, b.Name, b.Address, b.AgencyId, b.OpensAt, b.ClosesAt))
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
    }

    public async Task<BranchSummary?> BranchByCodeAsync(string branchCode, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        return await db.Branches.AsNoTracking().Where(b => b.Code == branchCode)
            .Select(b => new BranchSummary(b.Id, b.Code, b.Name, b.Address, b.AgencyId, b.OpensAt, b.ClosesAt))
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<CounterRow>> CountersAsync(int branchId, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var counters = await db.Counters.AsNoTracking().Where(c => c.BranchId == branchId)
            .OrderBy(c => c.Number)
            .Select(c => new { c.Id, c.Number, c.Name, c.IsOpen, Letters = c.ServiceGroups.OrderBy(g => g.Letter).Select(g => g.Letter).ToList() })
            .ToListAsync(ct).ConfigureAwait(false);
        var seated = await db.Staff.AsNoTracking()
            .Where(s => s.CurrentBranchId == branchId && s.CurrentCounterId != null && s.IsActive)
            .Select(s => new { s.CurrentCounterId, s.FullName })
            .ToListAsync(ct).ConfigureAwait(false);
        var byCounter = seated.GroupBy(s => s.CurrentCounterId!.Value).ToDictionary(g => g.Key, g => g.First().FullName);
        return counters.Select(c => new CounterRow(c.Id, c.Number, c.Name, c.IsOpen, c.Letters, byCounter.GetValueOrDefault(c.Id))).ToList();
    }

    /// <summary>Everyone working at the branch now, including people lent from elsewhere.</summary>
    public async Task<IReadOnlyList<StaffRow>> StaffAtBranchAsync(int branchId, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var rows = await db.Staff.AsNoTracking()
            .Where(s => s.CurrentBranchId == branchId)
            .OrderBy(s => s.Role == StaffRole.BranchManager ? 0 : 1).ThenBy(s => s.FullName)
            .Select(s => new
            {
                s.Id, s.FullName, s.Email, s.Role, s.HomeBranchId, s.CurrentBranchId, s.IsActive,
                HomeBranch = db.Branches.Where(b => b.Id == s.HomeBranchId).Select(b => b.Name).FirstOrDefault(),
                Counter = db.Counters.Where(c => c.Id == s.CurrentCounterId).Select(c => (int?)c.Number).FirstOrDefault(),
                Skills = s.Skills.OrderBy(f => f.Name).Select(f => f.Name).ToList(),
            })
            .ToListAsync(ct).ConfigureAwait(false);
        return rows.Select(s => new StaffRow(s.Id, s.FullName, s.Email, s.Role, s.HomeBranch ?? "", s.HomeBranchId != s.CurrentBranchId, s.Counter, s.Skills, s.IsActive)).ToList();
    }

    /// <summary>All branches with their live counts, for the director's city view.</summary>
    public async Task<IReadOnlyList<BranchLoadRow>> CityLoadAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(HanoiWorkbench.Core.HanoiTime.Offset).DateTime);
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var branches = await db.Branches.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.Code)
            .Select(b => new { b.Id, b.Code, b.Name }).ToListAsync(ct).ConfigureAwait(false);
        var counters = await db.Counters.AsNoTracking().GroupBy(c => c.BranchId)
            .Select(g => new { g.Key, Total = g.Count(), Open = g.Count(c => c.IsOpen) }).ToDictionaryAsync(x => x.Key, ct).ConfigureAwait(false);
        var staff = await db.Staff.AsNoTracking().Where(s => s.IsActive).GroupBy(s => s.CurrentBranchId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
        var unfinished = ApplicationLifecycle.Unfinished.ToArray();
        var open = await db.Applications.AsNoTracking()
            .Where(a => unfinished.Contains(a.Status))
            .GroupBy(a => a.HandlingBranchId)
            .Select(g => new { g.Key, Open = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Open, ct).ConfigureAwait(false);
        var overdue = await db.Applications.AsNoTracking().Where(Lateness.IsLateNow(now))
            .GroupBy(a => a.HandlingBranchId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
        var waiting = await db.Tickets.AsNoTracking().Where(t => t.ServiceDate == today && t.Status == TicketStatus.Waiting)
            .GroupBy(t => t.BranchId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);

        return branches.Select(b => new BranchLoadRow(b.Id, b.Code, b.Name,
            counters.GetValueOrDefault(b.Id)?.Total ?? 0, counters.GetValueOrDefault(b.Id)?.Open ?? 0,
            staff.GetValueOrDefault(b.Id), open.GetValueOrDefault(b.Id), overdue.GetValueOrDefault(b.Id),
            waiting.GetValueOrDefault(b.Id))).ToList();
    }
}
