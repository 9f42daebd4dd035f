using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Seeding;

namespace Portal.Core.Features.Documents;

/// <summary>
/// Seeds the certification rules, the recognised quality-inspection agencies and the ranked review
/// reasons. Adds only what is missing, so staff changes to existing rows survive a restart.
/// </summary>
internal sealed class DocumentSeedContributor : ISeedContributor
{
    private const string CodePattern = "^[A-Z0-9][A-Z0-9-]{5,39}$";

    internal static IReadOnlyList<RequirementRule> DefaultRules() =>
    [
        new() { Code = "brand-trademark", Condition = RuleCondition.ApplicantIsOwner, DocumentType = DocumentType.TrademarkCertificate, CertificateNumberPattern = CodePattern, SortOrder = 10 },
        new() { Code = "brand-authorisation", Condition = RuleCondition.ApplicantIsNotOwner, DocumentType = DocumentType.AuthorisationLetter, SortOrder = 20 },
        new() { Code = "food-licence", CategoryCode = "food", DocumentType = DocumentType.FoodBusinessLicence, CertificateNumberPattern = @"^JY\d{14}$", SortOrder = 30 },
        new() { Code = "cosmetics-filing", CategoryCode = "cosmetics", DocumentType = DocumentType.CosmeticsFiling, RequiresExpiryDate = false, SortOrder = 40 },
        new() { Code = "jewellery-certificate", CategoryCode = "jewellery", DocumentType = DocumentType.PreciousMetalCertificate, RequiresRecognisedIssuer = true, CertificateNumberPattern = CodePattern, SortOrder = 50 },
        new() { Code = "used-phone-report", CategoryCode = "used-phones", DocumentType = DocumentType.PhoneQualityReport, RequiresExpiryDate = false, ChecksReportAge = true, CertificateNumberPattern = CodePattern, SortOrder = 60 },
    ];

    private static readonly string[] Agencies =
    [
        "国家金银制品质量检验检测中心（上海）",
        "国家金银制品质量检验检测中心（南京）",
        "国家珠宝玉石质量检验检测中心",
        "国家首饰质量检验检测中心",
        "National Gems & Jewelry Testing Center (NGTC)",
    ];

    private static readonly (string Code, string Zh, string En)[] Reasons =
    [
        ("unreadable", "文件不清晰或无法打开", "The file is unreadable or does not open"),
        ("holder-mismatch", "证书主体与申请公司不一致", "The holder does not match the applicant company"),
        ("wrong-document", "上传的不是所需的证件", "This is not the document required"),
        ("incomplete", "缺页或关键信息不全", "Pages or key details are missing"),
        ("validity", "有效期不符合要求", "The validity period does not meet the requirement"),
        ("suspected-forgery", "疑似伪造或篡改", "Suspected forgery or alteration"),
    ];

    public async Task SeedReferenceDataAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var rules = await db.RequirementRules.Select(r => r.Code).ToListAsync(cancellationToken);
        db.RequirementRules.AddRange(DefaultRules().Where(r => !rules.Contains(r.Code)));

        var agencies = await db.RecognisedAgencies.Select(a => a.Name).ToListAsync(cancellationToken);
        db.RecognisedAgencies.AddRange(Agencies.Where(a => !agencies.Contains(a)).Select(a => new RecognisedAgency { Name = a }));

        var reasons = await db.ReviewReasons.Select(r => r.Code).ToListAsync(cancellationToken);
        var rank = 0;
        foreach (var (code, zh, en) in Reasons)
        {
            rank += 10;
            if (!reasons.Contains(code))
            {
                db.ReviewReasons.Add(new ReviewReason { Code = code, TextZh = zh, TextEn = en, Rank = rank });
            }
        }
    }

    public Task SeedDemoDataAsync(PortalDbContext db, DemoSeedContext demo, CancellationToken cancellationToken) => Task.CompletedTask;
}
