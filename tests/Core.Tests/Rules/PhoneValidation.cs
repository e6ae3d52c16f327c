using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Core.Tests.Rules;

public class PhoneValidation
{
    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("091.234.5678", "0912345678")]
    [InlineData("0359-123-456", "0359123456")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("0868123456", "0868123456")]
    [InlineData("0701234567", "0701234567")]
    [InlineData("0521234567", "0521234567")]
    [InlineData("024 3825 1234", "02438251234")] // Hà Nội landline
    [InlineData("0236.3822.123", "02363822123")]
    [InlineData("84912345678", "0912345678")] // written with 84, no plus
    [InlineData("84 91 234 5678", "0912345678")]
    [InlineData("0084 912 345 678", "0912345678")]
    [InlineData("+84 (0) 912 345 678", "0912345678")]
    [InlineData("+840912345678", "0912345678")]
    [InlineData("(024) 3825 1234", "02438251234")] // area code in brackets
    [InlineData("+84 24 3825 1234", "02438251234")] // landline written internationally
    [InlineData("84 24 3825 1234", "02438251234")]
    [InlineData("+84 (24) 3825-1234", "02438251234")]
    [InlineData("0203 3825 123", "02033825123")] // Quảng Ninh: 4-digit area code, 7-digit subscriber number
    public void Mobile_and_landline_numbers_are_normalised_to_digits(string input, string normalized)
    {
        var result = PhoneRules.Validate(input);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(normalized, result.Normalized);
    }

    [Theory]
    [InlineData(null, "Số điện thoại không được để trống.")]
    [InlineData("", "Số điện thoại không được để trống.")]
    [InlineData("091234567", "Số di động phải gồm 10 chữ số.")]
    [InlineData("09123456789", "Số di động phải gồm 10 chữ số.")]
    [InlineData("0243825123", "Số điện thoại cố định phải gồm 11 chữ số, bắt đầu bằng 02.")]
    [InlineData("0612345678", "Số di động phải bắt đầu bằng 03, 05, 07, 08 hoặc 09; số cố định bằng 02.")]
    [InlineData("01234567890", "Số di động phải bắt đầu bằng 03, 05, 07, 08 hoặc 09; số cố định bằng 02.")]
    [InlineData("912345678", "Số điện thoại phải bắt đầu bằng 0 (hoặc +84).")]
    [InlineData("0912abc678", "Số điện thoại chỉ được gồm chữ số, dấu cách, dấu chấm, dấu gạch ngang hoặc dấu ngoặc.")]
    [InlineData("09+12345678", "Số điện thoại chỉ được gồm chữ số, dấu cách, dấu chấm, dấu gạch ngang hoặc dấu ngoặc.")]
    [InlineData("+1 202 555 0100", "Số điện thoại phải bắt đầu bằng 0 (hoặc +84).")]
    [InlineData("8491234567", "Số điện thoại phải bắt đầu bằng 0 (hoặc +84).")] // 84 + 8 digits: neither form
    [InlineData("+84 24 3825 123", "Số điện thoại cố định phải gồm 11 chữ số, bắt đầu bằng 02.")]
    public void An_invalid_number_says_why(string? input, string message)
    {
        var result = PhoneRules.Validate(input);

        Assert.False(result.IsValid);
        Assert.Equal(message, result.Message);
    }
}
