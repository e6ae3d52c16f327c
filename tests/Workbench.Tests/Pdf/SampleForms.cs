using HanoiWorkbench.Workbench.Pdf;

namespace HanoiWorkbench.Workbench.Tests.Pdf;

/// <summary>Realistic Vietnamese samples shared by the form tests and the docs renderer.</summary>
internal static class SampleForms
{
    public const string Code = "000.A0.01.H26-261120-0042";
    public const string BranchName = "Chi nhánh số 3 (Hoàn Kiếm)"; // as shared/reference/branches.csv names it

    public static readonly DocumentIssuer Issuer = new(BranchName, new DateOnly(2026, 11, 20));

    public static readonly ApplicantDetails Applicant = new(
        "Nguyễn Thị Hằng", "001190012345", "0912 345 678", "Số 12 ngõ 34 phố Trần Thái Tông, phường Cầu Giấy, Hà Nội");

    public static readonly DateTime ReceivedAt = new(2026, 11, 20, 9, 15, 0);
    // Late birth registration (1.004884) takes 5 working days: received Friday 20/11, due Friday 27/11.
    public const string LateBirthRegistration = "Đăng ký lại khai sinh";
    public static readonly DateTime DueAt = new(2026, 11, 27, 16, 30, 0);

    // Birth registration is a same-day procedure (received before 15:00, due at 17:00 that day) and free of charge.
    public static readonly DateTime SameDayDueAt = new(2026, 11, 20, 17, 0, 0);

    public static ReceiptModel Receipt() => new(
        Issuer with { DocumentNumber = "0042/GTN-CN3" },
        Code,
        Applicant,
        "Đăng ký khai sinh",
        "Phường Cầu Giấy",
        [
            new("Tờ khai đăng ký khai sinh theo mẫu", "Bản chính", 1),
            new("Giấy chứng sinh do cơ sở y tế cấp", "Bản chính", 1),
            new("Giấy chứng nhận kết hôn của cha, mẹ", "Bản sao", 1),
            new("Căn cước công dân của người đi đăng ký", "Bản chụp", 2),
        ],
        ReceivedAt,
        SameDayDueAt,
        "Quầy trả kết quả, Chi nhánh số 3 (Hoàn Kiếm), 126 Hàng Trống, phường Hoàn Kiếm, Hà Nội",
        "Trần Văn Đức",
        0m,
        $"https://dichvucong.hanoi.gov.vn/tra-cuu/{Code}",
        "Trong ngày làm việc (hồ sơ nhận sau 15 giờ trả trong ngày làm việc tiếp theo)");

    public static SupplementRequestModel SupplementRequest() => new(
        Issuer,
        Code,
        Applicant,
        "Đăng ký khai sinh",
        ReceivedAt,
        [
            new("Giấy chứng sinh do cơ sở y tế cấp", "Bản đã nộp bị tẩy xóa phần ngày sinh, cần bản chính hợp lệ"),
            new("Văn bản ủy quyền có chứng thực", "Người nộp không phải cha, mẹ của trẻ"),
        ],
        "Trần Văn Đức",
        "024 3333 1022",
        "Trần Văn Đức");

    public static RefusalModel Refusal() => new(
        Issuer,
        null,
        Applicant,
        "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        ReceivedAt,
        "Thửa đất thuộc khu vực đã có quyết định thu hồi đất, không đủ điều kiện cấp giấy phép xây dựng theo Luật Xây dựng.",
        "Trần Văn Đức");

    public static ApologyExtensionModel ApologyExtension() => new(
        Issuer with { DocumentNumber = "115/CV-CN3" },
        Code,
        Applicant,
        LateBirthRegistration,
        ReceivedAt,
        DueAt,
        new DateTime(2026, 12, 4, 16, 30, 0),
        "Cần xác minh thông tin nơi cư trú của người mẹ tại Ủy ban nhân dân xã Ứng Hòa.",
        new Signer($"Giám đốc {BranchName}", "Lê Minh Tuấn"));

    public static StopNoticeModel StopNotice() => new(
        Issuer with { DocumentNumber = "116/TB-CN3" },
        Code,
        Applicant,
        LateBirthRegistration,
        ReceivedAt,
        "Công dân có đơn đề nghị rút hồ sơ ngày 22/11/2026.",
        new Signer($"Giám đốc {BranchName}", "Lê Minh Tuấn"));

    public static ProcessControlModel ProcessControl() => new(
        Issuer,
        Code,
        Applicant,
        LateBirthRegistration,
        ReceivedAt,
        DueAt,
        [
            new("Bộ phận Một cửa - Trần Văn Đức", "Phòng Tư pháp - Phạm Thu Trang", new DateTime(2026, 11, 20, 10, 0, 0), "Đã chuyển hồ sơ", StepTimeliness.Early),
            new("Phòng Tư pháp - Phạm Thu Trang", "Lãnh đạo UBND phường", new DateTime(2026, 11, 24, 15, 0, 0), "Đã thẩm định, trình ký", StepTimeliness.OnTime),
            new("Lãnh đạo UBND phường", "Bộ phận Một cửa - Trần Văn Đức", new DateTime(2026, 11, 30, 9, 0, 0), "Đã ký giấy khai sinh", StepTimeliness.Late, "Chậm 1 ngày làm việc do xác minh"),
        ]);

    public static TrackingBookModel TrackingBook(int rows)
    {
        string[] names = ["Nguyễn Thị Hằng", "Trần Quốc Bảo", "Lê Thị Thu Hương", "Phạm Văn Dũng", "Vũ Ngọc Ánh"];
        // Names and processing times as in the procedure catalogue (0 working days = the same day).
        (string Name, int Days)[] procedures =
        [
            ("Đăng ký khai sinh", 0), ("Chứng thực bản sao từ bản chính giấy tờ, văn bản", 0), ("Đăng ký kết hôn", 0),
            ("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", 15),
        ];
        string[] statuses = ["Đã tiếp nhận", "Đang xử lý", "Đã xử lý xong", "Đã trả kết quả"];
        // November 2026 has no public holiday: receptions every 18 minutes of office hours on weekdays only.
        var slots = WorkingDaysFrom(new DateTime(2026, 11, 2))
            .SelectMany(d => Enumerable.Range(0, 25).Select(k => d.AddHours(8).AddMinutes(18 * k + (k >= 12 ? 84 : 0))))
            .Take(rows).ToList();
        var entries = slots.Select((received, i) =>
        {
            var (procedure, days) = procedures[i % procedures.Length];
            var due = days == 0 && received.Hour < 15 ? received.Date.AddHours(17) : AddWorkingDays(received.Date, Math.Max(days, 1)).AddHours(17);
            var done = i % 4 >= 2 ? due.AddHours(-1) : (DateTime?)null;
            return new TrackingBookEntry(
                $"000.A0.01.H26-{received:yyMMdd}-{i + 1:0000}",
                names[i % names.Length],
                procedure,
                received,
                due,
                done,
                i % 4 == 3 ? done : null,
                statuses[i % statuses.Length],
                i % 7 == 0 ? "Nộp trực tuyến" : null);
        }).ToList();
        return new TrackingBookModel(Issuer, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), entries);
    }

    private static bool IsWeekday(DateTime d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static IEnumerable<DateTime> WorkingDaysFrom(DateTime from)
    {
        for (var d = from.Date; ; d = d.AddDays(1))
            if (IsWeekday(d)) yield return d;
    }

    private static DateTime AddWorkingDays(DateTime day, int n) => WorkingDaysFrom(day.AddDays(1)).Skip(n - 1).First();
}
