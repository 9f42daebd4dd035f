using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Work;

namespace Portal.Core.Features.Documents;

/// <summary>
/// A brand's document files: uploading a new version (members only) and opening a stored one (members
/// and staff). The file's type comes from its content, its name is kept only as display text.
/// </summary>
public sealed class DocumentFileService(
    IDbContextFactory<PortalDbContext> dbFactory,
    DocumentStorage storage,
    IWorkDispatcher dispatcher,
    IStringLocalizer<DocumentStrings> strings,
    TimeProvider clock)
{
    /// <summary>Stores a new version of the document for a requirement and queues its automatic checks.</summary>
    public async Task<Outcome<Guid>> UploadAsync(ClaimsPrincipal user, string brandCode, UploadRequest request, Stream content, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.AsNoTracking().SingleOrDefaultAsync(b => b.Code == brandCode, cancellationToken);
        if (brand is null || BrandDirectory.UserId(user) is not { } userId || !await DocumentAccess.MayWorkAsync(db, user, brand.Id, clock, cancellationToken))
        {
            return Outcome<Guid>.Fail(strings["Refused_NotMember"]);
        }

        var facts = await DocumentAccess.FactsAsync(db, brand.Id, cancellationToken);
        var rules = await db.RequirementRules.AsNoTracking().ToListAsync(cancellationToken);
        var rule = RequirementEvaluator.Applicable(facts, rules).FirstOrDefault(r => r.Code == request.RuleCode);
        if (rule is null)
        {
            return Outcome<Guid>.Fail(strings["Refused_UnknownRequirement"]);
        }

        // Checked before the file is stored: a refused upload leaves nothing behind.
        if (StoredText.Refusals<Document>(db, strings, "Validation_TooLong", "Field_Text",
                (nameof(Document.CertificateNumber), TextInput.Clean(request.CertificateNumber)),
                (nameof(Document.Issuer), TextInput.Clean(request.Issuer))) is { Count: > 0 } tooLong)
        {
            return Outcome<Guid>.Fail(tooLong);
        }

        var stored = await storage.StoreAsync(content, cancellationToken);
        if (!stored.Succeeded)
        {
            return Outcome<Guid>.Fail(stored.Errors);
        }

        var onBehalfOf = await Providers.Delegations.OnBehalfOfAsync(db, userId, brand.Id, clock, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var latest = await db.Documents.Where(d => d.BrandId == brand.Id && d.RuleId == rule.Id).MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0;
            var document = NewVersion(brand.Id, rule, latest + 1, stored.Value!, request, facts, userId);
            document.UploadedByProviderId = onBehalfOf;
            db.Documents.Add(document);
            db.DocumentDecisions.Add(new DocumentDecision { DocumentId = document.Id, Action = DocumentAction.Uploaded, From = DocumentStatus.Checking, To = DocumentStatus.Checking, ActorUserId = userId });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                dispatcher.CheckDocument(document.Id);
                return Outcome<Guid>.Success(document.Id);
            }
            catch (DbUpdateException race) when (UniqueViolation.Is(race))
            {
                // Another upload for the same requirement (a colleague, a provider) took this version number meanwhile
                // (the unique index on brand, requirement and version): number it again after theirs.
                db.ChangeTracker.Clear();
                if (attempt == 3)
                {
                    return Outcome<Guid>.Fail(strings["Refused_UploadedMeanwhile"]);
                }
            }
        }
    }

    /// <summary>The stored file of a document, for its brand's members and staff; null for anyone else.</summary>
    public async Task<DocumentFile?> OpenFileAsync(ClaimsPrincipal user, Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null || (!BrandDirectory.IsStaff(user) && !await DocumentAccess.MayWorkAsync(db, user, document.BrandId, clock, cancellationToken)))
        {
            return null;
        }

        return storage.Open(document.FileHash) is { } stream ? new DocumentFile(stream, document.ContentType, document.DisplayName) : null;
    }

    private static Document NewVersion(Guid brandId, RequirementRule rule, int version, StoredFile file, UploadRequest request, BrandFacts facts, Guid userId)
    {
        var number = TextInput.Clean(request.CertificateNumber);
        return new Document
        {
            BrandId = brandId,
            RuleId = rule.Id,
            Type = rule.DocumentType,
            Version = version,
            FileHash = file.Hash,
            ContentType = file.ContentType,
            Size = file.Size,
            DisplayName = DisplayNames.Clean(request.FileName),
            CertificateNumber = number,
            CertificateKey = number is null ? null : DocumentChecks.NormalizeNumber(number),
            Issuer = TextInput.Clean(request.Issuer),
            IssuedOn = request.IssuedOn,
            ExpiresOn = request.ExpiresOn,
            CoveredCategories = request.CoveredCategories.Where(facts.CategoryCodes.Contains).Distinct().ToList(),
            UploadedBy = userId,
        };
    }
}
