using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Reports;

public enum CityReportStatus
{
    Queued = 0,   // Đang chờ lập
    Running = 1,  // Đang lập
    Ready = 2,    // Đã lập xong
    Failed = 3,   // Lập không thành công
}

/// <summary>
/// The monthly city report a director asked for: queued, generated in the background, then kept with its PDF and Excel
/// files for download. Each move is a method that refuses an illegal one with a Vietnamese reason.
/// </summary>
public sealed class CityReport
{
    private CityReport() { }

    public long Id { get; private set; }
    /// <summary>The first day of the reported month.</summary>
    public DateOnly Month { get; private set; }
    public int RequestedByStaffId { get; private set; }
    public string RequestedByName { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public CityReportStatus Status { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? GeneratedAt { get; private set; }
    public string? Failure { get; private set; }
    public byte[]? Pdf { get; private set; }
    public byte[]? Excel { get; private set; }

    public ReportPeriod Period => ReportPeriod.MonthOf(Month);

    /// <summary>A request for the month <paramref name="month"/> falls in, or the reason it cannot be made (<see cref="CityReports.RequestRefusal"/>).</summary>
    public static CityReport Request(DateOnly month, DateOnly today, IEnumerable<CityReportStatus> sameMonth, int staffId, string staffName, DateTimeOffset at)
    {
        if (CityReports.RequestRefusal(month, today, sameMonth) is { } refusal) throw new DomainException(refusal);
        return new CityReport
        {
            Month = ReportPeriod.MonthOf(month).From,
            RequestedByStaffId = staffId,
            RequestedByName = Guard.Required(staffName, "Người yêu cầu", 200),
            RequestedAt = at,
            Status = CityReportStatus.Queued,
        };
    }

    public void Start(DateTimeOffset at)
    {
        if (Status != CityReportStatus.Queued) throw new DomainException("Chỉ lập được báo cáo đang chờ lập.");
        (Status, StartedAt) = (CityReportStatus.Running, at);
    }

    public void Finish(byte[] pdf, byte[] excel, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(excel);
        if (Status != CityReportStatus.Running) throw new DomainException("Báo cáo chưa được bắt đầu lập.");
        if (pdf.Length == 0 || excel.Length == 0) throw new DomainException("Tệp báo cáo rỗng.");
        (Status, Pdf, Excel, GeneratedAt) = (CityReportStatus.Ready, pdf, excel, at);
    }

    /// <summary>Generation stopped (an error, or the server restarted meanwhile): the reason is kept and shown.</summary>
    public void Fail(string reason, DateTimeOffset at)
    {
        if (Status is CityReportStatus.Ready or CityReportStatus.Failed) throw new DomainException("Báo cáo đã kết thúc.");
        (Status, Failure, GeneratedAt) = (CityReportStatus.Failed, Guard.Required(reason, "Lý do", 500), at);
    }
}

/// <summary>The rules of the monthly city report's requests and how its statuses read.</summary>
public static class CityReports
{
    /// <summary>
    /// Why a report of <paramref name="month"/> cannot be requested now, or null: a month that has not begun has nothing to
    /// report, and one being generated is not generated twice side by side. A month already reported may be reported again
    /// (the current month grows; a late correction changes a past one): each generation is kept.
    /// </summary>
    public static string? RequestRefusal(DateOnly month, DateOnly today, IEnumerable<CityReportStatus> sameMonth)
    {
        ArgumentNullException.ThrowIfNull(sameMonth);
        if (ReportPeriod.MonthOf(month).From > today) return "Tháng này chưa bắt đầu, chưa có gì để báo cáo.";
        if (sameMonth.Any(s => s is CityReportStatus.Queued or CityReportStatus.Running))
            return "Báo cáo của tháng này đang được lập; chờ bản đang lập xong rồi tải về.";
        return null;
    }

    public static string Label(CityReportStatus status) => status switch
    {
        CityReportStatus.Queued => "Đang chờ lập",
        CityReportStatus.Running => "Đang lập",
        CityReportStatus.Ready => "Đã lập xong",
        _ => "Lập không thành công",
    };
}
