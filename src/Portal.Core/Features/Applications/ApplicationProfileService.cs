using System.Net.Mail;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Brands;

namespace Portal.Core.Features.Applications;

/// <summary>
/// Editing the application's profile (members only, while it is a draft or sent back for changes), and
/// the categories a profile can choose from.
/// </summary>
public sealed class ApplicationProfileService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<ApplicationStrings> strings)
{
    /// <summary>The active categories, in their display order.</summary>
    public async Task<IReadOnlyList<CategoryOption>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.Where(c => c.IsActive).OrderBy(c => c.SortOrder)
            .Select(c => new CategoryOption(c.Id, c.Code, c.NameZh, c.NameEn)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Saves the profile while the application is a draft or sent back for changes; members only. A form read before
    /// a colleague's save is refused (<see cref="BrandProfile.Revision"/>), so nobody saves over edits they never saw.
    /// </summary>
    public async Task<Outcome> SaveProfileAsync(ClaimsPrincipal user, string code, BrandProfile profile, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.Include(b => b.Categories).SingleOrDefaultAsync(b => b.Code == code, cancellationToken);
        if (brand is null || await BrandDirectory.MemberRoleAsync(db, user, brand.Id, cancellationToken) is null)
        {
            return Outcome.Fail(strings["Refused_NotMember"]);
        }

        if (!ApplicationWorkflow.IsEditable(brand.Status))
        {
            return Outcome.Fail(strings["Refused_NotEditable", strings[$"Status_{brand.Status}"]]);
        }

        if (profile.Revision is { } read && read != brand.ProfileRevision)
        {
            return Outcome.Fail(strings["Refused_ProfileSavedMeanwhile"]);
        }

        var errors = await ValidateAsync(db, profile, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Fail(errors);
        }

        Apply(brand, profile);
        if (StoredText.Refusals(db, strings, "Validation_TooLong", "Field_Text") is { Count: > 0 } tooLong)
        {
            return Outcome.Fail(tooLong);
        }

        // The version guards the moment between this read and the save (a colleague's save, a review step).
        brand.ProfileRevision++;
        brand.Version++;
        var saved = await db.SaveOrRefuseAsync(strings["Refused_Concurrent"], cancellationToken);
        if (saved.Succeeded)
        {
            profile.Revision = brand.ProfileRevision;
        }

        return saved;
    }

    /// <summary>A brand's two names are required, when it is started and whenever its profile is saved.</summary>
    internal static List<string> NameErrors(IStringLocalizer<ApplicationStrings> strings, string? nameZh, string? nameEn)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(nameZh))
        {
            errors.Add(strings["Validation_Required", strings["Field_NameZh"]]);
        }

        if (string.IsNullOrWhiteSpace(nameEn))
        {
            errors.Add(strings["Validation_Required", strings["Field_NameEn"]]);
        }

        return errors;
    }

    private async Task<List<string>> ValidateAsync(PortalDbContext db, BrandProfile profile, CancellationToken cancellationToken)
    {
        var errors = NameErrors(strings, profile.NameZh, profile.NameEn);
        if (!string.IsNullOrWhiteSpace(profile.ContactEmail) && !MailAddress.TryCreate(profile.ContactEmail.Trim(), out _))
        {
            errors.Add(strings["Validation_Email", strings["Field_ContactEmail"]]);
        }

        if (profile.TrademarkClass is < 1 or > 45)
        {
            errors.Add(strings["Validation_TrademarkClass"]);
        }

        if (profile.AuthorizationChain.Count > ApplicationRules.MaxAuthorizationLevels)
        {
            errors.Add(strings["Validation_ChainTooLong", ApplicationRules.MaxAuthorizationLevels]);
        }

        if (profile.AuthorizationChain.Any(l => string.IsNullOrWhiteSpace(l.Grantor) || string.IsNullOrWhiteSpace(l.Grantee)))
        {
            errors.Add(strings["Validation_ChainLinkIncomplete"]);
        }

        var ids = profile.CategoryIds.Distinct().ToList();
        if (ids.Count > 0 && await db.Categories.CountAsync(c => ids.Contains(c.Id) && c.IsActive, cancellationToken) != ids.Count)
        {
            errors.Add(strings["Validation_UnknownCategory"]);
        }

        return errors;
    }

    private static void Apply(Brand brand, BrandProfile profile)
    {
        brand.NameZh = profile.NameZh.Trim();
        brand.NameEn = profile.NameEn.Trim();
        brand.CompanyName = TextInput.Clean(profile.CompanyName);
        brand.ContactName = TextInput.Clean(profile.ContactName);
        brand.ContactPhone = TextInput.Clean(profile.ContactPhone);
        brand.ContactEmail = TextInput.Clean(profile.ContactEmail);
        brand.StoreId = TextInput.Clean(profile.StoreId);
        brand.TrademarkNumber = TextInput.Clean(profile.TrademarkNumber);
        brand.TrademarkClass = profile.TrademarkClass;
        brand.TrademarkOwner = TextInput.Clean(profile.TrademarkOwner);
        brand.AuthorizationChain = profile.AuthorizationChain
            .Select(l => new AuthorizationLink { Grantor = l.Grantor.Trim(), Grantee = l.Grantee.Trim() })
            .ToList();
        brand.Categories.RemoveAll(c => !profile.CategoryIds.Contains(c.CategoryId));
        foreach (var id in profile.CategoryIds.Distinct().Where(id => brand.Categories.All(c => c.CategoryId != id)))
        {
            brand.Categories.Add(new BrandCategory { BrandId = brand.Id, CategoryId = id });
        }
    }
}
