namespace HanoiWorkbench.Core.Rules;

/// <summary>
/// Vietnamese phone numbers: a mobile number has 10 digits and starts with 03, 05, 07, 08 or 09; a landline has 11 digits
/// and starts with 02 (area code 02x, Hà Nội 024). Input may contain spaces, dots and hyphens, and may start with +84
/// instead of 0; the normalised form is the digits with the leading 0.
/// </summary>
public static class PhoneRules
{
    private static readonly char[] MobilePrefixes = ['3', '5', '7', '8', '9'];

    public static ValidationResult Validate(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return ValidationResult.Invalid("Số điện thoại không được để trống.");
        var text = phone.Trim();
        if (text.StartsWith("+84", StringComparison.Ordinal)) text = "0" + text[3..];
        if (text.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '.' or '-')))
            return ValidationResult.Invalid("Số điện thoại chỉ được gồm chữ số, dấu cách, dấu chấm hoặc dấu gạch ngang.");
        var digits = string.Concat(text.Where(char.IsAsciiDigit));
        if (digits.Length < 2 || digits[0] != '0')
            return ValidationResult.Invalid("Số điện thoại phải bắt đầu bằng 0 (hoặc +84).");
        if (digits[1] == '2')
        {
            return digits.Length == 11
                ? ValidationResult.Valid(digits)
                : ValidationResult.Invalid("Số điện thoại cố định phải gồm 11 chữ số, bắt đầu bằng 02.");
        }
        if (MobilePrefixes.Contains(digits[1]))
        {
            return digits.Length == 10
                ? ValidationResult.Valid(digits)
                : ValidationResult.Invalid("Số di động phải gồm 10 chữ số.");
        }
        return ValidationResult.Invalid("Số di động phải bắt đầu bằng 03, 05, 07, 08 hoặc 09; số cố định bằng 02.");
    }
}
