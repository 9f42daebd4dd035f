using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Core.Features.Administration;

/// <summary>
/// Whom an API client acts for, chosen when it is created and kept on its OpenIddict entry (the
/// application's <see cref="PropertyName"/> property, so no table of its own). <see cref="Kind"/> says
/// how <see cref="References"/> is read: <c>platform</c> (none; every brand), <c>brands</c>
/// (brand codes) or <c>provider</c> (one provider code: the brands it serves today with metrics
/// import delegated). Each kind has an <see cref="IApiClientOwnerKind"/> that turns its references into brands.
/// </summary>
public sealed record ApiClientOwner(string Kind, IReadOnlyList<string> References)
{
    /// <summary>The OpenIddict application property that holds the owner as JSON.</summary>
    public const string PropertyName = "portal_owner";

    public const string PlatformKind = "platform";

    public const string BrandsKind = "brands";

    public const string ProviderKind = "provider";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The platform's own feeds: every brand.</summary>
    public static ApiClientOwner Platform { get; } = new(PlatformKind, []);

    /// <summary>A client limited to the brands with these codes (normalized: trimmed, lower case, distinct).</summary>
    public static ApiClientOwner Brands(IEnumerable<string> codes) =>
        new(BrandsKind, codes.Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList());

    /// <summary>A client of a service provider (its code, normalized): the brands it serves with metrics import, decided per request.</summary>
    public static ApiClientOwner Provider(string code) => new(ProviderKind, [code.Trim().ToLowerInvariant()]);

    public JsonElement ToJson() => JsonSerializer.SerializeToElement(new Stored(Kind, References), Json);

    /// <summary>
    /// The owner stored on a client. A client created before owners existed has none and is
    /// platform-wide, as every client was then (ADR 0011); a stored owner that cannot be read is no owner.
    /// </summary>
    public static ApiClientOwner? FromJson(JsonElement? stored)
    {
        if (stored is not { } element)
        {
            return Platform;
        }

        try
        {
            var owner = element.Deserialize<Stored>(Json);
            return owner?.Kind is { Length: > 0 } kind ? new ApiClientOwner(kind, owner.References ?? []) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Stored(
        [property: JsonPropertyName("kind")] string? Kind,
        [property: JsonPropertyName("references")] IReadOnlyList<string>? References);
}

/// <summary>The brands a client may read and write: all of them, or the listed codes.</summary>
public sealed record BrandScope(bool PlatformWide, IReadOnlySet<string> BrandCodes)
{
    public static BrandScope Everything { get; } = new(true, new HashSet<string>());

    public static BrandScope Nothing { get; } = new(false, new HashSet<string>());

    public static BrandScope Only(IEnumerable<string> codes) => new(false, codes.ToHashSet(StringComparer.Ordinal));

    /// <summary>Whether the brand with this code (any case, spaces around) is in scope.</summary>
    public bool Allows(string? code) => PlatformWide || BrandCodes.Contains(code?.Trim().ToLowerInvariant() ?? "");
}

/// <summary>One kind of client owner: turns an owner's references into the brands its clients may touch.</summary>
public interface IApiClientOwnerKind
{
    /// <summary>The <see cref="ApiClientOwner.Kind"/> this handles.</summary>
    string Kind { get; }

    Task<BrandScope> ResolveAsync(ApiClientOwner owner, CancellationToken cancellationToken);
}

internal sealed class PlatformOwnerKind : IApiClientOwnerKind
{
    public string Kind => ApiClientOwner.PlatformKind;

    public Task<BrandScope> ResolveAsync(ApiClientOwner owner, CancellationToken cancellationToken) => Task.FromResult(BrandScope.Everything);
}

internal sealed class BrandsOwnerKind : IApiClientOwnerKind
{
    public string Kind => ApiClientOwner.BrandsKind;

    public Task<BrandScope> ResolveAsync(ApiClientOwner owner, CancellationToken cancellationToken) => Task.FromResult(BrandScope.Only(owner.References));
}
