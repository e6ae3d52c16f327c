using System.Globalization;

namespace HanoiWorkbench.Core.Rules;

/// <summary>What the digits of a valid citizen id say.</summary>
/// <param name="ProvinceCode">Three digits, the province where the birth was registered.</param>
/// <param name="BirthYear">Century from the 4th digit plus the 5th–6th digits.</param>
public sealed record CitizenIdInfo(string ProvinceCode, string ProvinceName, int BirthYear, bool IsMale);

/// <summary>
/// The 12-digit citizen identity number (CCCD, domain.md §3): digits 1–3 the province of birth registration
/// (Circular 07/2016/TT-BCA, kept by Circular 59/2021/TT-BCA), digit 4 century and sex (0/1 = 1900s male/female,
/// 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s, 8/9 = 2300s), digits 5–6 the last two digits of the birth year,
/// digits 7–12 a random sequence. There is no check digit.
/// </summary>
public static class CitizenIdRules
{
    /// <summary>The 63 province codes (pre-2025 provinces; ids already issued keep them after the 2025 merger).</summary>
    public static IReadOnlyDictionary<string, string> Provinces { get; } = new Dictionary<string, string>
    {
        ["001"] = "Hà Nội",
        ["002"] = "Hà Giang",
        ["004"] = "Cao Bằng",
        ["006"] = "Bắc Kạn",
        ["008"] = "Tuyên Quang",
        ["010"] = "Lào Cai",
        ["011"] = "Điện Biên",
        ["012"] = "Lai Châu",
        ["014"] = "Sơn La",
        ["015"] = "Yên Bái",
        ["017"] = "Hòa Bình",
        ["019"] = "Thái Nguyên",
        ["020"] = "Lạng Sơn",
        ["022"] = "Quảng Ninh",
        ["024"] = "Bắc Giang",
        ["025"] = "Phú Thọ",
        ["026"] = "Vĩnh Phúc",
        ["027"] = "Bắc Ninh",
        ["030"] = "Hải Dương",
        ["031"] = "Hải Phòng",
        ["033"] = "Hưng Yên",
        ["034"] = "Thái Bình",
        ["035"] = "Hà Nam",
        ["036"] = "Nam Định",
        ["037"] = "Ninh Bình",
        ["038"] = "Thanh Hóa",
        ["040"] = "Nghệ An",
        ["042"] = "Hà Tĩnh",
        ["044"] = "Quảng Bình",
        ["045"] = "Quảng Trị",
        ["046"] = "Thừa Thiên Huế",
        ["048"] = "Đà Nẵng",
        ["049"] = "Quảng Nam",
        ["051"] = "Quảng Ngãi",
        ["052"] = "Bình Định",
        ["054"] = "Phú Yên",
        ["056"] = "Khánh Hòa",
        ["058"] = "Ninh Thuận",
        ["060"] = "Bình Thuận",
        ["062"] = "Kon Tum",
        ["064"] = "Gia Lai",
        ["066"] = "Đắk Lắk",
        ["067"] = "Đắk Nông",
        ["068"] = "Lâm Đồng",
        ["070"] = "Bình Phước",
        ["072"] = "Tây Ninh",
        ["074"] = "Bình Dương",
        ["075"] = "Đồng Nai",
        ["077"] = "Bà Rịa - Vũng Tàu",
        ["079"] = "Hồ Chí Minh",
        ["080"] = "Long An",
        ["082"] = "Tiền Giang",
        ["083"] = "Bến Tre",
        ["084"] = "Trà Vinh",
        ["086"] = "Vĩnh Long",
        ["087"] = "Đồng Tháp",
        ["089"] = "An Giang",
        ["091"] = "Kiên Giang",
        ["092"] = "Cần Thơ",
        ["093"] = "Hậu Giang",
        ["094"] = "Sóc Trăng",
        ["095"] = "Bạc Liêu",
        ["096"] = "Cà Mau",
    };

    /// <summary>
    /// Checks an id; surrounding and inner white space is dropped. With <paramref name="birthYear"/> the century digit and
    /// digits 5–6 must match it; with <paramref name="isMale"/> the parity of the 4th digit must match. Every failed check
    /// gives its own message.
    /// </summary>
    public static ValidationResult Validate(string? id, int? birthYear = null, bool? isMale = null) => Check(id, null, birthYear, isMale);

    /// <summary>
    /// As <see cref="Validate(string?, int?, bool?)"/>, and refuses an id whose encoded birth year (century from the 4th
    /// digit, year from the 5th–6th) is after <paramref name="today"/>'s year: nobody born next year holds an id.
    /// </summary>
    public static ValidationResult Validate(string? id, DateOnly today, int? birthYear = null, bool? isMale = null) => Check(id, today, birthYear, isMale);

    private static ValidationResult Check(string? id, DateOnly? today, int? birthYear, bool? isMale)
    {
        if (string.IsNullOrWhiteSpace(id)) return ValidationResult.Invalid("Số CCCD không được để trống.");
        var digits = string.Concat(id.Where(c => !char.IsWhiteSpace(c)));
        if (digits.Length != 12 || !digits.All(char.IsAsciiDigit))
            return ValidationResult.Invalid("Số CCCD phải gồm đúng 12 chữ số.");

        var errors = new List<string>();
        var province = digits[..3];
        if (!Provinces.ContainsKey(province)) errors.Add($"Mã tỉnh {province} không hợp lệ.");

        var genderDigit = digits[3] - '0';
        var yy = int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
        var encodedYear = EncodedBirthYear(genderDigit, yy);
        if (today is { } d && encodedYear > d.Year)
            errors.Add($"Năm sinh mã hóa trong số CCCD ({encodedYear}) ở tương lai; kiểm tra lại chữ số thứ 4–6.");
        if (birthYear is { } year)
        {
            if (year is < 1900 or > 2399)
            {
                errors.Add($"Năm sinh {year} nằm ngoài khoảng mã hóa được (1900–2399).");
            }
            else
            {
                if (genderDigit / 2 != (year / 100) - 19)
                    errors.Add($"Chữ số thế kỷ/giới tính không khớp với năm sinh {year}.");
                if (yy != year % 100)
                    errors.Add($"Hai chữ số năm sinh ({digits.Substring(4, 2)}) không khớp với năm sinh {year}.");
            }
        }
        if (isMale is { } male && (genderDigit % 2 == 0) != male)
            errors.Add($"Chữ số giới tính không khớp với giới tính {(male ? "Nam" : "Nữ")}.");

        return errors.Count == 0 ? ValidationResult.Valid(digits) : ValidationResult.Invalid(errors);
    }

    /// <summary>Reads a valid id; null when <see cref="Validate"/> fails.</summary>
    public static CitizenIdInfo? Decode(string? id)
    {
        var result = Validate(id);
        if (!result.IsValid) return null;
        var digits = result.Normalized!;
        var genderDigit = digits[3] - '0';
        var year = EncodedBirthYear(genderDigit, int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture));
        return new CitizenIdInfo(digits[..3], Provinces[digits[..3]], year, genderDigit % 2 == 0);
    }

    private static int EncodedBirthYear(int genderDigit, int yy) => 1900 + (genderDigit / 2 * 100) + yy;

    /// <summary>The id with all but the last four digits hidden, for screens that need no more (Decree 13/2023/ND-CP).</summary>
    public static string Mask(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length <= 4 ? id : new string('•', id.Length - 4) + id[^4..];
    }
}
