using HanoiWorkbench.Core.Text;

namespace HanoiWorkbench.Core.Rules;

/// <summary>How well a procedure matched a query, best first.</summary>
public enum ProcedureMatchKind
{
    CodeExact = 0,
    NameEquals = 1,
    NameStartsWith = 2,
    /// <summary>The query as one phrase starting at a word of the name.</summary>
    ContainsPhrase = 3,
    WordsInOrder = 4,
    WordsAnyOrder = 5,
    CodeStartsWith = 6,
}

public sealed record ProcedureMatch(int Id, string Name, string? Code, ProcedureMatchKind Kind);

/// <summary>
/// The procedure picker of the counter: diacritics and case are ignored ("dang ky khai sinh" finds "Đăng ký khai sinh"),
/// every query word must begin a word of the name (so a half-typed last word already matches), and results rank by
/// <see cref="ProcedureMatchKind"/>, then shorter name, then name and id.
/// </summary>
public static class ProcedureSearch
{
    public static IReadOnlyList<ProcedureMatch> Rank(string query, IEnumerable<(int Id, string Name, string? Code)> procedures, int take)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        var q = VietnameseText.Fold(query);
        if (q.Length == 0 || take <= 0) return [];
        var queryWords = q.Split(' ');

        var matches = new List<ProcedureMatch>();
        foreach (var (id, name, code) in procedures)
        {
            if (Match(q, queryWords, VietnameseText.Fold(name), VietnameseText.Fold(code)) is { } kind)
                matches.Add(new ProcedureMatch(id, name, code, kind));
        }
        return matches
            .OrderBy(m => m.Kind)
            .ThenBy(m => m.Name.Length)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.Id)
            .Take(take)
            .ToList();
    }

    private static ProcedureMatchKind? Match(string q, string[] queryWords, string name, string code)
    {
        if (code.Length > 0 && code == q) return ProcedureMatchKind.CodeExact;
        if (name == q) return ProcedureMatchKind.NameEquals;
        if (name.StartsWith(q, StringComparison.Ordinal)) return ProcedureMatchKind.NameStartsWith;
        if (name.Contains(" " + q, StringComparison.Ordinal)) return ProcedureMatchKind.ContainsPhrase;

        var nameWords = name.Split(' ');
        if (InOrder(queryWords, nameWords)) return ProcedureMatchKind.WordsInOrder;
        if (queryWords.All(w => nameWords.Any(n => n.StartsWith(w, StringComparison.Ordinal)))) return ProcedureMatchKind.WordsAnyOrder;
        if (code.Length > 0 && code.StartsWith(q, StringComparison.Ordinal)) return ProcedureMatchKind.CodeStartsWith;
        return null;
    }

    private static bool InOrder(string[] queryWords, string[] nameWords)
    {
        var next = 0;
        foreach (var word in queryWords)
        {
            while (next < nameWords.Length && !nameWords[next].StartsWith(word, StringComparison.Ordinal)) next++;
            if (next == nameWords.Length) return false;
            next++;
        }
        return true;
    }
}
