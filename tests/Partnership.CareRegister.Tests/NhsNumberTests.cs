using Partnership.CareRegister.Identifiers;

namespace Partnership.CareRegister.Tests;

public sealed class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919")]
    [InlineData("943 476 5919")]
    [InlineData("4010232137")]
    public void Numbers_with_the_right_modulus_11_check_digit_are_valid(string number) => Assert.True(NhsNumber.IsValid(number));

    [Theory]
    [InlineData("9434765918")] // check digit off by one
    [InlineData("9434765910")]
    [InlineData("943476591")] // nine digits
    [InlineData("94347659199")]
    [InlineData("94347A5919")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_invalid(string? number) => Assert.False(NhsNumber.IsValid(number));

    [Fact]
    public void Nine_digits_whose_check_digit_would_be_10_have_no_valid_number()
    {
        // 1,2,3,4,5,6,7,8,9 weighted 10..2 sums to 210; 210 mod 11 = 1; 11 - 1 = 10: no valid check digit.
        Assert.Null(NhsNumber.WithCheckDigit("123456789"));
        for (var d = 0; d <= 9; d++)
        {
            Assert.False(NhsNumber.IsValid($"123456789{d}"));
        }
    }

    [Fact]
    public void A_generated_check_digit_validates()
    {
        var number = NhsNumber.WithCheckDigit("999000001");
        Assert.NotNull(number);
        Assert.True(NhsNumber.IsValid(number));
    }
}
