using HanoiWorkbench.Core.Privacy;

namespace HanoiWorkbench.Core.Tests.Privacy;

public class MaskingPersonalData
{
    [Theory]
    [InlineData("001234567123", "001******123")] // a citizen ID: province and last three
    [InlineData("079088001234", "079******234")]
    [InlineData("0912345678", "091****678")]     // a mobile phone
    [InlineData("02438251234", "024*****234")]   // a Hà Nội landline, odd length
    [InlineData("123456789", "12*****89")]       // an old 9-digit ID, odd length
    [InlineData("12345678", "12****78")]
    [InlineData("1234567", "1*****7")]
    [InlineData("123456", "1****6")]
    [InlineData("12345", "*****")]               // too short to show anything and still hide four
    [InlineData("1234", "****")]
    [InlineData("1", "*")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(" 001234567123 ", "001******123")]
    [InlineData("0012345671234567", "001**********567")] // longer than an ID: still three at each end
    public void A_value_shows_at_most_three_characters_at_each_end_and_hides_at_least_four(string value, string masked)
    {
        Assert.Equal(masked, PersonalDataMask.Mask(value));
    }

    [Fact]
    public void Nothing_masks_to_nothing()
    {
        Assert.Equal("", PersonalDataMask.Mask(null));
    }

    [Theory]
    [InlineData(PersonalField.CitizenId, "Số định danh cá nhân")]
    [InlineData(PersonalField.Phone, "Số điện thoại")]
    public void Each_field_has_a_vietnamese_label(PersonalField field, string label)
    {
        Assert.Equal(label, PersonalDataMask.Label(field));
    }
}
