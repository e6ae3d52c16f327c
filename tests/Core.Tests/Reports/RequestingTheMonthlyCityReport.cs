using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Reports;

namespace HanoiWorkbench.Core.Tests.Reports;

public class RequestingTheMonthlyCityReport
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));

    // month asked for, statuses of that month's earlier reports → refusal (null = allowed)
    [Theory]
    [InlineData("2026-11-20", new CityReportStatus[0], null)]                                         // this month, so far
    [InlineData("2026-10-05", new[] { CityReportStatus.Ready, CityReportStatus.Failed }, null)]        // again, after a finished one
    [InlineData("2026-12-01", new CityReportStatus[0], "Tháng này chưa bắt đầu, chưa có gì để báo cáo.")]
    [InlineData("2026-10-01", new[] { CityReportStatus.Ready, CityReportStatus.Queued }, "Báo cáo của tháng này đang được lập; chờ bản đang lập xong rồi tải về.")]
    [InlineData("2026-10-01", new[] { CityReportStatus.Running }, "Báo cáo của tháng này đang được lập; chờ bản đang lập xong rồi tải về.")]
    public void A_month_is_reported_once_it_has_begun_and_never_twice_at_the_same_time(string month, CityReportStatus[] earlier, string? refusal)
    {
        var day = DateOnly.ParseExact(month, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(refusal, CityReports.RequestRefusal(day, Today, earlier));
    }

    [Fact]
    public void A_request_keeps_the_first_of_the_month_and_goes_queued_running_ready()
    {
        var report = CityReport.Request(new DateOnly(2026, 10, 17), Today, [], 7, "Nguyễn Giám Đốc", At);
        Assert.Equal((new DateOnly(2026, 10, 1), CityReportStatus.Queued), (report.Month, report.Status));
        Assert.Equal(new ReportPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), report.Period);

        Assert.Equal("Báo cáo chưa được bắt đầu lập.", Assert.Throws<DomainException>(() => report.Finish([1], [2], At)).Message);
        report.Start(At.AddSeconds(1));
        Assert.Equal("Chỉ lập được báo cáo đang chờ lập.", Assert.Throws<DomainException>(() => report.Start(At)).Message);
        Assert.Equal("Tệp báo cáo rỗng.", Assert.Throws<DomainException>(() => report.Finish([], [2], At)).Message);
        report.Finish([1], [2], At.AddSeconds(5));

        Assert.Equal(CityReportStatus.Ready, report.Status);
        Assert.Equal(At.AddSeconds(5), report.GeneratedAt);
        Assert.Equal("Báo cáo đã kết thúc.", Assert.Throws<DomainException>(() => report.Fail("lỗi", At)).Message);
    }

    [Fact]
    public void A_failed_report_keeps_its_reason()
    {
        var report = CityReport.Request(Today, Today, [], 7, "Nguyễn Giám Đốc", At);

        report.Fail("Máy chủ khởi động lại khi đang lập.", At.AddMinutes(1));

        Assert.Equal((CityReportStatus.Failed, "Máy chủ khởi động lại khi đang lập."), (report.Status, report.Failure));
        Assert.Equal("Lập không thành công", CityReports.Label(report.Status));
    }
}
