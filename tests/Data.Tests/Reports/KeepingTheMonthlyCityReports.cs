using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Reports;
using HanoiWorkbench.Data.Audit;
using HanoiWorkbench.Data.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HanoiWorkbench.Data.Tests.Reports;

public sealed class KeepingTheMonthlyCityReports
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));

    private static async Task<(CityReportStore Store, int Director, FakeTimeProvider Clock)> StoreAsync(TempDatabase temp)
    {
        var clock = new FakeTimeProvider(Now);
        await using var db = temp.Factory.CreateDbContext();
        var director = await db.Staff.Where(s => s.Email == DemoAccounts.Director.Email).Select(s => s.Id).SingleAsync(Ct);
        return (new CityReportStore(temp.Factory, new AuditLog(temp.Factory, clock), clock), director, clock);
    }

    [Fact]
    public async Task A_month_in_flight_is_refused_a_second_time_and_a_ready_one_keeps_its_files_and_who_asked()
    {
        await using var temp = await TempDatabase.SeededAsync();
        var (store, director, clock) = await StoreAsync(temp);

        var (first, none) = await store.RequestAsync(new DateOnly(2026, 10, 12), director, "giamdoc@hanoi.gov.vn", Ct);
        var (second, refusal) = await store.RequestAsync(new DateOnly(2026, 10, 30), director, "giamdoc@hanoi.gov.vn", Ct);
        Assert.Null(none);
        Assert.Equal((null, "Báo cáo của tháng này đang được lập; chờ bản đang lập xong rồi tải về."), (second, refusal));
        Assert.Null(await store.FileAsync(first!.Value, pdf: true, Ct));          // not ready yet

        Assert.Equal(new DateOnly(2026, 10, 1), await store.StartAsync(first.Value, Ct));
        Assert.Null(await store.StartAsync(first.Value, Ct));                     // taken once only
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await store.FinishAsync(first.Value, [1, 2, 3], [4, 5], Ct));

        var row = Assert.Single(await store.ListAsync(ct: Ct));
        Assert.Equal((CityReportStatus.Ready, new DateOnly(2026, 10, 1), 3, 2), (row.Status, row.Month, row.PdfBytes, row.ExcelBytes));
        Assert.Equal(Now.AddSeconds(30), row.GeneratedAt);
        Assert.Equal(Now, row.RequestedAt);
        Assert.False(string.IsNullOrWhiteSpace(row.RequestedBy));
        Assert.Equal([4, 5], (await store.FileAsync(first.Value, pdf: false, Ct))!.Bytes);
        Assert.Null((await store.RequestAsync(new DateOnly(2026, 10, 1), director, "giamdoc@hanoi.gov.vn", Ct)).Refusal); // again, once ready
        await using var db = temp.Factory.CreateDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(CityReport), Ct));
    }

    [Fact]
    public async Task After_a_restart_a_running_report_is_failed_with_the_reason_and_a_queued_one_is_taken_up_again()
    {
        await using var temp = await TempDatabase.SeededAsync();
        var (store, director, _) = await StoreAsync(temp);
        var (running, _) = await store.RequestAsync(new DateOnly(2026, 9, 1), director, "giamdoc", Ct);
        var (queued, _) = await store.RequestAsync(new DateOnly(2026, 8, 1), director, "giamdoc", Ct);
        await store.StartAsync(running!.Value, Ct);

        var again = await store.RecoverAsync(Ct);

        Assert.Equal([queued!.Value], again);
        var failed = (await store.ListAsync(ct: Ct)).Single(r => r.Id == running);
        Assert.Equal((CityReportStatus.Failed, CityReportStore.Interrupted), (failed.Status, failed.Failure));
        Assert.Equal("Tháng này chưa bắt đầu, chưa có gì để báo cáo.", (await store.RequestAsync(new DateOnly(2026, 12, 1), director, "giamdoc", Ct)).Refusal);
    }
}
