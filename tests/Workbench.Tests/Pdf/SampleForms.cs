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
        "Đăng ký khai sinh",
        ReceivedAt,
        DueAt,
        new DateTime(2026, 12, 4, 16, 30, 0),
        "Cần xác minh thông tin nơi cư trú của người mẹ tại Ủy ban nhân dân xã Ứng Hòa.",
        new Signer("Giám đốc chi nhánh", "Lê Minh Tuấn"));

    public static StopNoticeModel StopNotice() => new(
        Issuer with { DocumentNumber = "116/TB-CN3" },
        Code,
        Applicant,
        "Đăng ký khai sinh",
        ReceivedAt,
        "Công dân có đơn đề nghị rút hồ sơ ngày 22/11/2026.",
        new Signer("Giám đốc chi nhánh", "Lê Minh Tuấn"));

    public static ProcessControlModel ProcessControl() => new(
        Issuer,
        Code,
        Applicant,
        "Đăng ký khai sinh",
        ReceivedAt,
        DueAt,
        [
            new("Bộ phận Một cửa - Trần Văn Đức", "Phòng Tư pháp - Phạm Thu Trang", new DateTime(2026, 11, 20, 10, 0, 0), "Đã chuyển hồ sơ", StepTimeliness.Early),
            new("Phòng Tư pháp - Phạm Thu Trang", "Lãnh đạo UBND phường", new DateTime(2026, 11, 24, 15, 0, 0), "Đã thẩm định, trình ký", StepTimeliness.OnTime),
            new("Lãnh đạo UBND phường", "Bộ phận Một cửa - Trần Văn Đức", new DateTime(2026, 11, 28, 9, 0, 0), "Đã ký giấy khai sinh", StepTimeliness.Late, "Chậm 1 ngày do xác minh"),
        ]);

    public static TrackingBookModel TrackingBook(int rows)
    {
        string[] names = ["Nguyễn Thị Hằng", "Trần Quốc Bảo", "Lê Thị Thu Hương", "Phạm Văn Dũng", "Vũ Ngọc Ánh"];
        string[] procedures = ["Đăng ký khai sinh", "Chứng thực bản sao từ bản chính", "Đăng ký kết hôn", "Cấp giấy phép xây dựng nhà ở riêng lẻ"];
        string[] statuses = ["Đã tiếp nhận", "Đang xử lý", "Đã xử lý xong", "Đã trả kết quả"];
        var entries = Enumerable.Range(0, rows).Select(i =>
        {
            var received = new DateTime(2026, 11, 2, 8, 0, 0).AddMinutes(37 * i);
            var done = i % 4 >= 2 ? received.AddDays(3) : (DateTime?)null;
            return new TrackingBookEntry(
                $"000.A0.01.H26-{received:yyMMdd}-{i + 1:0000}",
                names[i % names.Length],
                procedures[i % procedures.Length],
                received,
                received.AddDays(5),
                done,
                i % 4 == 3 ? done?.AddDays(1) : null,
                statuses[i % statuses.Length],
                i % 7 == 0 ? "Nộp trực tuyến" : null);
        }).ToList();
        return new TrackingBookModel(Issuer, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), entries);
    }
}
