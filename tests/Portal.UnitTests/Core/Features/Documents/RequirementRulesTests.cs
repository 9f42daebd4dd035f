using Portal.Core.Features.Documents;

namespace Portal.UnitTests.Core.Features.Documents;

/// <summary>The seeded rules per category and the pure checks, without a database.</summary>
public sealed class RequirementRulesTests
{
    private static readonly IReadOnlyList<RequirementRule> Rules = DocumentSeedContributor.DefaultRules();
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DocumentOptions Options = new();

    [Theory]
    [InlineData("apparel", true, "brand-trademark")]
    [InlineData("apparel", false, "brand-authorisation")]
    [InlineData("food", true, "brand-trademark,food-licence")]
    [InlineData("cosmetics", true, "brand-trademark,cosmetics-filing")]
    [InlineData("jewellery", false, "brand-authorisation,jewellery-certificate")]
    [InlineData("used-phones", true, "brand-trademark,used-phone-report")]
    [InlineData("home", true, "brand-trademark")]
    public void Applicable_PerCategoryAndOwnership_AsksForTheRightDocuments(string category, bool owner, string expected) =>
        string.Join(",", RequirementEvaluator.Applicable(new BrandFacts([category], owner), Rules).Select(r => r.Code)).ShouldBe(expected);

    [Fact]
    public void Applicable_InactiveRule_IsNoLongerRequiredOfAnyBrand()
    {
        var rules = DocumentSeedContributor.DefaultRules();
        rules.Single(r => r.Code == "food-licence").IsActive = false;

        RequirementEvaluator.Applicable(new BrandFacts(["food"], true), rules).Select(r => r.Code).ShouldBe(["brand-trademark"]);
    }

    [Theory]
    [InlineData(null, "Acme", true)]
    [InlineData(" acme ", "Acme", true)]
    [InlineData("Acme Holding", "Acme", false)]
    public void OwnsTrademark_ComparesOwnerWithCompany(string? owner, string company, bool expected) =>
        BrandFacts.OwnsTrademark(owner, company).ShouldBe(expected);

    private static Document Doc(RequirementRule rule, Action<Document>? change = null)
    {
        var document = new Document
        {
            RuleId = rule.Id,
            Type = rule.DocumentType,
            FileHash = new string('a', 64),
            ContentType = "image/png",
            DisplayName = "x.png",
            CertificateNumber = "ABC-123456",
            Issuer = "国家金银制品质量检验检测中心（上海）",
            IssuedOn = Today.AddDays(-10),
            ExpiresOn = Today.AddYears(2),
        };
        change?.Invoke(document);
        return document;
    }

    private static List<string> Check(string ruleCode, Action<Document>? change = null)
    {
        var rule = Rules.Single(r => r.Code == ruleCode);
        return DocumentChecks.Run(Doc(rule, change), rule, Options, Today, ["国家金银制品质量检验检测中心（上海）"]).Select(f => f.Argument is null ? f.Code : $"{f.Code}:{f.Argument}").ToList();
    }

    [Fact]
    public void Checks_CompleteValidDocument_FindNothing() => Check("jewellery-certificate").ShouldBeEmpty();

    [Fact]
    public void Checks_MissingMetadata_AreEachNamed() =>
        Check("brand-trademark", d => { d.CertificateNumber = " "; d.Issuer = null; d.IssuedOn = null; d.ExpiresOn = null; })
            .ShouldBe(["Check_Missing:Field_CertificateNumber", "Check_Missing:Field_Issuer", "Check_Missing:Field_IssuedOn", "Check_Missing:Field_ExpiresOn"]);

    [Fact]
    public void Checks_ExpiryNotRequiredByRule_IsNotMissing() =>
        Check("cosmetics-filing", d => d.ExpiresOn = null).ShouldBeEmpty();

    [Fact]
    public void Checks_IssueDateInTheFuture_Fails() => Check("brand-trademark", d => d.IssuedOn = Today.AddDays(1)).ShouldBe(["Check_IssuedInFuture"]);

    [Fact]
    public void Checks_ExpiredDocument_Fails() => Check("brand-trademark", d => d.ExpiresOn = Today).ShouldBe(["Check_Expired"]);

    [Fact]
    public void Checks_ExpiringWithinThreeMonths_Fails() => Check("brand-trademark", d => d.ExpiresOn = Today.AddMonths(3)).ShouldBe(["Check_ExpiresTooSoon:3"]);

    [Fact]
    public void Checks_ExpiringJustAfterThreeMonths_Passes() => Check("brand-trademark", d => d.ExpiresOn = Today.AddMonths(3).AddDays(1)).ShouldBeEmpty();

