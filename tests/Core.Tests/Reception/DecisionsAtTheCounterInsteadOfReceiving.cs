using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Reception;

namespace HanoiWorkbench.Core.Tests.Reception;

/// <summary>
/// Reception is a decision (domain.md §3): besides receiving, the officer gives guidance to complete (Form 2) or refuses (Form 3).
/// Core's <see cref="ReceptionDecisionRules"/> checks each decision, one field wrong at a time, and warns of unticked documents.
/// </summary>
public sealed class DecisionsAtTheCounterInsteadOfReceiving
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly ProcedureChoice BirthRegistration = new(7, "Đăng ký khai sinh", "1.001193", 3, ProcessingUnit.WorkingDays, 1,
        0, null, ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh", "Giấy tờ tùy thân của người đi đăng ký"]);

    private static ReceptionDecisionRequest Guidance() => new(ReceptionDecisionKind.Guidance, 7, 3, "Nguyễn Thị Mai", "001190012345", 1990, false,
        "0912 345 678", "12 Hàng Bông", ["Giấy chứng sinh"], "Thành phần bắt buộc của thủ tục");

    private static ReceptionDecisionRequest Refusal() => new(ReceptionDecisionKind.Refusal, 7, null, "Nguyễn Thị Mai", "001190012345", null, null,
        null, null, [], "Yêu cầu không thuộc thẩm quyền giải quyết");

    public static TheoryData<string, ReceptionDecisionRequest> Accepted => new()
    {
        { "guidance with a lacking document and why", Guidance() },
        { "guidance naming other content than the checklist", Guidance() with { Missing = ["Bản sao hợp lệ giấy đăng ký kết hôn"] } },
        { "refusal with its reason alone: no area, phone or address", Refusal() },
        { "refusal that records what was lacking", Refusal() with { Missing = ["Giấy chứng sinh"] } },
        { "a phone written with 84", Guidance() with { Phone = "84912345678" } },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void A_complete_decision_has_no_error(string _, ReceptionDecisionRequest request) =>
        Assert.Empty(ReceptionDecisionRules.Validate(request, BirthRegistration, areaIsActive: true, 2026));

    public static TheoryData<string, ReceptionDecisionRequest, bool, string, string> OneFieldWrong => new()
    {
        { "guidance with nothing lacking", Guidance() with { Missing = [] }, true, ReceptionDecisionFields.Missing, ReceptionDecisionRules.NothingMissing },
        { "guidance without why", Guidance() with { Reason = " " }, true, ReceptionDecisionFields.Reason, "Lý do cần bổ sung, hoàn thiện không được để trống." },
        { "refusal without its reason", Refusal() with { Reason = null }, true, ReceptionDecisionFields.Reason, "Lý do từ chối không được để trống." },
        { "a blank lacking line", Guidance() with { Missing = [" "] }, true, ReceptionDecisionFields.Missing, "Giấy tờ, nội dung còn thiếu không được để trống." },
        { "no procedure", Refusal() with { ProcedureId = null }, true, ReceptionFields.Procedure, "Chọn thủ tục hành chính." },
        { "an area closed", Guidance(), false, ReceptionFields.Area, "Địa bàn không tồn tại hoặc đã ngừng hoạt động." },
        { "no name", Refusal() with { FullName = "" }, true, ReceptionFields.FullName, "Họ và tên không được để trống." },
        { "a name with digits", Refusal() with { FullName = "Mai 2" }, true, ReceptionFields.FullName, "Họ và tên không được chứa chữ số." },
        { "a phone that is no phone", Guidance() with { Phone = "12" }, true, ReceptionFields.Phone, "" },
        { "no ID number", Refusal() with { CitizenId = null }, true, ReceptionFields.CitizenId, "" },
    };

    [Theory]
    [MemberData(nameof(OneFieldWrong))]
    public void One_field_wrong_is_named_with_its_own_message(string _, ReceptionDecisionRequest request, bool areaIsActive, string field, string message)
    {
        var errors = ReceptionDecisionRules.Validate(request, BirthRegistration, areaIsActive, 2026);

        Assert.Equal([field], errors.Keys);
        if (message.Length > 0) Assert.Equal(message, errors[field]);
        else Assert.NotEmpty(errors[field]);
    }

    public static TheoryData<bool[], string[]> Ticks => new()
    {
        { [true, true, true], [] },
        { [true, false, true], ["Giấy chứng sinh"] },
        { [false, false, true], ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"] },
        { [false, false, false], ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh", "Giấy tờ tùy thân của người đi đăng ký"] },
    };

    [Theory]
    [MemberData(nameof(Ticks))]
    public void The_reception_check_lists_the_required_documents_left_unticked(bool[] ticked, string[] unticked)
    {
        var documents = BirthRegistration.RequiredDocuments.Select((d, i) => new DocumentTick(d, ticked[i], 1)).ToList();

        var lacking = ReceptionDecisionRules.Unticked(documents, BirthRegistration);

        Assert.Equal(unticked, lacking);
        var warning = ReceptionDecisionRules.MissingWarning(lacking);
        if (unticked.Length == 0) Assert.Null(warning);
        else Assert.Contains("Mẫu 02", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_procedure_nothing_is_warned_of() => Assert.Empty(ReceptionDecisionRules.Unticked([], null));

    private static readonly Procedure Procedure = new("1.001193", "Đăng ký khai sinh", 1, 1, ProcessingUnit.WorkingDays, 0, null,
        ["Giấy chứng sinh"], AuthorityLevel.Ward, 1, OnlineLevel.Full);

    [Fact]
    public void A_recorded_decision_keeps_who_when_where_what_to_whom_and_why_and_no_code()
    {
        var token = Guid.NewGuid();
        var d = ReceptionDecision.Issue(ReceptionDecisionKind.Guidance, 3, 7, At, Procedure, 5, " Nguyễn Thị Mai ", "001190012345", null, null,
            ["Giấy chứng sinh", "Giấy chứng sinh"], "Thành phần bắt buộc", token);

        Assert.Equal((ReceptionDecisionKind.Guidance, 3, 7, At, 5, "Nguyễn Thị Mai", "001190012345", "Thành phần bắt buộc", token),
            (d.Kind, d.BranchId, d.StaffId, d.At, d.AreaId, d.FullName, d.CitizenId, d.Reason, d.Token));
        Assert.Equal(["Giấy chứng sinh"], d.Missing);
    }

    public static TheoryData<string, ReceptionDecisionKind, string[], string> Refused => new()
    {
        { "guidance with nothing lacking", ReceptionDecisionKind.Guidance, [], ReceptionDecisionRules.NothingMissing },
        { "a refusal without its reason", ReceptionDecisionKind.Refusal, [], "Lý do từ chối không được để trống." },
        { "an undefined decision", (ReceptionDecisionKind)9, ["Giấy chứng sinh"], "Quyết định tiếp nhận không hợp lệ." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void The_entity_refuses_what_the_form_could_not_have_sent(string _, ReceptionDecisionKind kind, string[] missing, string message)
    {
        var reason = kind == ReceptionDecisionKind.Refusal ? "" : "Thành phần bắt buộc";
        var error = Assert.Throws<DomainException>(() =>
            ReceptionDecision.Issue(kind, 3, 7, At, Procedure, null, "Nguyễn Thị Mai", "001190012345", null, null, missing, reason));
        Assert.Equal(message, error.Message);
    }
}
