namespace HanoiWorkbench.Core.Staffing;

/// <summary>An official seated at an open counter of the branch, with the letters of the groups the counter serves now.</summary>
public sealed record SeatedOfficial(int StaffId, string FullName, string CounterName, IReadOnlyList<string> Groups);

/// <summary>Another branch, with the officials it has on duty now and the officials its queues need now.</summary>
public sealed record OtherBranch(int BranchId, string Name, int Needed, int Have)
{
    public int Slack => Math.Max(0, Have - Needed);
}

public enum SuggestionKind
{
    /// <summary>Within the branch: an official serving a group with slack also (or instead) serves the short group.</summary>
    Regroup = 0,
    /// <summary>From another branch with slack: lend officials; the viewer may do it.</summary>
    Lend = 1,
    /// <summary>From another branch with slack, but only a director (or that branch's manager) may lend them: ask.</summary>
    AskDirector = 2,
}

/// <summary>
/// One concrete suggestion for the board: <see cref="Count"/> officials for group <see cref="ToGroup"/>, either named
/// (<see cref="StaffId"/>) from group <see cref="FromGroup"/> of this branch, or from another branch.
/// </summary>
public sealed record StaffingSuggestion(SuggestionKind Kind, string ToGroup, int Count, string? FromGroup = null,
    int? StaffId = null, string? StaffName = null, string? CounterName = null, int? FromBranchId = null, string? FromBranchName = null);

/// <summary>The board's suggested moves: slack inside the branch first, another branch's slack only for what is still short.</summary>
public static class StaffingSuggestions
{
    /// <summary>
    /// Closes the branch's shortages now. Inside the branch (<see cref="StaffingAdvice.SuggestMoves{TKey}"/>), each move names
    /// an official seated at a counter serving the group with slack and not the short group (each official once); a move with
    /// nobody to name still says how many. What the branch's own slack cannot cover is asked of the other branches with the most
    /// slack, each giving no more than its slack. A lend across branches is <see cref="SuggestionKind.Lend"/> only when the viewer
    /// may lend from the giving branch (<paramref name="mayLendFrom"/>, from the permission table); else it is a request to the director.
    /// </summary>
    public static IReadOnlyList<StaffingSuggestion> Suggest(IReadOnlyList<StaffingGap<string>> groups, IReadOnlyList<SeatedOfficial> seated,
        IReadOnlyList<OtherBranch> otherBranches, Func<int, bool> mayLendFrom)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(seated);
        ArgumentNullException.ThrowIfNull(otherBranches);
        ArgumentNullException.ThrowIfNull(mayLendFrom);
        var suggestions = new List<StaffingSuggestion>();
        var stillShort = groups.Where(g => g.Shortage > 0).ToDictionary(g => g.Key, g => g.Shortage, StringComparer.Ordinal);
        var named = new HashSet<int>();
        foreach (var move in StaffingAdvice.SuggestMoves(groups))
        {
            var candidates = seated
                .Where(s => !named.Contains(s.StaffId) && s.Groups.Contains(move.From, StringComparer.Ordinal) && !s.Groups.Contains(move.To, StringComparer.Ordinal))
                .OrderBy(s => s.Groups.Count).ThenBy(s => s.CounterName, StringComparer.Ordinal).Take(move.Count).ToList();
            foreach (var person in candidates)
            {
                named.Add(person.StaffId);
                suggestions.Add(new StaffingSuggestion(SuggestionKind.Regroup, move.To, 1, move.From, person.StaffId, person.FullName, person.CounterName));
            }
            if (candidates.Count < move.Count)
                suggestions.Add(new StaffingSuggestion(SuggestionKind.Regroup, move.To, move.Count - candidates.Count, move.From));
            stillShort[move.To] -= move.Count;
        }

        var slack = otherBranches.Where(b => b.Slack > 0).ToDictionary(b => b.BranchId, b => b.Slack);
        foreach (var (group, missing) in stillShort.Where(s => s.Value > 0).OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            var left = missing;
            foreach (var donor in otherBranches.Where(b => slack.GetValueOrDefault(b.BranchId) > 0)
                         .OrderByDescending(b => slack[b.BranchId]).ThenBy(b => b.Name, StringComparer.Ordinal).ToList())
            {
                if (left == 0) break;
                var count = Math.Min(left, slack[donor.BranchId]);
                slack[donor.BranchId] -= count;
                left -= count;
                suggestions.Add(new StaffingSuggestion(mayLendFrom(donor.BranchId) ? SuggestionKind.Lend : SuggestionKind.AskDirector, group, count,
                    FromBranchId: donor.BranchId, FromBranchName: donor.Name));
            }
        }
        return suggestions;
    }
}
