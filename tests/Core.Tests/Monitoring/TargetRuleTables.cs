using HanoiWorkbench.Core.Monitoring;

namespace HanoiWorkbench.Core.Tests.Monitoring;

public class TargetRuleTables
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void The_documented_defaults_are_valid() => Assert.Empty(TargetRules.Validate(AlertThresholds.Default));

    [Theory]
    [InlineData("LongestWait", 0.0, "Thời gian chờ lâu nhất (phút) phải từ 1 đến 240.")]
    [InlineData("LongestWait", 241.0, "Thời gian chờ lâu nhất (phút) phải từ 1 đến 240.")]
    [InlineData("LongestWait", 12.5, "Thời gian chờ lâu nhất (phút) phải là số phút nguyên.")]
    [InlineData("LongestWait", 240.0, null)]
    [InlineData("WaitingPerOpenCounter", 0.5, "Số người chờ trên mỗi quầy mở phải từ 1 đến 100.")]
    [InlineData("WaitingPerOpenCounter", double.NaN, "Số người chờ trên mỗi quầy mở phải từ 1 đến 100.")]
    [InlineData("OverdueRise", 0.0, "Mức tăng hồ sơ quá hạn phải từ 1 đến 10000.")]
    [InlineData("OverdueWindow", 4.0, "Khoảng thời gian theo dõi quá hạn (phút) phải từ 5 đến 1440.")]
    [InlineData("SatisfactionFloor", 1.01, "Ngưỡng hài lòng phải từ 0 đến 1.")]
    [InlineData("SatisfactionFloor", 0.0, null)]
    [InlineData("MinimumRatings", 0.0, "Số lượt đánh giá tối thiểu phải từ 1 đến 1000.")]
    [InlineData("PoolShareFactor", 0.9, "Hệ số tồn đọng so với phần của chi nhánh phải từ 1 đến 10.")]
    public void Each_threshold_has_its_range(string field, double value, string? error)
    {
        var d = AlertThresholds.Default;
        var t = field switch
        {
            "LongestWait" => d with { LongestWait = TimeSpan.FromMinutes(value) },
            "WaitingPerOpenCounter" => d with { WaitingPerOpenCounter = value },
            "OverdueRise" => d with { OverdueRise = (int)value },
            "OverdueWindow" => d with { OverdueWindow = TimeSpan.FromMinutes(value) },
            "SatisfactionFloor" => d with { SatisfactionFloor = value },
            "MinimumRatings" => d with { MinimumRatings = (int)value },
            _ => d with { PoolShareFactor = value },
        };
        var errors = TargetRules.Validate(t);
        Assert.Equal(error, errors.GetValueOrDefault(field));
        Assert.True(errors.Count == (error is null ? 0 : 1));
    }

    [Fact]
    public void A_stored_target_gives_back_the_thresholds_it_was_set_to()
    {
        var wanted = new AlertThresholds(TimeSpan.FromMinutes(20), 6, 3, TimeSpan.FromMinutes(90), 0.85, 5, 2);
        var (target, errors) = BranchTarget.Create(7, wanted, Now, 42);
        Assert.Empty(errors);
        Assert.Equal(wanted, target!.Thresholds);
        Assert.Equal((7, 42, Now), (target.BranchId, target.UpdatedByStaffId, target.UpdatedAt));
    }

    [Fact]
    public void Invalid_thresholds_change_nothing()
    {
        var (target, _) = BranchTarget.Create(7, AlertThresholds.Default, Now, 42);
        var errors = target!.Set(AlertThresholds.Default with { LongestWait = TimeSpan.Zero, PoolShareFactor = 20 }, Now.AddDays(1), 43);
        Assert.Equal(2, errors.Count);
        Assert.Equal(AlertThresholds.Default, target.Thresholds);
        Assert.Equal((42, Now), (target.UpdatedByStaffId, target.UpdatedAt));
        Assert.Null(BranchTarget.Create(7, AlertThresholds.Default with { MinimumRatings = 0 }, Now, 42).Target);
    }
}
