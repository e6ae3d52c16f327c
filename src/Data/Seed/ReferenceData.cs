using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Data.Seed;

/// <summary>Reference facts of domain.md that are not in the CSV files.</summary>
internal static class ReferenceData
{
    /// <summary>The 30 former district-level units with their national (GSO) codes: 12 quận, 1 thị xã, 17 huyện.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, AreaKind Kind)> Districts =
    [
        ("001", "Ba Đình", AreaKind.UrbanDistrict),
        ("002", "Hoàn Kiếm", AreaKind.UrbanDistrict),
        ("003", "Tây Hồ", AreaKind.UrbanDistrict),
        ("004", "Long Biên", AreaKind.UrbanDistrict),
        ("005", "Cầu Giấy", AreaKind.UrbanDistrict),
        ("006", "Đống Đa", AreaKind.UrbanDistrict),
        ("007", "Hai Bà Trưng", AreaKind.UrbanDistrict),
        ("008", "Hoàng Mai", AreaKind.UrbanDistrict),
        ("009", "Thanh Xuân", AreaKind.UrbanDistrict),
        ("019", "Nam Từ Liêm", AreaKind.UrbanDistrict),
        ("021", "Bắc Từ Liêm", AreaKind.UrbanDistrict),
        ("268", "Hà Đông", AreaKind.UrbanDistrict),
        ("269", "Sơn Tây", AreaKind.Town),
        ("271", "Ba Vì", AreaKind.RuralDistrict),
        ("277", "Chương Mỹ", AreaKind.RuralDistrict),
        ("273", "Đan Phượng", AreaKind.RuralDistrict),
        ("017", "Đông Anh", AreaKind.RuralDistrict),
        ("018", "Gia Lâm", AreaKind.RuralDistrict),
        ("274", "Hoài Đức", AreaKind.RuralDistrict),
        ("250", "Mê Linh", AreaKind.RuralDistrict),
        ("282", "Mỹ Đức", AreaKind.RuralDistrict),
        ("280", "Phú Xuyên", AreaKind.RuralDistrict),
        ("272", "Phúc Thọ", AreaKind.RuralDistrict),
        ("275", "Quốc Oai", AreaKind.RuralDistrict),
        ("016", "Sóc Sơn", AreaKind.RuralDistrict),
        ("276", "Thạch Thất", AreaKind.RuralDistrict),
        ("278", "Thanh Oai", AreaKind.RuralDistrict),
        ("020", "Thanh Trì", AreaKind.RuralDistrict),
        ("279", "Thường Tín", AreaKind.RuralDistrict),
        ("281", "Ứng Hòa", AreaKind.RuralDistrict),
    ];

    public static readonly IReadOnlyList<(string Letter, string Name)> ServiceGroups =
    [
        ("A", "Hộ tịch"),
        ("B", "Chứng thực, tư pháp, lý lịch tư pháp"),
        ("C", "Đất đai, xây dựng, môi trường"),
        ("D", "Kinh doanh, văn hóa"),
        ("E", "Lao động, xã hội, y tế, giáo dục, nội vụ"),
        ("F", "Giao thông vận tải"),
    ];
}
