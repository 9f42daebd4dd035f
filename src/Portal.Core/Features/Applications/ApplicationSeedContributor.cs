using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Seeding;

namespace Portal.Core.Features.Applications;

/// <summary>Seeds the category list and, for the demo, an approved demo brand with its history and a second brand waiting in the queue.</summary>
internal sealed class ApplicationSeedContributor(TimeProvider clock) : ISeedContributor
{
    private static readonly (string Code, string Zh, string En)[] Categories =
    [
        ("apparel", "服饰", "Apparel"),
        ("food", "食品", "Food"),
        ("cosmetics", "美妆", "Cosmetics"),
        ("jewellery", "珠宝（黄金/白银）", "Jewellery (gold/silver)"),
        ("used-phones", "二手手机", "Second-hand phones"),
        ("home", "家居", "Home"),
        ("electronics", "3C 数码", "3C electronics"),
    ];

    public async Task SeedReferenceDataAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Categories.Select(c => c.Code).ToListAsync(cancellationToken);
        var order = 0;
        foreach (var (code, zh, en) in Categories)
        {
            order += 10;
            if (!existing.Contains(code))
            {
                db.Categories.Add(new Category { Code = code, NameZh = zh, NameEn = en, SortOrder = order });
            }
        }
    }

    public async Task SeedDemoDataAsync(PortalDbContext db, DemoSeedContext demo, CancellationToken cancellationToken)
    {
        var food = await db.Categories.SingleAsync(c => c.Code == "food", cancellationToken);
        var now = clock.GetUtcNow();
        var brand = await db.Brands.Include(b => b.Categories).SingleAsync(b => b.Id == demo.DemoBrandId, cancellationToken);
        if (brand.Status == ApplicationStatus.Draft && brand.SubmittedAt is null)
        {
            Complete(brand, "云南云茶电子商务有限公司", "林云", "+86 871 6500 0000", "brand@demo.test", "store-8810021", "TM-30-2019-551234", 30, food.Id);
            brand.Status = ApplicationStatus.Approved;
            brand.SubmittedAt = now.AddDays(-60);
            brand.DecisionDueOn = PlatformTime.AddWorkingDays(PlatformTime.DayOf(brand.SubmittedAt.Value), 3);
            brand.LastDecisionAt = now.AddDays(-58);
            brand.LastDecisionReason = "资质齐全，欢迎入驻。Documents complete; welcome aboard.";
            db.ApplicationEvents.AddRange(
                Event(brand.Id, ApplicationAction.Submit, ApplicationStatus.Draft, ApplicationStatus.Submitted, demo.BrandManagerId, now.AddDays(-60)),
                Event(brand.Id, ApplicationAction.StartReview, ApplicationStatus.Submitted, ApplicationStatus.UnderReview, demo.OperatorId, now.AddDays(-59)),
                Event(brand.Id, ApplicationAction.Approve, ApplicationStatus.UnderReview, ApplicationStatus.Approved, demo.OperatorId, now.AddDays(-58), brand.LastDecisionReason));
        }

        if (!await db.Brands.AnyAsync(b => b.Code == "silver-moon", cancellationToken))
        {
            var jewellery = await db.Categories.SingleAsync(c => c.Code == "jewellery", cancellationToken);
            var moon = new Brand { Code = "silver-moon", NameZh = "银月", NameEn = "Silver Moon" };
            Complete(moon, "深圳银月珠宝有限公司", "陈月", "+86 755 8800 0000", "brand@demo.test", "store-7720456", "TM-14-2021-880011", 14, jewellery.Id);
            moon.TrademarkOwner = "银月控股集团";
            moon.AuthorizationChain = [new AuthorizationLink { Grantor = "银月控股集团", Grantee = "深圳银月珠宝有限公司" }];
            moon.Status = ApplicationStatus.Submitted;
            moon.SubmittedAt = now.AddDays(-2);
            moon.DecisionDueOn = PlatformTime.AddWorkingDays(PlatformTime.DayOf(moon.SubmittedAt.Value), 3);
            db.Brands.Add(moon);
            db.BrandMembers.Add(new BrandMember { BrandId = moon.Id, UserId = demo.BrandManagerId, Role = BrandMemberRole.Owner, JoinedAt = now.AddDays(-3) });
            db.ApplicationEvents.Add(Event(moon.Id, ApplicationAction.Submit, ApplicationStatus.Draft, ApplicationStatus.Submitted, demo.BrandManagerId, moon.SubmittedAt.Value));
        }
    }

    private static void Complete(Brand brand, string company, string contact, string phone, string email, string store, string trademark, int trademarkClass, Guid categoryId)
    {
        brand.CompanyName = company;
        brand.ContactName = contact;
        brand.ContactPhone = phone;
        brand.ContactEmail = email;
        brand.StoreId = store;
        brand.TrademarkNumber = trademark;
        brand.TrademarkClass = trademarkClass;
        brand.TrademarkOwner = company;
        if (brand.Categories.All(c => c.CategoryId != categoryId))
        {
            brand.Categories.Add(new BrandCategory { BrandId = brand.Id, CategoryId = categoryId });
        }
    }

    private static ApplicationEvent Event(Guid brandId, ApplicationAction action, ApplicationStatus from, ApplicationStatus to, Guid actor, DateTimeOffset at, string? reason = null) =>
        new() { BrandId = brandId, Action = action, From = from, To = to, ActorUserId = actor, CreatedAt = at, Reason = reason };
}
