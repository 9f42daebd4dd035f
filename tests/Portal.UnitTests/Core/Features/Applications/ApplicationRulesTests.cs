using Portal.Core.Features.Applications;

namespace Portal.UnitTests.Core.Features.Applications;

public sealed class ApplicationRulesTests
{
    private static List<AuthorizationLink> Chain(params (string From, string To)[] links) =>
        links.Select(l => new AuthorizationLink { Grantor = l.From, Grantee = l.To }).ToList();

    [Fact]
    public void Chain_WhenTheApplicantOwnsTheTrademark_MustBeEmpty()
    {
        ApplicationRules.ChainProblem("Acme", "acme ", []).ShouldBeNull();
        ApplicationRules.ChainProblem("Acme", "Acme", Chain(("Acme", "Acme"))).ShouldBe(ChainProblemKind.NotNeeded);
    }

    [Fact]
    public void Chain_FromOwnerToApplicant_IsAccepted_UpToThreeLevels()
    {
        ApplicationRules.ChainProblem("Owner", "Shop", Chain(("Owner", "Shop"))).ShouldBeNull();
        ApplicationRules.ChainProblem("Owner", "Shop", Chain(("Owner", "A"), ("A", "B"), ("B", "Shop"))).ShouldBeNull();
        ApplicationRules.ChainProblem("Owner", "Shop", Chain(("Owner", "A"), ("A", "B"), ("B", "C"), ("C", "Shop"))).ShouldBe(ChainProblemKind.TooLong);
    }

    [Fact]
    public void Chain_ThatDoesNotConnect_IsBroken()
    {
        ApplicationRules.ChainProblem("Owner", "Shop", []).ShouldBe(ChainProblemKind.Missing);
        ApplicationRules.ChainProblem("Owner", "Shop", Chain(("Someone", "Shop"))).ShouldBe(ChainProblemKind.Broken);
        ApplicationRules.ChainProblem("Owner", "Shop", Chain(("Owner", "A"), ("B", "Shop"))).ShouldBe(ChainProblemKind.Broken);
        ApplicationRules.ChainProblem("Owner", "Shop", Chain(("Owner", "A"))).ShouldBe(ChainProblemKind.Broken);
    }

    [Theory]
    [InlineData("2026-11-23", 3, "2026-11-26")] // Monday → Thursday
    [InlineData("2026-11-27", 3, "2026-12-02")] // Friday → Wednesday
    [InlineData("2026-11-28", 3, "2026-12-02")] // Saturday → Wednesday
    [InlineData("2026-11-29", 1, "2026-11-30")] // Sunday → Monday
    [InlineData("2026-11-26", 5, "2026-12-03")] // Thursday + a full week
    public void AddWorkingDays_SkipsWeekends(string start, int days, string expected)
    {
        global::Portal.Core.PlatformTime.AddWorkingDays(DateOnly.Parse(start), days).ShouldBe(DateOnly.Parse(expected));
    }
}
