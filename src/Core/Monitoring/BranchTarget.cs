using System.Globalization;

namespace HanoiWorkbench.Core.Monitoring;

/// <summary>
/// A branch's targets as stored: the <see cref="AlertThresholds"/> a director or administrator set for it, in whole
/// minutes and plain numbers. A branch without a row has <see cref="AlertThresholds.Default"/>.
/// </summary>
public sealed class BranchTarget
{
    private BranchTarget() { }

    private BranchTarget(int branchId) => BranchId = branchId;

    public int BranchId { get; private set; }
    public int LongestWaitMinutes { get; private set; }
    public double WaitingPerOpenCounter { get; private set; }
    public int OverdueRise { get; private set; }
    public int OverdueWindowMinutes { get; private set; }
    public double SatisfactionFloor { get; private set; }
    public int MinimumRatings { get; private set; }
    public double PoolShareFactor { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int UpdatedByStaffId { get; private set; }

    public AlertThresholds Thresholds => new(TimeSpan.FromMinutes(LongestWaitMinutes), WaitingPerOpenCounter, OverdueRise,
        TimeSpan.FromMinutes(OverdueWindowMinutes), SatisfactionFloor, MinimumRatings, PoolShareFactor);

    /// <summary>A new row for <paramref name="branchId"/>, or the errors by field that refuse it.</summary>
    public static (BranchTarget? Target, IReadOnlyDictionary<string, string> Errors) Create(int branchId, AlertThresholds thresholds,
        DateTimeOffset at, int staffId)
    {
        var target = new BranchTarget(branchId);
        var errors = target.Set(thresholds, at, staffId);
        return (errors.Count == 0 ? target : null, errors);
    }

    /// <summary>Sets every threshold at once when all are valid; otherwise changes nothing and returns the errors by field.</summary>
    public IReadOnlyDictionary<string, string> Set(AlertThresholds thresholds, DateTimeOffset at, int staffId)
    {
        var errors = TargetRules.Validate(thresholds);
        if (errors.Count > 0) return errors;
        LongestWaitMinutes = (int)thresholds.LongestWait.TotalMinutes;
        WaitingPerOpenCounter = thresholds.WaitingPerOpenCounter;
        OverdueRise = thresholds.OverdueRise;
        OverdueWindowMinutes = (int)thresholds.OverdueWindow.TotalMinutes;
        SatisfactionFloor = thresholds.SatisfactionFloor;
        MinimumRatings = thresholds.MinimumRatings;
        PoolShareFactor = thresholds.PoolShareFactor;
        (UpdatedAt, UpdatedByStaffId) = (at, staffId);
        return errors;
    }
}

/// <summary>What a branch's targets may be. Keys are the names of <see cref="AlertThresholds"/>' properties.</summary>
public static class TargetRules
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Errors by property (Vietnamese); empty when the thresholds may be saved.</summary>
    /// <remarks>Durations are stored in whole minutes, so a fraction of a minute is refused rather than rounded.</remarks>
    public static IReadOnlyDictionary<string, string> Validate(AlertThresholds t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var errors = new Dictionary<string, string>();
        void Range(string name, double value, double min, double max, string label)
        {
            if (double.IsNaN(value) || value < min || value > max)
                errors[name] = string.Create(Vietnamese, $"{label} phải từ {min} đến {max}.");
        }
        void WholeMinutes(string name, TimeSpan value, int min, int max, string label)
        {
            if (value.TotalMinutes != Math.Floor(value.TotalMinutes)) errors[name] = $"{label} phải là số phút nguyên.";
            else Range(name, value.TotalMinutes, min, max, label);
        }
        WholeMinutes(nameof(AlertThresholds.LongestWait), t.LongestWait, 1, 240, "Thời gian chờ lâu nhất (phút)");
        Range(nameof(AlertThresholds.WaitingPerOpenCounter), t.WaitingPerOpenCounter, 1, 100, "Số người chờ trên mỗi quầy mở");
        Range(nameof(AlertThresholds.OverdueRise), t.OverdueRise, 1, 10_000, "Mức tăng hồ sơ quá hạn");
        WholeMinutes(nameof(AlertThresholds.OverdueWindow), t.OverdueWindow, 5, 1440, "Khoảng thời gian theo dõi quá hạn (phút)");
        Range(nameof(AlertThresholds.SatisfactionFloor), t.SatisfactionFloor, 0, 1, "Ngưỡng hài lòng");
        Range(nameof(AlertThresholds.MinimumRatings), t.MinimumRatings, 1, 1000, "Số lượt đánh giá tối thiểu");
        Range(nameof(AlertThresholds.PoolShareFactor), t.PoolShareFactor, 1, 10, "Hệ số tồn đọng so với phần của chi nhánh");
        return errors;
    }
}
