using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Core.Tests.Rules;

public class CitizenIdValidation
{
    [Theory]
    [InlineData("001085012345", 1985, true)]   // Hà Nội, man born 1985
    [InlineData("001185012345", 1985, false)]  // woman born 1985
    [InlineData("079203001234", 2003, true)]   // Hồ Chí Minh, man born 2003
    [InlineData("096310004567", 2010, false)]  // Cà Mau, woman born 2010
    [InlineData(" 001 085 012345 ", 1985, true)]
    public void A_well_formed_id_matching_the_birth_year_and_sex_is_valid(string id, int birthYear, bool isMale)
    {
        var result = CitizenIdRules.Validate(id, birthYear, isMale);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(id.Replace(" ", "", StringComparison.Ordinal), result.Normalized);
    }

    [Theory]
    [InlineData(null, null, null, "Số CCCD không được để trống.")]
    [InlineData("  ", null, null, "Số CCCD không được để trống.")]
    [InlineData("00108501234", null, null, "Số CCCD phải gồm đúng 12 chữ số.")]
    [InlineData("0010850123456", null, null, "Số CCCD phải gồm đúng 12 chữ số.")]
    [InlineData("00108501234a", null, null, "Số CCCD phải gồm đúng 12 chữ số.")]
    [InlineData("003085012345", null, null, "Mã tỉnh 003 không hợp lệ.")]
    [InlineData("097085012345", null, null, "Mã tỉnh 097 không hợp lệ.")]
    [InlineData("001285012345", 1985, null, "Chữ số thế kỷ/giới tính không khớp với năm sinh 1985.")]
    [InlineData("001086012345", 1985, null, "Hai chữ số năm sinh (86) không khớp với năm sinh 1985.")]
    [InlineData("001085012345", null, false, "Chữ số giới tính không khớp với giới tính Nữ.")]
    [InlineData("001185012345", null, true, "Chữ số giới tính không khớp với giới tính Nam.")]
    [InlineData("001085012345", 1885, null, "Năm sinh 1885 nằm ngoài khoảng mã hóa được (1900–2399).")]
    public void Each_kind_of_invalid_id_has_its_own_message(string? id, int? birthYear, bool? isMale, string message)
    {
        var result = CitizenIdRules.Validate(id, birthYear, isMale);

        Assert.False(result.IsValid);
        Assert.Equal([message], result.Errors);
        Assert.Null(result.Normalized);
    }

    [Theory]
    // id              today        valid  (4th digit: century and sex; 5th–6th: year)
    [InlineData("001226012345", "2026-03-01", true)]  // born 2026, this year: a newborn's id
    [InlineData("001227012345", "2026-03-01", false)] // 2027
    [InlineData("001327012345", "2026-12-31", false)] // woman, 2027
    [InlineData("001499012345", "2026-03-01", false)] // 2199
    [InlineData("001099012345", "2026-03-01", true)]  // 1999
    public void An_id_whose_birth_year_is_in_the_future_is_refused(string id, string today, bool valid)
    {
        var result = CitizenIdRules.Validate(id, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(valid, result.IsValid);
        if (!valid) Assert.StartsWith("Năm sinh mã hóa trong số CCCD (2", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_future_year_message_names_the_year()
    {
        Assert.Equal("Năm sinh mã hóa trong số CCCD (2027) ở tương lai; kiểm tra lại chữ số thứ 4–6.",
            CitizenIdRules.Validate("001227012345", new DateOnly(2026, 3, 1)).Message);
    }

    [Fact]
    public void Several_mismatches_are_all_reported()
    {
        var result = CitizenIdRules.Validate("003386012345", 1985, true);

        Assert.Equal(4, result.Errors.Count);
    }

    [Fact]
    public void The_province_table_holds_the_63_official_codes()
    {
        Assert.Equal(63, CitizenIdRules.Provinces.Count);
        Assert.Equal("Hà Nội", CitizenIdRules.Provinces["001"]);
        Assert.Equal("Hồ Chí Minh", CitizenIdRules.Provinces["079"]);
        Assert.Equal("Cà Mau", CitizenIdRules.Provinces["096"]);
    }

    [Fact]
    public void A_valid_id_decodes_to_province_birth_year_and_sex()
    {
        Assert.Equal(new CitizenIdInfo("001", "Hà Nội", 1985, true), CitizenIdRules.Decode("001085012345"));
        Assert.Equal(new CitizenIdInfo("048", "Đà Nẵng", 2007, false), CitizenIdRules.Decode("048307000001"));
        Assert.Null(CitizenIdRules.Decode("12345"));
    }

    [Fact]
    public void A_masked_id_shows_only_the_last_four_digits()
    {
        Assert.Equal("••••••••2345", CitizenIdRules.Mask("001085012345"));
    }
}
