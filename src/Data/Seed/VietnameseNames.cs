using HanoiWorkbench.Core.Text;

namespace HanoiWorkbench.Data.Seed;

/// <summary>Deterministic Vietnamese full names (surname, middle name, given name), weighted like real Hanoi names.</summary>
internal static class VietnameseNames
{
    private static readonly (string Name, int Weight)[] SurnameWeights =
    [
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 50), ("Phan", 45), ("Vũ", 40),
        ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Ngô", 13), ("Hồ", 13), ("Dương", 10), ("Đinh", 10), ("Trịnh", 10),
        ("Đoàn", 9), ("Võ", 8), ("Huỳnh", 6), ("Lương", 5), ("Mai", 5), ("Cao", 5), ("Lý", 5), ("Tạ", 3),
        ("Lưu", 3), ("Chu", 3), ("Kiều", 2), ("Nghiêm", 2), ("Khuất", 2), ("Tô", 2), ("Hà", 3),
    ];

    public static readonly string[] Surnames = SurnameWeights.SelectMany(s => Enumerable.Repeat(s.Name, s.Weight)).ToArray();

    public static readonly string[] MaleMiddle =
        ["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Tiến", "Xuân", "Mạnh", "Thành", "Công", "Ngọc", "Anh", "Trung", "Duy", "Hoàng", "Việt"];

    public static readonly string[] FemaleMiddle =
        ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Phương", "Minh", "Hồng", "Bích", "Thùy", "Mai", "Kim", "Diệu", "Khánh", "Hải", "Lan"];

    public static readonly string[] MaleGiven =
    [
        "An", "Anh", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khánh", "Khoa", "Kiên",
        "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tâm", "Thắng", "Thành", "Tiến", "Toàn",
        "Trung", "Tú", "Tuấn", "Việt", "Vinh", "Hưng", "Lâm", "Hoàng", "Tùng", "Thịnh", "Hiệp", "Duy", "Khải",
    ];

    public static readonly string[] FemaleGiven =
    [
        "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Huyền", "Hương", "Lan", "Liên", "Linh",
        "Loan", "Mai", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thủy", "Trang", "Tuyết", "Uyên", "Vân",
        "Yến", "Nga", "Thư", "Vy", "Ly", "Nhi", "My", "Hậu", "Diệp",
    ];

    /// <summary>A name as its three parts, and whether the person is female.</summary>
    public static (string Surname, string Middle, string Given, bool Female) Next(Random rng)
    {
        var female = rng.Next(2) == 0;
        var surname = Surnames[rng.Next(Surnames.Length)];
        var middle = female ? FemaleMiddle[rng.Next(FemaleMiddle.Length)] : MaleMiddle[rng.Next(MaleMiddle.Length)];
        var given = female ? FemaleGiven[rng.Next(FemaleGiven.Length)] : MaleGiven[rng.Next(MaleGiven.Length)];
        return (surname, middle, given, female);
    }

    /// <summary>nguyen.van.an: the name folded to ASCII, for e-mail addresses.</summary>
    public static string EmailStem(string surname, string middle, string given) =>
        $"{Ascii(surname)}.{Ascii(middle)}.{Ascii(given)}";

    private static string Ascii(string part) => VietnameseText.Fold(part).Replace(" ", "", StringComparison.Ordinal);
}
