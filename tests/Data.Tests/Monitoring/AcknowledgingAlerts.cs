using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Monitoring;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Data.Tests.Monitoring;

/// <summary>Who sees and acknowledges which alerts (the permission table: a director every branch, a manager their own), the
/// list's filters, and an acknowledgement that is refused, stale or repeated saving nothing.</summary>
public sealed class AcknowledgingAlerts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private sealed record World(TempDatabase Db, Alerts Alerts, RecordedEvents Events, long Br03, long Br05, Staff Director, Staff Manager, Staff Clerk)
        : IAsyncDisposable
    {
        public PermissionActor ActorOf(Staff s) => new(s.Role, s.HomeBranchId);

        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    private static async Task<World> WorldAsync()
    {
        var db = await TempDatabase.SeededAsync();
        await using var ctx = db.Factory.CreateDbContext();
        var branches = await ctx.Branches.Where(b => b.Code == "BR03" || b.Code == "BR05").ToDictionaryAsync(b => b.Code, b => b.Id, Ct);
        var crowd = new Alert(new AlertKey(branches["BR03"], AlertKind.WaitingPerCounterOverLimit), Morning, "Quá nhiều người chờ trên mỗi quầy đang mở");
        var unhappy = new Alert(new AlertKey(branches["BR05"], AlertKind.SatisfactionLow), Morning.AddDays(-1), "Mức hài lòng hôm nay dưới ngưỡng");
        ctx.Alerts.AddRange(crowd, unhappy);
        await ctx.SaveChangesAsync(Ct);
        Staff Demo(DemoAccount a) => ctx.Staff.AsNoTracking().Single(s => s.Email == a.Email);
        var events = new RecordedEvents();
        return new World(db, new Alerts(db.Factory, events, new FakeTimeProvider(Morning.AddMinutes(5))), events, crowd.Id, unhappy.Id,
            Demo(DemoAccounts.Director), Demo(DemoAccounts.BranchManager), Demo(DemoAccounts.Clerk));
    }

    private static async Task<Alert> StoredAsync(World w, long id)
    {
        await using var ctx = w.Db.Factory.CreateDbContext();
        return await ctx.Alerts.AsNoTracking().SingleAsync(a => a.Id == id, Ct);
    }

    [Fact]
    public async Task A_manager_sees_and_acknowledges_their_own_branch_only_and_a_clerk_none()
    {
        await using var w = await WorldAsync();

        Assert.Equal(2, await w.Alerts.UnacknowledgedAsync(w.ActorOf(w.Director), Ct));
        Assert.Equal(1, await w.Alerts.UnacknowledgedAsync(w.ActorOf(w.Manager), Ct));
        // Asking for another branch's alerts gives a manager their own.
        var managers = await w.Alerts.ListAsync(w.ActorOf(w.Manager), new AlertFilter(BranchId: (await StoredAsync(w, w.Br05)).BranchId), Ct);
        Assert.Equal([w.Br03], managers.Lines.Select(l => l.Id));

        var refusal = Permissions.Refusal(StaffAction.AcknowledgeAlert);
        Assert.Equal(refusal, await w.Alerts.AcknowledgeAsync(w.Br05, 0, "Đã gọi chi nhánh", w.Manager.Id, Ct));
        Assert.Equal(refusal, await w.Alerts.AcknowledgeAsync(w.Br03, 0, "Đã gọi chi nhánh", w.Clerk.Id, Ct));
        Assert.Equal(0, await w.Alerts.UnacknowledgedAsync(w.ActorOf(w.Clerk), Ct));
        Assert.Null((await StoredAsync(w, w.Br05)).AcknowledgedAt);
        Assert.Null((await StoredAsync(w, w.Br03)).AcknowledgedAt);

        Assert.Null(await w.Alerts.AcknowledgeAsync(w.Br03, 0, "Đã mở thêm quầy", w.Manager.Id, Ct));
        var done = await StoredAsync(w, w.Br03);
        Assert.Equal((AlertState.Acknowledged, (int?)w.Manager.Id, (string?)w.Manager.FullName), (done.State, done.AcknowledgedByStaffId, done.AcknowledgedByName));
        Assert.Equal((LiveEventKind.AlertChanged, (int?)done.BranchId, (long?)w.Br03), Assert.Single(w.Events.Published));
    }

    [Fact]
    public async Task An_empty_stale_or_second_acknowledgement_is_refused_and_saves_nothing()
    {
        await using var w = await WorldAsync();

        Assert.Equal("Ghi chú xử lý không được để trống.", await w.Alerts.AcknowledgeAsync(w.Br03, 0, "  ", w.Director.Id, Ct));
        Assert.Equal(Alerts.Conflict, await w.Alerts.AcknowledgeAsync(w.Br03, 7, "Đã xử lý", w.Director.Id, Ct));
        Assert.Null((await StoredAsync(w, w.Br03)).AcknowledgedAt);
        Assert.Null(await w.Alerts.AcknowledgeAsync(w.Br03, 0, "Đã xử lý", w.Director.Id, Ct));
        Assert.Equal("Cảnh báo này đã được xác nhận.", await w.Alerts.AcknowledgeAsync(w.Br03, 1, "Lần hai", w.Director.Id, Ct));
        Assert.Equal("Đã xử lý", (await StoredAsync(w, w.Br03)).AcknowledgementNote);
        await using var ctx = w.Db.Factory.CreateDbContext();
        Assert.Single(await ctx.AuditEntries.Where(a => a.EntityType == nameof(Alert)).ToListAsync(Ct));
    }

    [Theory]
    [InlineData(null, null, null, null, "BR03 BR05")]
    [InlineData(AlertKind.SatisfactionLow, null, null, null, "BR05")]
    [InlineData(null, AlertState.Acknowledged, null, null, "BR03")]
    [InlineData(null, AlertState.Open, null, null, "BR05")]
    [InlineData(null, null, "2026-03-02", "2026-03-02", "BR03")]   // Hanoi days, both ends included
    [InlineData(null, null, null, "2026-03-01", "BR05")]
    public async Task The_list_filters_by_rule_state_and_day(AlertKind? kind, AlertState? state, string? from, string? to, string expected)
    {
        await using var w = await WorldAsync();
        Assert.Null(await w.Alerts.AcknowledgeAsync(w.Br03, 0, "Đã xử lý", w.Director.Id, Ct));
        var filter = new AlertFilter(Kind: kind, State: state, From: from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            To: to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        var page = await w.Alerts.ListAsync(w.ActorOf(w.Director), filter, Ct);

        Assert.Equal(expected, string.Join(' ', page.Lines.Select(l => l.BranchCode).Order(StringComparer.Ordinal)));
        Assert.Equal(page.Lines.Count, page.Total);
    }
}
