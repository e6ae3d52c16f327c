using HanoiWorkbench.Core.Staffing;

namespace HanoiWorkbench.Core.Tests.Staffing;

/// <summary>Issue 10, point 3: a concrete move from a group with slack in the branch, else a lend from a branch with slack.</summary>
public class SuggestedMovesTables
{
    private static readonly SeatedOfficial[] Seated =
    [
        new(1, "Lan", "Quầy 2", ["B"]),
        new(2, "Minh", "Quầy 3", ["A", "B"]),
        new(3, "Hoa", "Quầy 4", ["C"]),
    ];

    // groups "letter need/have", other branches "name need/have", viewer may lend from Hà Đông → suggestions
    [Theory]
    [InlineData("A 2/1, B 0/2", "", false, "Regroup A 1 from B: Lan at Quầy 2")]
    [InlineData("A 3/1, B 0/2", "", false, "Regroup A 1 from B: Lan at Quầy 2 | Regroup A 1 from B")]   // Minh already serves A: nobody else to name
    [InlineData("A 2/1, B 1/1", "Hà Đông 1/3, Cầu Giấy 0/1", true, "Lend A 1 from Hà Đông")]             // no slack at home: lend
    [InlineData("A 2/1, B 1/1", "Hà Đông 1/3, Cầu Giấy 0/1", false, "AskDirector A 1 from Hà Đông")]     // a manager asks the director
    [InlineData("A 4/1, B 0/1", "Hà Đông 1/2, Cầu Giấy 0/3", true, "Regroup A 1 from B: Lan at Quầy 2 | AskDirector A 2 from Cầu Giấy")]
    [InlineData("A 5/1, C 0/1", "Hà Đông 1/2, Cầu Giấy 0/2", true,
        "Regroup A 1 from C: Hoa at Quầy 4 | AskDirector A 2 from Cầu Giấy | Lend A 1 from Hà Đông")]  // each branch gives no more than its slack
    [InlineData("A 1/1, B 1/2", "Hà Đông 1/3", true, "")]                                               // nobody short: nothing to suggest
    [InlineData("A 2/1, B 1/1", "Hà Đông 2/2", true, "")]                                               // short, but no slack anywhere
    public void Suggested_moves(string groups, string branches, bool mayLendFromHaDong, string expected)
    {
        var gaps = Parse(groups).Select(g => new StaffingGap<string>(g.Name, g.Need, g.Have)).ToList();
        var others = Parse(branches).Select((b, i) => new OtherBranch(10 + i, b.Name, b.Need, b.Have)).ToList();
        var haDong = others.FirstOrDefault(b => b.Name == "Hà Đông")?.BranchId;

        var suggestions = StaffingSuggestions.Suggest(gaps, Seated, others, id => mayLendFromHaDong && id == haDong);

        Assert.Equal(expected, string.Join(" | ", suggestions.Select(Describe)));
    }

    [Fact]
    public void The_board_viewer_may_lend_from_every_branch_gets_a_lend_not_a_request()
    {
        var suggestions = StaffingSuggestions.Suggest([new StaffingGap<string>("A", 2, 0)], [], [new OtherBranch(7, "Tây Hồ", 0, 1)], _ => true);

        Assert.Equal(new StaffingSuggestion(SuggestionKind.Lend, "A", 1, FromBranchId: 7, FromBranchName: "Tây Hồ"), Assert.Single(suggestions));
    }

    private static string Describe(StaffingSuggestion s) => s.Kind == SuggestionKind.Regroup
        ? $"Regroup {s.ToGroup} {s.Count} from {s.FromGroup}{(s.StaffName is null ? "" : $": {s.StaffName} at {s.CounterName}")}"
        : $"{s.Kind} {s.ToGroup} {s.Count} from {s.FromBranchName}";

    private static IEnumerable<(string Name, int Need, int Have)> Parse(string table) =>
        table.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
        {
            var cut = part.LastIndexOf(' ');
            var numbers = part[(cut + 1)..].Split('/');
            return (part[..cut], int.Parse(numbers[0], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(numbers[1], System.Globalization.CultureInfo.InvariantCulture));
        });
}
