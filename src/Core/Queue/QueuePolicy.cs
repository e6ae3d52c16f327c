namespace HanoiWorkbench.Core.Queue;

/// <summary>
/// How a branch runs its walk-in queue. An administrator maintains these values; the defaults are
/// what the center starts with. Rules take the policy as an argument and never read it from anywhere.
/// </summary>
public sealed record QueuePolicy
{
    public static QueuePolicy Default { get; } = new();

    /// <summary>
    /// After this many consecutive priority calls, the oldest ordinary ticket goes next if one waits,
    /// so ordinary citizens are not starved on a busy morning (domain.md §5).
    /// </summary>
    public int PriorityFairnessBound { get; init; } = 3;

    /// <summary>An ordinary ticket that has waited longer than this is called before priority tickets.</summary>
    public TimeSpan MaxOrdinaryWait { get; init; } = TimeSpan.FromMinutes(45);

    /// <summary>How many times a called ticket must be recalled before the clerk may mark it a no-show.</summary>
    public int RecallsBeforeNoShow { get; init; } = 2;

    /// <summary>Service time assumed per citizen when there are no recent service times to go by.</summary>
    public TimeSpan ServiceTimeFallback { get; init; } = TimeSpan.FromMinutes(8);

    /// <summary>How many of the most recent service times the wait estimate looks at.</summary>
    public int RecentServiceTimeWindow { get; init; } = 20;

    /// <summary>What is wrong with this policy, in Vietnamese, for the administrator's form; empty when it is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (PriorityFairnessBound < 1)
            problems.Add("Giới hạn công bằng phải ít nhất là 1 lượt ưu tiên liên tiếp.");
        if (MaxOrdinaryWait <= TimeSpan.Zero)
            problems.Add("Thời gian chờ tối đa của vé thường phải lớn hơn 0.");
        if (RecallsBeforeNoShow < 0)
            problems.Add("Số lần gọi lại trước khi đánh dấu vắng mặt không được âm.");
        if (ServiceTimeFallback <= TimeSpan.Zero)
            problems.Add("Thời gian phục vụ mặc định phải lớn hơn 0.");
        if (RecentServiceTimeWindow < 1)
            problems.Add("Số lượt phục vụ gần nhất dùng để ước tính phải ít nhất là 1.");
        return problems;
    }
}
