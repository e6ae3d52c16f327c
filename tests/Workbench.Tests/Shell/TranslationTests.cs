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

    [GeneratedRegex("L\\[\"([^\"]+)\"\\]")]
    private static partial Regex LocalizedKey();
}
