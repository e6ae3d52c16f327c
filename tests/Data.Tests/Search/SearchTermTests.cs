using HanoiWorkbench.Data.Search;

namespace HanoiWorkbench.Data.Tests.Search;

public sealed class The_search_box_recognises_what_was_typed
{
    [Theory]
    [InlineData("000.00.01.H26-250105-0012", SearchKind.Code, "000.00.01.H26-250105-0012")]
    [InlineData("000.00.01.h26-250105", SearchKind.Code, "000.00.01.H26-250105")]
    [InlineData("001090123456", SearchKind.CitizenId, "001090123456")]
    [InlineData("001 090 123 456", SearchKind.CitizenId, "001090123456")]
    [InlineData("0912 345 678", SearchKind.Phone, "0912345678")]
    [InlineData("+84 912.345.678", SearchKind.Phone, "0912345678")]
    [InlineData("024 3825 1234", SearchKind.Phone, "02438251234")]
    [InlineData("Nguyễn Văn  An", SearchKind.Name, "nguyen van an")]
    [InlineData("nguyen van an", SearchKind.Name, "nguyen van an")]
    [InlineData("ĐỖ", SearchKind.Name, "do")]
    [InlineData("   ", SearchKind.None, "")]
    [InlineData(null, SearchKind.None, "")]
    public void Parses(string? text, SearchKind kind, string value)
    {
        var term = SearchTerm.Parse(text);
        Assert.Equal(kind, term.Kind);
        Assert.Equal(value, term.Value);
    }
}
