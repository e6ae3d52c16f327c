using System.Text.RegularExpressions;
using System.Xml.Linq;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Workbench.Tests.Shell;

public sealed partial class TranslationTests
{
    [Fact]
    public void Every_text_a_page_shows_has_an_English_translation()
    {
        var english = XDocument.Load(Path.Combine(RepositoryFiles.Root, "src/Workbench/Resources/SharedResource.en.resx"))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
        var used = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src/Workbench/Components"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => LocalizedKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Concat(Enum.GetValues<StaffRole>().Select(r => (File: "AccessRules.RoleLabel", Key: AccessRules.RoleLabel(r))));

        var missing = used.Where(u => !english.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();

        Assert.True(missing.Count == 0, "Add these to a src/Workbench/Resources/*.tsv and run tools/resx.py:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_alert_reads_in_English_with_its_subject_in_place()
    {
        var english = English();
        var missing = Enum.GetValues<Core.Monitoring.AlertKind>().Select(Core.Monitoring.AlertRules.Template).Where(t => !english.ContainsKey(t)).ToList();
        Assert.Empty(missing);
        Assert.Equal("Service group {0} has people waiting and no official",
            english[Core.Monitoring.AlertRules.Template(Core.Monitoring.AlertKind.ServiceGroupUnstaffed)]);
        Assert.Equal("Nhóm dịch vụ B có người chờ nhưng không có cán bộ",
            Core.Monitoring.AlertRules.Describe(new Core.Monitoring.AlertKey(1, Core.Monitoring.AlertKind.ServiceGroupUnstaffed, "B")));
    }

    [Fact]
    public void No_two_texts_differ_only_in_case_for_the_resource_compiler_keeps_one_of_them()
    {
        var names = XDocument.Load(Path.Combine(RepositoryFiles.Root, "src/Workbench/Resources/SharedResource.resx"))
            .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToList();
        var clashes = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Use one key for: " + string.Join("; ", clashes));
    }

    private static Dictionary<string, string> English() =>
        XDocument.Load(Path.Combine(RepositoryFiles.Root, "src/Workbench/Resources/SharedResource.en.resx"))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [GeneratedRegex("L\\[\"([^\"]+)\"\\]")]
    private static partial Regex LocalizedKey();
}
