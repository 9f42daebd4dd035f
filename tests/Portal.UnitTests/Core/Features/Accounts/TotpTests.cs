using System.Text;
using Portal.Core.Features.Accounts.TwoFactor;

namespace Portal.UnitTests.Core.Features.Accounts;

public sealed class TotpTests
{
    // RFC 6238 appendix B (SHA-1), the last six of the eight digits.
    [Theory]
    [InlineData(59L, 287082)]
    [InlineData(1111111109L, 081804)]
    [InlineData(1111111111L, 050471)]
    [InlineData(1234567890L, 005924)]
    [InlineData(2000000000L, 279037)]
    public void Code_ForTheRfc6238TestVectors_IsTheExpectedOne(long unixSeconds, int expected)
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");

        Totp.Code(key, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))).ShouldBe(expected);
    }

    [Fact]
    public void DecodeKey_OfABase32Key_GivesItsBytes()
    {
        // "12345678901234567890" in base32, spaced and lower case as the set-up page shows it.
        Totp.DecodeKey("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").ShouldBe(Encoding.ASCII.GetBytes("12345678901234567890"));
    }
}
