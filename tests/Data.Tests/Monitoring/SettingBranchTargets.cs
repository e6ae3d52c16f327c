using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Data.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Data.Tests.Monitoring;

public sealed class SettingBranchTargets
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Branch, int Other, int Staff)> PickAsync(TempDatabase db)
    {
        await using var ctx = db.Factory.CreateDbContext();
        var branches = await ctx.Branches.OrderBy(b => b.Code).Select(b => b.Id).Take(2).ToListAsync(Ct);
        var director = await ctx.Staff.Where(s => s.Role == Core.Domain.StaffRole.Director).Select(s => s.Id).FirstAsync(Ct);
        return (branches[0], branches[1], director);
    }

    [Fact]
    public async Task A_branch_nobody_set_follows_the_defaults_and_a_saved_one_its_own_with_an_audit_entry()
    {
        await using var db = await TempDatabase.SeededAsync();
        var (branch, other, director) = await PickAsync(db);
        var targets = new BranchTargets(db.Factory, new FakeTimeProvider(DateTimeOffset.Parse("2026-12-03T03:00:00Z")));
        Assert.Equal(AlertThresholds.Default, await targets.ForBranchAsync(branch, Ct));

        var wanted = AlertThresholds.Default with { LongestWait = TimeSpan.FromMinutes(20), SatisfactionFloor = 0.9 };
        Assert.Empty(await targets.SaveAsync(branch, wanted, director, Ct));

        Assert.Equal(wanted, await targets.ForBranchAsync(branch, Ct));
        var all = await targets.AllAsync(Ct);
        Assert.Equal(30, all.Count);
        Assert.Equal(wanted, all[branch]);
        Assert.Equal(AlertThresholds.Default, all[other]);
        // Another instance (a fresh service) reads what was saved.
        Assert.Equal(wanted, await new BranchTargets(db.Factory, TimeProvider.System).ForBranchAsync(branch, Ct));
        await using var ctx = db.Factory.CreateDbContext();
        var audit = await ctx.AuditEntries.Where(a => a.EntityType == "BranchTarget").SingleAsync(Ct);
        Assert.Equal((branch.ToString(System.Globalization.CultureInfo.InvariantCulture), director), (audit.EntityId, audit.StaffId));
    }

    [Fact]
    public async Task Invalid_targets_are_refused_with_a_reason_and_nothing_is_saved()
    {
        await using var db = await TempDatabase.SeededAsync();
        var (branch, _, director) = await PickAsync(db);
        var targets = new BranchTargets(db.Factory, TimeProvider.System);
        Assert.Empty(await targets.SaveAsync(branch, AlertThresholds.Default with { OverdueRise = 9 }, director, Ct));

        var errors = await targets.SaveAsync(branch, AlertThresholds.Default with { OverdueRise = 3, MinimumRatings = 0 }, director, Ct);

        Assert.Equal("Số lượt đánh giá tối thiểu phải từ 1 đến 1000.", errors[nameof(AlertThresholds.MinimumRatings)]);
        Assert.Equal(9, (await new BranchTargets(db.Factory, TimeProvider.System).ForBranchAsync(branch, Ct)).OverdueRise);
        await using var ctx = db.Factory.CreateDbContext();
        Assert.Equal(1, await ctx.AuditEntries.CountAsync(a => a.EntityType == "BranchTarget", Ct));
        Assert.Equal("Không tìm thấy chi nhánh.", (await targets.SaveAsync(-1, AlertThresholds.Default, director, Ct))[""]);
    }
}
