using HanoiWorkbench.Workbench.Pdf;
using UglyToad.PdfPig;

namespace HanoiWorkbench.Workbench.Tests.Pdf;

public sealed class FormsPrintTheirContentInVietnamese
{
    private static void AssertHasNationalHeader(string text, string title)
    {
        // Words come back in reading order, line by line across both header columns.
        Assert.Contains("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("THÀNH PHỐ HÀ NỘI", text);
        Assert.Contains("CHI NHÁNH SỐ 3 (HOÀN KIẾM)", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Assert.Contains("Hà Nội, ngày 20 tháng 11 năm 2026", text);
        Assert.Contains(PdfText.Normalise(title), text);
    }

    [Fact]
    public void The_receipt_shows_the_applicant_the_documents_the_due_date_and_the_fee()
    {
        var text = PdfText.All(Forms.Receipt(SampleForms.Receipt()));

        AssertHasNationalHeader(text, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
        Assert.Contains(SampleForms.Code, text);
        Assert.Contains("Nguyễn Thị Hằng", text);
        Assert.Contains("001190012345", text);
        Assert.Contains("0912 345 678", text);
        Assert.Contains("phường Cầu Giấy", text);
        Assert.Contains("Đăng ký khai sinh", text);
        Assert.Contains("Phường Cầu Giấy", text);
        Assert.Contains("Giấy chứng nhận kết hôn của cha, mẹ", text);
        Assert.Contains("Bản sao", text);
        Assert.Contains("20/11/2026 09:15", text);
        Assert.Contains("20/11/2026 17:00", text);
        Assert.Contains("Quầy trả kết quả", text);
        Assert.Contains("Trần Văn Đức", text);
        Assert.Contains("Phí, lệ phí: Miễn phí, lệ phí", text);
        Assert.Contains("Thời hạn giải quyết theo quy định: Trong ngày làm việc", text);
        Assert.Contains("Số lượng hồ sơ: 01 bộ", text);
        Assert.Contains("Trang 1/1", text);
    }

    [Fact]
    public void The_receipt_carries_a_qr_code_image()
    {
        using var document = PdfDocument.Open(Forms.Receipt(SampleForms.Receipt()));

        var image = Assert.Single(document.GetPage(1).GetImages());
        Assert.True(image.WidthInSamples >= 21, "a QR code has at least 21 modules a side");
    }

    [Fact]
    public void The_supplement_request_lists_what_is_missing_and_why_and_whom_to_call()
    {
        var text = PdfText.All(Forms.SupplementRequest(SampleForms.SupplementRequest()));

        AssertHasNationalHeader(text, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
        Assert.Contains(SampleForms.Code, text);
        Assert.Contains("Kính gửi: Ông/Bà Nguyễn Thị Hằng", text);
        Assert.Contains("Văn bản ủy quyền có chứng thực", text);
        Assert.Contains("Người nộp không phải cha, mẹ của trẻ", text);
        Assert.Contains("Giấy chứng sinh do cơ sở y tế cấp", text);
        Assert.Contains("Trần Văn Đức, số điện thoại 024 3333 1022", text);
    }

    [Fact]
    public void The_refusal_gives_the_reason()
    {
        var text = PdfText.All(Forms.Refusal(SampleForms.Refusal()));

        AssertHasNationalHeader(text, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
        Assert.Contains("Cấp giấy phép xây dựng nhà ở riêng lẻ", text);
        Assert.Contains("Thửa đất thuộc khu vực đã có quyết định thu hồi đất, không đủ điều kiện cấp giấy phép xây dựng theo Luật Xây dựng.", text);
        Assert.DoesNotContain("Mã hồ sơ", text);
    }

    [Fact]
    public void The_apology_gives_the_reason_the_original_and_the_new_appointment()
    {
        var text = PdfText.All(Forms.ApologyExtension(SampleForms.ApologyExtension()));

        AssertHasNationalHeader(text, "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT");
        Assert.Contains("Số: 115/CV-CN3", text);
        Assert.Contains("trân trọng xin lỗi Ông/Bà", text);
        Assert.Contains("Cần xác minh thông tin nơi cư trú của người mẹ tại Ủy ban nhân dân xã Ứng Hòa.", text);
        Assert.Contains("27/11/2026 16:30", text);
        Assert.Contains("Ngày hẹn trả kết quả mới: 04/12/2026 16:30", text);
        Assert.Contains("GIÁM ĐỐC CHI NHÁNH", text);
        Assert.Contains("Lê Minh Tuấn", text);
    }

    [Fact]
    public void The_stop_notice_gives_the_reason()
    {
        var text = PdfText.All(Forms.StopNotice(SampleForms.StopNotice()));

        AssertHasNationalHeader(text, "THÔNG BÁO VỀ VIỆC DỪNG GIẢI QUYẾT HỒ SƠ");
        Assert.Contains(SampleForms.Code, text);
        Assert.Contains("thông báo dừng giải quyết hồ sơ", text);
        Assert.Contains("Công dân có đơn đề nghị rút hồ sơ ngày 22/11/2026.", text);
    }

    [Fact]
    public void The_process_control_sheet_lists_every_hand_off_with_its_timeliness()
    {
        var text = PdfText.All(Forms.ProcessControl(SampleForms.ProcessControl()));

        AssertHasNationalHeader(text, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
        Assert.Contains("27/11/2026 16:30", text);
        Assert.Contains("Đã thẩm định,", text);
        Assert.Contains("Đã chuyển hồ sơ", text);
        Assert.Contains("Lãnh đạo UBND", text);
        Assert.Contains("30/11/2026", text);
        Assert.Contains("Trước hạn", text);
        Assert.Contains("Đúng hạn", text);
        Assert.Contains("Quá hạn", text);
        Assert.Contains("Chậm 1 ngày", text);
    }

    [Theory]
    [InlineData(StepTimeliness.Early, "Trước hạn")]
    [InlineData(StepTimeliness.OnTime, "Đúng hạn")]
    [InlineData(StepTimeliness.Late, "Quá hạn")]
    public void Each_timeliness_mark_has_its_vietnamese_label(StepTimeliness mark, string label) =>
        Assert.Equal(label, mark.Label());

    [Theory]
    [InlineData(0, "0 đ")]
    [InlineData(50_000, "50.000 đ")]
    [InlineData(1_000_000, "1.000.000 đ")]
    [InlineData(12_345_678, "12.345.678 đ")]
    public void Fees_are_printed_in_dong_with_dots_between_thousands(decimal amount, string printed) =>
        Assert.Equal(printed, AdministrativeLayout.Vnd(amount));
}
