using System.Globalization;
using HanoiWorkbench.Core.Calendar;
using Microsoft.Extensions.Configuration;

namespace HanoiWorkbench.Data.Calendar;

/// <summary>
/// The office hours of the branches, from configuration: the section <c>OfficeHours</c> gives the default
/// (<c>MorningStart</c>, <c>MorningEnd</c>, <c>AfternoonStart</c>, <c>AfternoonEnd</c>, <c>SameDayCutOff</c>, as HH:mm)
/// and <c>OfficeHours:Branches:&lt;branch code&gt;</c> overrides any of them for one branch. Read once at start; hours
/// that run backwards or overlap stop the start with the reason.
/// </summary>
public sealed class OfficeHours
{
    public const string Section = "OfficeHours";
    private readonly Dictionary<string, WorkingHours> _branches;

    public OfficeHours(WorkingHours defaultHours, IReadOnlyDictionary<string, WorkingHours>? branches = null)
    {
        Default = defaultHours;
        _branches = new Dictionary<string, WorkingHours>(branches ?? new Dictionary<string, WorkingHours>(), StringComparer.OrdinalIgnoreCase);
    }

    public WorkingHours Default { get; }

    /// <summary>The hours of the branch with this code; the default for any other (or no) branch.</summary>
    public WorkingHours For(string? branchCode) =>
        branchCode is not null && _branches.TryGetValue(branchCode, out var hours) ? hours : Default;

    public static OfficeHours FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var defaults = Read(section, WorkingHours.Default, Section);
        var branches = section.GetSection("Branches").GetChildren()
            .ToDictionary(b => b.Key, b => Read(b, defaults, $"{Section}:Branches:{b.Key}"), StringComparer.OrdinalIgnoreCase);
        return new OfficeHours(defaults, branches);
    }

    private static WorkingHours Read(IConfigurationSection section, WorkingHours fallback, string path)
    {
        TimeOnly Time(string key, TimeOnly value)
        {
            var text = section[key];
            if (string.IsNullOrWhiteSpace(text)) return value;
            return TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                ? time
                : throw new InvalidOperationException($"{path}:{key} = \"{text}\" không phải giờ dạng HH:mm.");
        }
        try
        {
            return new WorkingHours(Time("MorningStart", fallback.MorningStart), Time("MorningEnd", fallback.MorningEnd),
                Time("AfternoonStart", fallback.AfternoonStart), Time("AfternoonEnd", fallback.AfternoonEnd), Time("SameDayCutOff", fallback.SameDayCutOff));
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{path}: {e.Message}", e);
        }
    }
}
