using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Reception;

namespace HanoiWorkbench.Core.Tests.Reception;

/// <summary>
/// The reception form's checks (Core's <see cref="ReceptionRules"/>), as the form runs them while the clerk types and the
/// service runs them again before saving: one good form, then one field wrong at a time, each with its own message.
/// </summary>
public sealed class TheReceptionFormsChecks
{
    private static readonly ProcedureChoice BirthRegistration = new(7, "Đăng ký khai sinh", "1.001193", 3, ProcessingUnit.WorkingDays, 1,
        0, null, ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"]);

    private static ReceptionRequest Good() => new(7, 3, "Nguyễn Thị Mai", "001190012345", 1990, false, "0912 345 678", "12 Hàng Bông, Hoàn Kiếm",
        [new DocumentTick("Tờ khai đăng ký khai sinh", true, 1), new DocumentTick("Giấy chứng sinh", true, 1)]);

    [Fact]
    public void A_complete_form_has_no_error() => Assert.Empty(ReceptionRules.Validate(Good(), BirthRegistration, areaIsActive: true, 2026));

    public static TheoryData<string, ReceptionRequest, bool, bool, string, string> OneFieldWrong => new()
    {
        { "no procedure", Good() with { ProcedureId = null }, true, true, ReceptionFields.Procedure, "Chọn thủ tục hành chính." },
        { "procedure gone", Good(), false, true, ReceptionFields.Procedure, "Thủ tục không tồn tại hoặc đã ngừng áp dụng." },
        { "no area", Good() with { AreaId = null }, true, true, ReceptionFields.Area, "Chọn địa bàn giải quyết." },
        { "area closed", Good(), true, false, ReceptionFields.Area, "Địa bàn không tồn tại hoặc đã ngừng hoạt động." },
        { "name with digits", Good() with { FullName = "Nguyễn Thị Mai 2" }, true, true, ReceptionFields.FullName, "Họ và tên không được chứa chữ số." },
        { "no name", Good() with { FullName = "  " }, true, true, ReceptionFields.FullName, "Họ và tên không được để trống." },
        { "birth year ahead", Good() with { BirthYear = 2027 }, true, true, ReceptionFields.BirthYear, "Năm sinh phải từ 1900 đến 2026." },
        { "no document ticked", Good() with { Documents = [new DocumentTick("Giấy chứng sinh", false, 1)] }, true, true,
            ReceptionFields.Documents, "Đánh dấu ít nhất một giấy tờ đã nhận." },
        { "a hundred copies", Good() with { Documents = [new DocumentTick("Giấy chứng sinh", true, 100)] }, true, true,
            ReceptionFields.Documents, "Số lượng mỗi giấy tờ đã nhận phải từ 1 đến 99." },
        { "a paper not on the list", Good() with { Documents = [new DocumentTick("Sổ hộ khẩu", true, 1)] }, true, true,
            ReceptionFields.Documents, "Giấy tờ không thuộc danh mục thành phần hồ sơ của thủ tục." },
    };

    [Theory]
    [MemberData(nameof(OneFieldWrong))]
    public void One_field_wrong_is_named_with_its_own_message(string _, ReceptionRequest request, bool procedureExists, bool areaIsActive,
        string field, string message)
    {
        var errors = ReceptionRules.Validate(request, procedureExists ? BirthRegistration : null, areaIsActive, 2026);

        Assert.Equal(message, Assert.Single(errors, e => e.Key == field).Value);
        Assert.Single(errors);
    }
}
