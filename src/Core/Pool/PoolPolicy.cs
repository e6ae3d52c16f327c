using System.Globalization;

namespace HanoiWorkbench.Core.Pool;

/// <summary>
/// The director's parameters of the citywide pool. One row in the database; <see cref="Validate"/> says, per field,
/// what is wrong, so the page can show it beside the field.
/// </summary>
public sealed record PoolPolicy
{
    /// <summary>The single row's key.</summary>
    public int Id { get; init; } = 1;
    /// <summary>A claim untouched this long returns to the pool.</summary>
    public int ClaimTimeoutMinutes { get; init; } = 30;
    /// <summary>Load (queued hours ÷ staffed hours left) above which a branch's open work overflows to others.</summary>
    public double OverflowThreshold { get; init; } = 1.5;
    /// <summary>Score per spare staffed hour when choosing a branch for new or overflowing work.</summary>
    public double CapacityWeight { get; init; } = 1.0;
    /// <summary>Score taken off per km between the application's area and the branch (results are collected nearby).</summary>
    public double DistanceWeight { get; init; } = 0.1;
    /// <summary>Take next: another branch's item counts as having this many minutes more slack, so clerks take their own branch's work first.</summary>
    public int OtherBranchPenaltyMinutes { get; init; } = 60;
    /// <summary>Estimated effort of each kind of step, in minutes: the hours of work queued for a branch add them up.</summary>
    public int CheckMinutes { get; init; } = 15;
    public int ProcessMinutes { get; init; } = 60;
    public int ResultMinutes { get; init; } = 15;
    /// <summary>An online submission must be checked within this many working hours of its arrival.</summary>
    public int CheckWithinWorkingHours { get; init; } = 8;
    /// <summary>How many work items one person may hold claimed at once: more would hide work from colleagues who are free.</summary>
    public int MaxClaimsPerClerk { get; init; } = 5;
    public DateTimeOffset? UpdatedAt { get; init; }
    public int? UpdatedByStaffId { get; init; }

    public static PoolPolicy Default { get; } = new();

    public TimeSpan ClaimTimeout => TimeSpan.FromMinutes(ClaimTimeoutMinutes);
    public TimeSpan OtherBranchPenalty => TimeSpan.FromMinutes(OtherBranchPenaltyMinutes);

    public TimeSpan EffortOf(WorkKind kind) => TimeSpan.FromMinutes(kind switch
    {
        WorkKind.CheckSubmission => CheckMinutes,
        WorkKind.Process => ProcessMinutes,
        WorkKind.PrepareResult => ResultMinutes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    });

    /// <summary>The refusal of one more claim by someone already holding <paramref name="held"/> items; null when it is allowed.</summary>
    public string? ClaimLimitRefusal(int held) => held < MaxClaimsPerClerk ? null : string.Create(CultureInfo.InvariantCulture,
        $"Anh/chị đang giữ {held} việc, tối đa {MaxClaimsPerClerk} việc cùng lúc. Hãy hoàn thành hoặc trả lại một việc rồi nhận thêm.");

    /// <summary>Errors by property name (Vietnamese messages); empty when the policy may be saved.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        void Range(string name, double value, double min, double max, string label)
        {
            if (double.IsNaN(value) || value < min || value > max)
                errors[name] = string.Create(CultureInfo.GetCultureInfo("vi-VN"), $"{label} phải từ {min} đến {max}.");
        }
        Range(nameof(ClaimTimeoutMinutes), ClaimTimeoutMinutes, 5, 480, "Thời gian giữ việc (phút)");
        Range(nameof(OverflowThreshold), OverflowThreshold, 0.5, 5, "Ngưỡng quá tải");
        Range(nameof(CapacityWeight), CapacityWeight, 0, 10, "Trọng số năng lực còn trống");
        Range(nameof(DistanceWeight), DistanceWeight, 0, 10, "Trọng số khoảng cách");
        Range(nameof(OtherBranchPenaltyMinutes), OtherBranchPenaltyMinutes, 0, 480, "Ưu tiên việc của chi nhánh mình (phút)");
        Range(nameof(CheckMinutes), CheckMinutes, 1, 480, "Thời gian kiểm tra hồ sơ (phút)");
        Range(nameof(ProcessMinutes), ProcessMinutes, 1, 2400, "Thời gian xử lý (phút)");
        Range(nameof(ResultMinutes), ResultMinutes, 1, 480, "Thời gian chuẩn bị kết quả (phút)");
        Range(nameof(MaxClaimsPerClerk), MaxClaimsPerClerk, 1, 50, "Số việc một cán bộ được giữ cùng lúc");
        Range(nameof(CheckWithinWorkingHours), CheckWithinWorkingHours, 1, 40, "Hạn kiểm tra hồ sơ trực tuyến (giờ làm việc)");
        if (CapacityWeight == 0 && DistanceWeight == 0 && !errors.ContainsKey(nameof(CapacityWeight)))
            errors[nameof(CapacityWeight)] = "Ít nhất một trọng số phải lớn hơn 0.";
        return errors;
    }
}
