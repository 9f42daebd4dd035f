using System.Net;
using Portal.Web.Components.Account;
using Portal.Web.Infrastructure;

namespace Portal.UnitTests.Web.Security;

/// <summary>Rules a review of the merged hardening found loose; fast, no app started.</summary>
public sealed class ReviewFindingsTests
{
    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://evil.example/")]
    public void TwoFactorPages_ReturnUrlThatLeavesThePortal_GoesHome(string returnUrl) =>
        TwoFactorPages.LocalOrHome(returnUrl).ShouldBe("/");

    [Fact]
    public void TwoFactorPages_LocalReturnUrl_IsKept() =>
        TwoFactorPages.LocalOrHome("/notifications?page=2").ShouldBe("/notifications?page=2");

    [Fact]
    public void RateLimitPartition_OfIPv6_IsItsSlash64_SoRotatingWithinItDoesNotHelp()
    {
        var first = RateLimiting.PartitionOf(IPAddress.Parse("2001:db8:1:2::1"));
        var rotated = RateLimiting.PartitionOf(IPAddress.Parse("2001:db8:1:2:ffff:eeee:dddd:cccc"));
        var neighbour = RateLimiting.PartitionOf(IPAddress.Parse("2001:db8:1:3::1"));

        rotated.ShouldBe(first);
        neighbour.ShouldNotBe(first);
        first.ShouldBe("2001:db8:1:2::/64");
    }

    [Fact]
    public void RateLimitPartition_OfIPv4_AndMappedIPv4_IsTheAddress()
    {
        RateLimiting.PartitionOf(IPAddress.Parse("203.0.113.7")).ShouldBe("203.0.113.7");
        RateLimiting.PartitionOf(IPAddress.Parse("::ffff:203.0.113.7")).ShouldBe("203.0.113.7");
    }
}
