namespace HanoiWorkbench.Core.Rules;

/// <summary>
/// Vietnamese phone numbers (national numbering plan, Circular 22/2014/TT-BTTTT as amended for the 2017–2018 area-code
/// change): a mobile number has 10 digits and starts with 03, 05, 07, 08 or 09; a landline is the area code with the
/// subscriber number, 11 digits starting with 02 (024/028 + 8 digits, 02xx + 7 digits; Hà Nội 024 3xxx xxxx).
/// Input may contain spaces, dots, hyphens and brackets around the area code, and may be written internationally with
/// 84, +84 or 0084 instead of the leading 0 (a "(0)" after the country code is dropped); the normalised form is the
/// national form, digits with the leading 0.
/// </summary>
public static class PhoneRules
{
    private static readonly char[] MobilePrefixes = ['3', '5', '7', '8', '9'];

    public static ValidationResult Validate(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return ValidationResult.Invalid("Số điện thoại không được để trống.");
        var text = phone.Trim();
        if (text.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '.' or '-' or '(' or ')' or '+')) || text.LastIndexOf('+') > 0)
            return ValidationResult.Invalid("Số điện thoại chỉ được gồm chữ số, dấu cách, dấu chấm, dấu gạch ngang hoặc dấu ngoặc.");
        var digits = National(text.StartsWith('+'), text.Replace("(0)", "", StringComparison.Ordinal));
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

    /// <summary>
    /// The digits in national form. Without a plus, a leading 84 is the country code only when the rest has the length of a
    /// national number without its 0 (9 for a mobile, 10 for a landline): no national number starts with 84.
    /// </summary>
    private static string National(bool plus, string text)
    {
        var digits = string.Concat(text.Where(char.IsAsciiDigit));
        if (digits.StartsWith("0084", StringComparison.Ordinal)) return "0" + digits[4..].TrimStart('0');
        if (plus) return digits.StartsWith("84", StringComparison.Ordinal) ? "0" + digits[2..].TrimStart('0') : "+" + digits;
        return digits.StartsWith("84", StringComparison.Ordinal) && digits.Length is 11 or 12 ? "0" + digits[2..] : digits;
    }
}
