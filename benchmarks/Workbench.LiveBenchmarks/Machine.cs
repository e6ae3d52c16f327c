using System.Globalization;

namespace HanoiWorkbench.LiveBenchmarks;

/// <summary>What the figures were measured on: they mean nothing without the machine and how busy it was.</summary>
public static class Machine
{
    public static string Describe()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"{TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {memory:0} GB, "
            + $".NET {Environment.Version}, load average (1/5/15 min, running/total) {load}");
    }
}
