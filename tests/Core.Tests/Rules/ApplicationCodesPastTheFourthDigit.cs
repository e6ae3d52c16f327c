using HanoiWorkbench.Core.Rules;

namespace HanoiWorkbench.Core.Tests.Rules;

public class ApplicationCodesPastTheFourthDigit
{
    [Theory]
    [InlineData(1, "000.A0.01.H26-260310-0001")]
    [InlineData(9090, "000.A0.01.H26-260310-9090")]
    [InlineData(9999, "000.A0.01.H26-260310-9999")]
    [InlineData(10000, "000.A0.01.H26-260310-10000")]
    [InlineData(123456, "000.A0.01.H26-260310-123456")]
    public void A_code_has_four_digits_and_more_only_past_the_9999th_of_the_day(int sequence, string expected)
    {
        var code = ApplicationCode.Format("000.A0.01.H26", new DateOnly(2026, 3, 10), sequence);

        Assert.Equal(expected, code);
        Assert.True(ApplicationCode.TryParse(code, out var agency, out var day, out var parsed));
        Assert.Equal(("000.A0.01.H26", new DateOnly(2026, 3, 10), sequence), (agency, day, parsed));
    }

    [Theory]
    [InlineData("000.A0.01.H26-260310-001")]
    [InlineData("000.A0.01.H26-260310-00001")]
    [InlineData("000.A0.01.H26-260310-0000")]
    [InlineData("000.A0.01.H26-261310-0001")]
    [InlineData("-260310-0001")]
    public void A_code_that_no_sequence_formats_to_is_not_a_code(string text)
    {
        Assert.False(ApplicationCode.TryParse(text, out _, out _, out _));
    }

    [Fact]
    public void There_is_no_sequence_zero()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationCode.Format("A", new DateOnly(2026, 3, 10), 0));
    }
}
