using HanoiWorkbench.Core.Domain;

namespace HanoiWorkbench.Core.Tests.Text;

/// <summary>A branch's code and its receiving agency id are identifiers, not names: the entity refuses what the form's pattern refuses.</summary>
public class BranchCodesAndAgencyIds
{
    [Theory]
    [InlineData("BR01", "BR01")]
    [InlineData(" CN-03 ", "CN-03")]
    [InlineData("tay_ho.2", "tay_ho.2")]
    public void A_code_of_ascii_letters_digits_dot_dash_and_underscore_is_kept_trimmed(string code, string stored) =>
        Assert.Equal(stored, Branch.ValidateCode(code));

    [Theory]
    [InlineData("Tây Hồ")]            // letters with marks
    [InlineData("Nguye\u0302\u0303n")] // the same, decomposed
    [InlineData("BR 01")]              // a space
    [InlineData("BR01<b>")]            // markup
    [InlineData("BR\u200B01")]         // a zero-width space
    [InlineData("１２")]               // full-width digits
    public void Any_other_character_is_refused_on_the_code_field(string code)
    {
        var refused = Assert.Throws<DomainException>(() => Branch.ValidateCode(code));
        Assert.Equal(nameof(Branch.Code), refused.Member);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")] // 21 characters
    public void An_empty_or_too_long_code_is_refused(string code) =>
        Assert.Throws<DomainException>(() => Branch.ValidateCode(code));

    [Theory]
    [InlineData("000.00.01.H26", true)]
    [InlineData("000-00-01", false)]
    [InlineData("Hà.Nội", false)]
    public void An_agency_id_is_letters_and_digits_joined_by_dots(string agency, bool accepted)
    {
        if (accepted) Assert.Equal(agency, Branch.ValidateAgencyId(agency));
        else Assert.Throws<DomainException>(() => Branch.ValidateAgencyId(agency));
    }
}
