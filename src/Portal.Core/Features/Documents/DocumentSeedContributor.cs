using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Microsoft.Extensions.Options;
using Portal.Core.Features.Seeding;

namespace Portal.Core.Features.Documents;

/// <summary>
/// Seeds the certification rules, the recognised quality-inspection agencies and the ranked review
/// reasons. Adds only what is missing, so staff changes to existing rows survive a restart.
/// The demo: Cloud Tea has an approved trademark certificate and food licence, and Silver Moon's
/// authorisation letter waits in the review queue; each with its file stored.
/// </summary>
internal sealed class DocumentSeedContributor(DocumentStorage storage, IOptions<DocumentOptions> options, TimeProvider clock) : ISeedContributor
{
    internal const string MoonBrandCode = "silver-moon";

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

    public async Task SeedDemoDataAsync(PortalDbContext db, DemoSeedContext demo, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = PlatformTime.DayOf(now);
        await SeedAsync(db, demo.DemoBrandId, "brand-trademark", demo.BrandManagerId, cancellationToken, document =>
        {
            document.CertificateNumber = "TM-30-2019-551234";
            document.Issuer = "国家知识产权局 CNIPA";
            document.IssuedOn = today.AddYears(-3);
            document.ExpiresOn = today.AddYears(7);
            Approve(db, document, demo.OperatorId, now.AddDays(-50));
        });
        await SeedAsync(db, demo.DemoBrandId, "food-licence", demo.BrandManagerId, cancellationToken, document =>
        {
            document.CertificateNumber = "JY15301020012345";
            document.Issuer = "昆明市市场监督管理局";
            document.IssuedOn = today.AddYears(-1);
            document.ExpiresOn = today.AddYears(4);
            Approve(db, document, demo.OperatorId, now.AddDays(-50));
        });

        if (await db.Brands.Where(b => b.Code == MoonBrandCode).Select(b => (Guid?)b.Id).SingleOrDefaultAsync(cancellationToken) is { } moon)
        {
            await SeedAsync(db, moon, "brand-authorisation", demo.BrandManagerId, cancellationToken, document =>
            {
                document.CertificateNumber = "SQ-2024-0815";
                document.Issuer = "银月控股集团";
                document.IssuedOn = today.AddMonths(-2);
                document.ExpiresOn = today.AddYears(2);
                var since = now.AddDays(-1);
                document.Status = DocumentStatus.AwaitingReview;
                document.CheckedAt = since;
                document.AwaitingSince = since;
                document.ReviewDueOn = PlatformTime.AddWorkingDays(PlatformTime.DayOf(since), options.Value.ReviewWorkingDays);
                db.DocumentDecisions.Add(new DocumentDecision { DocumentId = document.Id, Action = DocumentAction.ChecksPassed, From = DocumentStatus.Checking, To = DocumentStatus.AwaitingReview, CreatedAt = since });
            });
        }
    }

    /// <summary>Adds a demo document for a rule the brand has none for yet; its file is a small PDF naming it.</summary>
    private async Task SeedAsync(PortalDbContext db, Guid brandId, string ruleCode, Guid uploadedBy, CancellationToken cancellationToken, Action<Document> complete)
    {
        var rule = await db.RequirementRules.AsNoTracking().SingleOrDefaultAsync(r => r.Code == ruleCode, cancellationToken);
        if (rule is null || await db.Documents.AnyAsync(d => d.BrandId == brandId && d.RuleId == rule.Id, cancellationToken))
        {
            return;
        }

        var brandCode = await db.Brands.Where(b => b.Id == brandId).Select(b => b.Code).SingleAsync(cancellationToken);
        var pdf = SimplePdf.WithText("STEPS Brand Portal - demo document", $"Brand: {brandCode}", $"Document: {rule.DocumentType}");
        var stored = await storage.StoreAsync(new MemoryStream(pdf), cancellationToken);
        if (!stored.Succeeded)
        {
            throw new InvalidOperationException($"Seeding the demo {ruleCode} of {brandCode} failed: {string.Join("; ", stored.Errors)}");
        }

        var uploadedAt = clock.GetUtcNow().AddDays(-52);
        var document = new Document
        {
            BrandId = brandId,
            RuleId = rule.Id,
            Type = rule.DocumentType,
            Version = 1,
            FileHash = stored.Value!.Hash,
            ContentType = stored.Value.ContentType,
            Size = stored.Value.Size,
            DisplayName = $"{ruleCode}.pdf",
            UploadedBy = uploadedBy,
            CreatedAt = uploadedAt,
        };
        db.DocumentDecisions.Add(new DocumentDecision { DocumentId = document.Id, Action = DocumentAction.Uploaded, From = DocumentStatus.Checking, To = DocumentStatus.Checking, ActorUserId = uploadedBy, CreatedAt = uploadedAt });
        complete(document);
        document.CertificateKey = document.CertificateNumber is { } number ? DocumentChecks.NormalizeNumber(number) : null;
        db.Documents.Add(document);
    }

    private static void Approve(PortalDbContext db, Document document, Guid reviewer, DateTimeOffset at)
    {
        document.Status = DocumentStatus.Approved;
        document.CheckedAt = at.AddDays(-1);
        document.AwaitingSince = at.AddDays(-1);
        db.DocumentDecisions.AddRange(
            new DocumentDecision { DocumentId = document.Id, Action = DocumentAction.ChecksPassed, From = DocumentStatus.Checking, To = DocumentStatus.AwaitingReview, CreatedAt = at.AddDays(-1) },
            new DocumentDecision { DocumentId = document.Id, Action = DocumentAction.Approve, From = DocumentStatus.AwaitingReview, To = DocumentStatus.Approved, ActorUserId = reviewer, CreatedAt = at });
        db.DocumentNotices.Add(new DocumentNotice { BrandId = document.BrandId, DocumentId = document.Id, Kind = NoticeKind.Approved, CreatedAt = at });
    }
}
