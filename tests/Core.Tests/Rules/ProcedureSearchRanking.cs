using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Core.Tests.Rules;

public class ProcedureSearchRanking
{
    private static readonly (int Id, string Name, string? Code)[] Procedures =
    [
        (1, "Đăng ký khai sinh", "1.001193"),
        (2, "Đăng ký lại khai sinh", "1.004884"),
        (3, "Đăng ký khai sinh có yếu tố nước ngoài", "2.000528"),
        (4, "Đăng ký kết hôn", "1.000894"),
        (5, "Đăng ký khai tử", "1.000656"),
        (6, "Đăng ký khai sinh kết hợp nhận cha, mẹ, con", "1.000689"),
        (7, "Cấp bản sao trích lục hộ tịch", "2.000635"),
        (8, "Cấp Phiếu lý lịch tư pháp", null),
    ];

    private static int[] Ids(string query, int take = 10) =>
        ProcedureSearch.Rank(query, Procedures, take).Select(m => m.Id).ToArray();

    [Fact]
    public void A_query_without_diacritics_finds_the_procedure_with_that_name_first()
    {
        var matches = ProcedureSearch.Rank("dang ky khai sinh", Procedures, 10);

        Assert.Equal([1, 3, 6, 2], matches.Select(m => m.Id));
        Assert.Equal(ProcedureMatchKind.NameEquals, matches[0].Kind);
        Assert.Equal(ProcedureMatchKind.WordsInOrder, matches[^1].Kind);
    }

    [Fact]
    public void A_shorter_name_wins_a_tie()
    {
        Assert.Equal([1, 2], Ids("khai sinh").Take(2));
    }

    [Theory]
    [InlineData("1.001193", 1, ProcedureMatchKind.CodeExact)]
    [InlineData("ĐĂNG KÝ KẾT HÔN", 4, ProcedureMatchKind.NameEquals)]
    [InlineData("dang ky khai s", 1, ProcedureMatchKind.NameStartsWith)] // a half-typed word
    [InlineData("ly lich", 8, ProcedureMatchKind.ContainsPhrase)]
    [InlineData("cap ho tich", 7, ProcedureMatchKind.WordsInOrder)]
    [InlineData("ho tich cap", 7, ProcedureMatchKind.WordsAnyOrder)]
    [InlineData("2.0006", 7, ProcedureMatchKind.CodeStartsWith)]
    public void Each_kind_of_match_is_found(string query, int id, ProcedureMatchKind kind)
    {
        var best = ProcedureSearch.Rank(query, Procedures, 10)[0];

        Assert.Equal(id, best.Id);
        Assert.Equal(kind, best.Kind);
    }

    [Fact]
    public void Better_kinds_of_match_rank_above_shorter_names()
    {
        // "Đăng ký khai tử" is shorter but matches "khai" only; it is not a match for "khai sinh" at all.
        Assert.DoesNotContain(5, Ids("khai sinh"));
        Assert.Equal(1, Ids("sinh khai")[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("xyz")]
    [InlineData("khai sinh xyz")]
    public void A_query_that_matches_nothing_gives_nothing(string query)
    {
        Assert.Empty(Ids(query));
    }

    [Fact]
    public void Take_limits_the_results()
    {
        Assert.Equal(2, Ids("dang ky", take: 2).Length);
        Assert.Empty(Ids("dang ky", take: 0));
    }
}