    [Fact]
    public void Checks_RuleWithOwnMinimumValidity_UsesIt()
    {
        var rule = Rules.Single(r => r.Code == "brand-trademark");
        var strict = new RequirementRule { Code = "x", DocumentType = rule.DocumentType, MinValidityMonths = 12 };

        DocumentChecks.Run(Doc(strict, d => d.ExpiresOn = Today.AddMonths(6)), strict, Options, Today, []).Single().Code.ShouldBe("Check_ExpiresTooSoon");
    }

    [Fact]
    public void Checks_UnrecognisedIssuerForJewellery_Fails() => Check("jewellery-certificate", d => d.Issuer = "Some Local Lab").ShouldBe(["Check_IssuerNotRecognised"]);

    [Fact]
    public void Checks_UnrecognisedIssuerWhereNotRequired_Passes() => Check("brand-trademark", d => d.Issuer = "Some Local Lab").ShouldBeEmpty();

    [Fact]
    public void Checks_PhoneReportOlderThanThirtyDays_Fails() => Check("used-phone-report", d => d.IssuedOn = Today.AddDays(-31)).ShouldBe(["Check_ReportTooOld:30"]);

    [Fact]
    public void Checks_PhoneReportThirtyDaysOld_Passes() => Check("used-phone-report", d => d.IssuedOn = Today.AddDays(-30)).ShouldBeEmpty();

    [Fact]
    public void Checks_CertificateNumberNotMatchingThePattern_Fails() => Check("food-licence", d => d.CertificateNumber = "JY123").ShouldBe(["Check_NumberPattern"]);

    [Fact]
    public void Checks_FoodLicenceNumberInTheRightFormat_Passes() => Check("food-licence", d => d.CertificateNumber = "JY14401010012345").ShouldBeEmpty();

    private static (RequirementRule Rule, Document Doc) Approved(string ruleCode, DateOnly expires, int version = 1, DocumentStatus status = DocumentStatus.Approved, params string[] covered)
    {
        var rule = Rules.Single(r => r.Code == ruleCode);
        var doc = Doc(rule, d => { d.ExpiresOn = expires; d.Version = version; d.CoveredCategories = [.. covered]; });
        typeof(Document).GetProperty(nameof(Document.Status))!.SetValue(doc, status);
        return (rule, doc);
    }

    [Fact]
    public void Evaluate_NothingUploaded_IsIncompleteWithEveryRequirementMissing()
    {
        var report = RequirementEvaluator.Evaluate(new BrandFacts(["food"], true), Rules, [], Today);

        report.Status.ShouldBe(ComplianceStatus.Incomplete);
        report.Requirements.Select(r => r.State).ShouldAllBe(s => s == RequirementState.Missing);
        report.Blocked.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_AllApproved_IsCompliant()
    {
        var (_, trademark) = Approved("brand-trademark", Today.AddYears(3));
        var (_, licence) = Approved("food-licence", Today.AddYears(1));

        RequirementEvaluator.Evaluate(new BrandFacts(["food"], true), Rules, [trademark, licence], Today).Status.ShouldBe(ComplianceStatus.Compliant);
    }

    [Fact]
    public void Evaluate_ExpiredLicence_BlocksOnlyItsCategory()
    {
        var (_, trademark) = Approved("brand-trademark", Today.AddYears(3));
        var (_, licence) = Approved("food-licence", Today, status: DocumentStatus.Expired);

        var report = RequirementEvaluator.Evaluate(new BrandFacts(["food", "home"], true), Rules, [trademark, licence], Today);

        report.Status.ShouldBe(ComplianceStatus.Blocked);
        report.Blocked.Select(b => b.CategoryCode).ShouldBe(["food"]);
    }

    [Fact]
    public void Evaluate_ApprovedDocumentPastItsExpiryDay_BlocksBeforeTheJobRuns()
    {
        var (_, trademark) = Approved("brand-trademark", Today);

        var report = RequirementEvaluator.Evaluate(new BrandFacts(["home", "apparel"], true), Rules, [trademark], Today);

        report.Requirements.Single().State.ShouldBe(RequirementState.Expired);
        report.Blocked.Select(b => b.CategoryCode).Order().ShouldBe(["apparel", "home"]);
    }

    [Fact]
    public void Evaluate_ApprovedReplacement_LiftsTheBlock()
    {
        var (_, old) = Approved("brand-trademark", Today.AddDays(-1), version: 1, status: DocumentStatus.Expired);
        var (_, renewed) = Approved("brand-trademark", Today.AddYears(5), version: 2);

        var report = RequirementEvaluator.Evaluate(new BrandFacts(["home"], true), Rules, [old, renewed], Today);

        report.Status.ShouldBe(ComplianceStatus.Compliant);
        report.Blocked.ShouldBeEmpty();
    }
}
