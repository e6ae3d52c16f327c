using System.Text;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Text;

namespace HanoiWorkbench.Core.Tests.Text;

/// <summary>Inputs are written with escapes, so the table shows exactly which invisible character each row carries.</summary>
public class NamesAndTextsAreCleanNfc
{
    [Theory]
    [InlineData("Quầy 5", null)]
    [InlineData("Nguyễn Thị Ánh", null)]
    [InlineData("Đăng ký khai sinh (có yếu tố nước ngoài)", null)]
    [InlineData("O'Neil - Trần, Ph.D.", null)]
    [InlineData("Số 12, ngõ 34/5 phố Hàng Bông & Hàng Gai", null)]
    [InlineData("👩‍💻", "ký tự ẩn")]                                  // the joiner inside an emoji is still a zero-width character
    [InlineData("<script>alert(1)</script>", "thẻ HTML")]
    [InlineData("Quầy <b>5</b>", "thẻ HTML")]
    [InlineData("a > b", "thẻ HTML")]
    [InlineData("Quầy\n5", "xuống dòng")]
    [InlineData("Quầy\t5", "xuống dòng")]
    [InlineData("Quầy\u00005", "ký tự điều khiển")]                    // NUL
    [InlineData("Quầy\u001B[31m5", "ký tự điều khiển")]                // an ANSI escape
    [InlineData("Quầy\u00855", "ký tự điều khiển")]                    // C1 next-line
    [InlineData("Quầy\u20285", "ký tự điều khiển")]                    // line separator
    [InlineData("Quầy\u200B5", "ký tự ẩn")]                            // zero-width space
    [InlineData("Qu\u200Dầy", "ký tự ẩn")]                             // zero-width joiner
    [InlineData("\uFEFFQuầy", "ký tự ẩn")]                             // byte-order mark
    [InlineData("Quầy \u202Egnp.exe", "ký tự ẩn")]                     // right-to-left override
    [InlineData("Quầy \u2067 5", "ký tự ẩn")]                          // right-to-left isolate
    [InlineData("Quầy \u200F5", "ký tự ẩn")]                           // right-to-left mark
    [InlineData("Quầy \u3164", "ký tự ẩn")]                            // Hangul filler: a letter that shows nothing
    [InlineData("Quầy \uE000", "không hợp lệ")]                        // private use
    public void A_name_refuses_markup_control_and_invisible_characters(string name, string? problem)
    {
        var found = TextRules.NameProblem(name, "Tên quầy");
        if (problem is null) Assert.Null(found);
        else
        {
            Assert.NotNull(found);
            Assert.StartsWith("Tên quầy ", found, StringComparison.Ordinal);
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_lone_surrogate_is_refused_and_normalising_it_does_not_throw()
    {
        // Built in code: a test attribute would carry it as U+FFFD.
        var broken = "Quầy " + '\uD800' + " 5";
        Assert.Equal(broken, TextRules.Normalize(broken));
        Assert.Contains("không hợp lệ", TextRules.NameProblem(broken, "Tên quầy"), StringComparison.Ordinal);
        Assert.Contains("không hợp lệ", TextRules.TextProblem(broken, "Ghi chú"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Thiếu bản sao\ngiấy khai sinh", null)]
    [InlineData("Lệ phí < 50.000 ₫ theo <Thông tư 85>", null)]          // a note may quote angle brackets: it is always shown escaped
    [InlineData("Dòng 1\r\n\tDòng 2", null)]
    [InlineData("Ghi chú\u0007", "ký tự điều khiển")]                   // bell
    [InlineData("Ghi chú \u202Eabc", "ký tự ẩn")]
    [InlineData("Ghi\u200Bchú", "ký tự ẩn")]
    public void A_free_text_keeps_line_breaks_and_brackets_but_no_other_controls(string text, string? problem)
    {
        var found = TextRules.TextProblem(text, "Ghi chú");
        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nguye\u0302\u0303n", "Nguyễn")]                        // decomposed (NFD) marks compose to one letter
    [InlineData("  Tra\u0302\u0300n  ", "Trần")]
    [InlineData("Đỗ", "Đỗ")]
    [InlineData("   ", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Text_is_stored_trimmed_and_composed(string? input, string? stored)
    {
        var n = TextRules.Normalize(input);
        Assert.Equal(stored, n);
        if (n is not null) Assert.True(n.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData(5, 5, null)]
    [InlineData(6, 5, "dài tối đa 5 ký tự")]
    [InlineData(0, 5, "không được để trống")]
    public void A_name_is_checked_for_emptiness_and_length_after_composing(int letters, int max, string? problem)
    {
        // Each "ễ" typed decomposed is three UTF-16 units but one stored letter: the limit counts what is stored.
        var typed = string.Concat(Enumerable.Repeat("e\u0302\u0303", letters));
        var (value, found) = TextRules.CheckName(typed, "Họ và tên", max);
        if (problem is null)
        {
            Assert.Null(found);
            Assert.Equal(letters, value!.Length);
        }
        else
        {
            Assert.Null(value);
            Assert.Equal($"Họ và tên {problem}.", found);
        }
    }

    public static TheoryData<string, Action<string>> Entities => new()
    {
        { "counter", n => _ = new Counter(1, 5, n) },
        { "procedure", n => _ = new Procedure(null, n, 1, 5, ProcessingUnit.WorkingDays, 0, null, ["Tờ khai"], AuthorityLevel.District, 1, OnlineLevel.Partial) },
        { "procedure document", n => _ = new Procedure(null, "Đăng ký khai sinh", 1, 5, ProcessingUnit.WorkingDays, 0, null, [n], AuthorityLevel.District, 1, OnlineLevel.Partial) },
        { "staff", n => _ = new Staff(n, "canbo@hcc.hanoi.gov.vn", StaffRole.Clerk, 1) },
        { "branch", n => _ = new Branch("BR99", n, "000.00.99.H26", "Số 1 Tây Hồ", 21.0, 105.8, new TimeOnly(8, 0), new TimeOnly(17, 0)) },
        { "service group", n => _ = new ServiceGroup("A", n) },
        { "area", n => _ = new Area("TH", n, AreaKind.UrbanDistrict) },
        { "applicant", n => _ = Application.Submit("000.00.01.H26-260105-0001", new Applicant(n, "001099001234", "0912345678", "Hà Nội"),
            new Procedure(null, "Đăng ký khai sinh", 1, 5, ProcessingUnit.WorkingDays, 0, null, ["Tờ khai"], AuthorityLevel.District, 1, OnlineLevel.Partial),
            1, 1, Channel.Online, [new ReceivedDocument("Tờ khai", 1)], DateTimeOffset.UnixEpoch) },
    };

    [Theory]
    [MemberData(nameof(Entities))]
    public void Every_entity_refuses_markup_and_invisible_characters_in_its_names(string entity, Action<string> create)
    {
        Assert.False(string.IsNullOrEmpty(entity));
        create("Tên bình thường");
        Assert.Contains("thẻ HTML", Assert.Throws<DomainException>(() => create("<script>alert(1)</script>")).Message, StringComparison.Ordinal);
        Assert.Contains("ký tự ẩn", Assert.Throws<DomainException>(() => create("Tên\u202Egnp")).Message, StringComparison.Ordinal);
        Assert.Contains("dài tối đa", Assert.Throws<DomainException>(() => create(new string('a', 401))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decomposed_name_is_stored_composed_and_searchable()
    {
        var counter = new Counter(1, 5, "Qua\u0302\u0300y tie\u0302\u0301p nha\u0323\u0302n");
        Assert.Equal("Quầy tiếp nhận", counter.Name);
        var staff = new Staff("Nguye\u0302\u0303n Va\u0306n A", "a@hcc.hanoi.gov.vn", StaffRole.Clerk, 1);
        Assert.Equal("Nguyễn Văn A", staff.FullName);
    }

    [Theory]
    [InlineData(-1L, "Lệ phí không được âm.")]
    [InlineData(long.MinValue, "Lệ phí không được âm.")]
    [InlineData(1_000_000_000_001L, "Lệ phí tối đa")]
    public void A_negative_or_absurd_fee_is_refused_not_clamped(long fee, string message)
    {
        var ex = Assert.Throws<DomainException>(() =>
            new Procedure(null, "Cấp giấy phép", 1, 5, ProcessingUnit.WorkingDays, fee, null, ["Tờ khai"], AuthorityLevel.District, 1, OnlineLevel.Partial));
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_on_an_action_is_a_checked_free_text()
    {
        var app = Application.ReceiveAtCounter("000.00.01.H26-260105-0001", new Applicant("Trần Văn B", "001099001234", "0912345678", "Hà Nội"),
            new Procedure(null, "Đăng ký khai sinh", 1, 5, ProcessingUnit.WorkingDays, 0, null, ["Tờ khai"], AuthorityLevel.District, 1, OnlineLevel.Partial),
            1, 1, 7, [new ReceivedDocument("Tờ khai", 1)], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(7));
        Assert.Contains("ký tự ẩn", Assert.Throws<DomainException>(() => app.StartProcessing(7, 1, DateTimeOffset.UnixEpoch, "ghi\u202Echú")).Message, StringComparison.Ordinal);
        Assert.Contains("dài tối đa 1000", Assert.Throws<DomainException>(() => app.StartProcessing(7, 1, DateTimeOffset.UnixEpoch, new string('x', 1001))).Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Received, app.Status);
        app.StartProcessing(7, 1, DateTimeOffset.UnixEpoch, "Chuyển\nphòng Tư pháp <B>");
        Assert.Equal("Chuyển\nphòng Tư pháp <B>", app.Steps[^1].Note);
    }
}
