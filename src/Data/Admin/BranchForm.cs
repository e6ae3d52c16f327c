using System.ComponentModel.DataAnnotations;
using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Data.Admin;

/// <summary>What the branch form edits. The code is fixed once the branch exists (it names the branch everywhere).</summary>
public sealed class BranchForm
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "Nhập mã chi nhánh.")]
    [StringLength(Branch.CodeMaxLength, ErrorMessage = "Mã chi nhánh dài tối đa {1} ký tự.")]
    [RegularExpression(@"^[A-Za-z0-9._-]+$", ErrorMessage = "Mã chi nhánh chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang.")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Nhập tên chi nhánh.")]
    [StringLength(Branch.NameMaxLength, ErrorMessage = "Tên chi nhánh dài tối đa {1} ký tự.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Nhập mã cơ quan tiếp nhận.")]
    [StringLength(Branch.AgencyIdMaxLength, ErrorMessage = "Mã cơ quan tiếp nhận dài tối đa {1} ký tự.")]
    [RegularExpression(@"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$", ErrorMessage = "Mã cơ quan tiếp nhận chỉ gồm chữ không dấu, chữ số và dấu chấm (ví dụ 000.00.01.H26).")]
    public string AgencyId { get; set; } = "";

    [Required(ErrorMessage = "Nhập địa chỉ.")]
    [StringLength(Branch.AddressMaxLength, ErrorMessage = "Địa chỉ dài tối đa {1} ký tự.")]
    public string Address { get; set; } = "";

    [Required(ErrorMessage = "Nhập vĩ độ.")]
    [Range(-90d, 90d, ErrorMessage = "Vĩ độ phải nằm trong khoảng -90 đến 90.")]
    public double? Latitude { get; set; }

    [Required(ErrorMessage = "Nhập kinh độ.")]
    [Range(-180d, 180d, ErrorMessage = "Kinh độ phải nằm trong khoảng -180 đến 180.")]
    public double? Longitude { get; set; }

    [Required(ErrorMessage = "Chọn giờ mở cửa.")]
    public TimeSpan? OpensAt { get; set; } = new(8, 0, 0);

    [Required(ErrorMessage = "Chọn giờ đóng cửa.")]
    public TimeSpan? ClosesAt { get; set; } = new(17, 0, 0);

    public int? ParentBranchId { get; set; }

    public bool IsActive { get; set; } = true;
}

public sealed record BranchRow(int Id, string Code, string Name, string AgencyId, string Address, TimeOnly OpensAt, TimeOnly ClosesAt,
    bool IsActive, string? ParentName)
{
    public string Hours => $"{AdminFormat.Time(OpensAt)}–{AdminFormat.Time(ClosesAt)}";
}

public sealed record BranchOption(int Id, string Code, string Name, int? ParentBranchId, bool IsActive)
{
    public string Label => $"{Code} · {Name}";
}
