using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Brands;

namespace Portal.Core.Features.Applications;

/// <summary>Starting a brand: a brand manager picks its code and names and becomes its owner.</summary>
public sealed class NewBrandService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<ApplicationStrings> strings,
    TimeProvider clock)
{
    /// <summary>Starts a brand in Draft with the signed-in brand manager as its owner.</summary>
    public async Task<Outcome<string>> CreateAsync(ClaimsPrincipal user, NewBrandRequest request, CancellationToken cancellationToken = default)
    {
        if (BrandDirectory.UserId(user) is not { } userId || !user.IsInRole(Accounts.PortalRoles.BrandManager))
        {
            return Outcome<string>.Fail(strings["Refused_NotBrandManager"]);
        }

        var code = request.Code.Trim().ToLowerInvariant();
        var errors = ApplicationProfileService.NameErrors(strings, request.NameZh, request.NameEn);
        if (!ApplicationRules.IsValidCode(code))
        {
            errors.Add(strings["Validation_Code"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (errors.Count == 0 && await db.Brands.AnyAsync(b => b.Code == code, cancellationToken))
        {
            errors.Add(strings["Validation_CodeTaken", code]);
        }

        if (errors.Count > 0)
        {
            return Outcome<string>.Fail(errors);
        }

        var brand = new Brand { Code = code, NameZh = request.NameZh.Trim(), NameEn = request.NameEn.Trim() };
        db.Brands.Add(brand);
        db.BrandMembers.Add(new BrandMember { BrandId = brand.Id, UserId = userId, Role = BrandMemberRole.Owner, JoinedAt = clock.GetUtcNow() });
        if (StoredText.Refusals(db, strings, "Validation_TooLong", "Field_Text") is { Count: > 0 } tooLong)
        {
            return Outcome<string>.Fail(tooLong);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException race) when (UniqueViolation.Is(race))
        {
            // Another brand took the code between the check and the insert (unique index).
            return Outcome<string>.Fail(strings["Validation_CodeTaken", code]);
        }

        return Outcome<string>.Success(code);
    }
}
